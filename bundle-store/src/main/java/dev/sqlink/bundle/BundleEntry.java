package dev.sqlink.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One extension of a bundle: its name, kind, version and content hash.
 *
 * <p>For a wasm extension the content hash is the SHA-256 of its bytes. Java and compiled-in
 * extensions have no bytes of their own in the store, so their content hash is the SHA-256 of
 * the canonical manifest encoding (UTF-8, each line ending in {@code \n}):
 * <pre>
 * sqlink-classpath-extension-v1
 * KIND            ("java" or "builtin")
 * NAME
 * VERSION         (as the manifest spells it, e.g. 1.0.0)
 * </pre>
 * so the hash changes exactly when the name, kind or version does, and a connection opening
 * the bundle must find that extension in that version.
 */
public record BundleEntry(String name, ExtensionKind kind, String version, String contentHash) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+){0,2}");

    public BundleEntry {
        Objects.requireNonNull(kind, "kind");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("extension name must be a lower-case identifier: '" + name + "'");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("extension '" + name + "': version must be MAJOR[.MINOR[.PATCH]]: '"
                    + version + "'");
        }
        if (!Sha256.isHash(contentHash)) {
            throw new IllegalArgumentException("extension '" + name + "': content hash must be 64 lower-case hex "
                    + "digits: '" + contentHash + "'");
        }
        if (!kind.isBlob() && !contentHash.equals(classPathHash(kind, name, version))) {
            throw new IllegalArgumentException("extension '" + name + "' (" + kind.id() + " " + version
                    + "): content hash " + contentHash + " is not the hash of its manifest encoding ("
                    + classPathHash(kind, name, version) + ")");
        }
    }

    /** A wasm extension pinned by the hash of its bytes. */
    public static BundleEntry wasm(String name, String version, String sha256) {
        return new BundleEntry(name, ExtensionKind.WASM, version, sha256);
    }

    /** A Java or compiled-in extension, pinned by name and version. */
    public static BundleEntry classPath(ExtensionKind kind, String name, String version) {
        return new BundleEntry(name, kind, version, classPathHash(kind, name, version));
    }

    /** The content hash of a class-path extension: SHA-256 of its canonical manifest encoding. */
    public static String classPathHash(ExtensionKind kind, String name, String version) {
        if (kind.isBlob()) {
            throw new IllegalArgumentException(kind.id() + " extensions are hashed by their bytes");
        }
        String canonical = "sqlink-classpath-extension-v1\n" + kind.id() + "\n" + name + "\n" + version + "\n";
        return Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + kind.id() + ", " + contentHash.substring(0, 12) + ")";
    }
}
