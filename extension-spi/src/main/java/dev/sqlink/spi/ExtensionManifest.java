package dev.sqlink.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an extension is (name, version, description), what it adds to SQL, which capabilities
 * it needs and which other extensions it requires. For an extension delivered as a blob (a
 * {@code .wasm} file) the manifest also carries the blob's SHA-256, which pins its content.
 *
 * <p>Naming: every SQL object is registered as {@code PREFIX_NAME} (the prefix defaults to the
 * extension's name) and, when no other enabled extension or built-in function uses it, also as
 * the bare {@code NAME}. See docs/extensions.md. Immutable; build with {@link #builder}.
 */
public final class ExtensionManifest {
    private final String name;
    private final Version version;
    private final String description;
    private final String prefix;
    private final List<SqlObject> provides;
    private final Set<Capability> capabilities;
    private final List<Requirement> requires;
    private final String contentHash;

    private ExtensionManifest(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.description = b.description;
        this.prefix = b.prefix != null ? b.prefix : b.name;
        this.provides = List.copyOf(b.provides);
        this.capabilities = Collections.unmodifiableSet(b.capabilities.isEmpty()
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(b.capabilities));
        this.requires = List.copyOf(b.requires);
        this.contentHash = b.contentHash;
    }

    /**
     * Starts a manifest.
     *
     * @param name lower-case identifier ({@code [a-z][a-z0-9_]*}), unique in a connection
     * @param version {@code MAJOR[.MINOR[.PATCH]]}
     */
    public static Builder builder(String name, String version) {
        return new Builder(name, Version.parse(version));
    }

    /** The name connections enable the extension by. */
    public String name() {
        return name;
    }

    public Version version() {
        return version;
    }

    public String description() {
        return description;
    }

    /** The default prefix of qualified names ({@code prefix_name}); a connection may map it. */
    public String prefix() {
        return prefix;
    }

    /** The SQL objects the extension registers, by their unqualified names. */
    public List<SqlObject> provides() {
        return provides;
    }

    /** The capabilities the extension cannot work without; each must be granted. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** Other extensions that must be enabled on the same connection. */
    public List<Requirement> requires() {
        return requires;
    }

    /** Lower-case hex SHA-256 of the extension's blob, or null for code on the class path. */
    public String contentHash() {
        return contentHash;
    }

    /** A copy with the blob hash set (hosts do this for blobs they verified). */
    public ExtensionManifest withContentHash(String sha256) {
        Builder b = new Builder(name, version);
        b.description = description;
        b.prefix = prefix;
        b.provides.addAll(provides);
        b.capabilities.addAll(capabilities);
        b.requires.addAll(requires);
        return b.contentHash(sha256).build();
    }

    @Override
    public String toString() {
        return name + " " + version;
    }

    /** Builds an {@link ExtensionManifest}; every method checks its input. */
    public static final class Builder {
        private final String name;
        private final Version version;
        private String description = "";
        private String prefix;
        private final List<SqlObject> provides = new ArrayList<>();
        private final Set<Capability> capabilities = new LinkedHashSet<>();
        private final List<Requirement> requires = new ArrayList<>();
        private String contentHash;

        private Builder(String name, Version version) {
            this.name = identifier(name, "extension name");
            this.version = version;
        }

        private static String identifier(String s, String what) {
            if (s == null || !s.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException(what + " must be a lower-case identifier ([a-z][a-z0-9_]*): '"
                        + s + "'");
            }
            return s;
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = identifier(prefix, "prefix");
            return this;
        }

        public Builder provides(SqlObject... objects) {
            for (SqlObject o : objects) {
                if (provides.contains(o)) {
                    throw new IllegalArgumentException(name + " lists " + o + " twice");
                }
                provides.add(o);
            }
            return this;
        }

        public Builder requiresCapability(Capability... needed) {
            capabilities.addAll(List.of(needed));
            return this;
        }

        public Builder requiresExtension(String extension, String versionRange) {
            requires.add(new Requirement(extension, VersionRange.parse(versionRange)));
            return this;
        }

        public Builder contentHash(String sha256) {
            if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("content hash must be 64 lower-case hex digits (SHA-256): " + sha256);
            }
            this.contentHash = sha256;
            return this;
        }

        public ExtensionManifest build() {
            return new ExtensionManifest(this);
        }
    }
}
