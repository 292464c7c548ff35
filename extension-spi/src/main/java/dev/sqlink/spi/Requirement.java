package dev.sqlink.spi;

import java.util.Objects;

/** A manifest's dependency on another extension: its name and the versions that will do. */
public final class Requirement {
    private final String extension;
    private final VersionRange versions;

    public Requirement(String extension, VersionRange versions) {
        this.extension = Objects.requireNonNull(extension, "extension");
        this.versions = Objects.requireNonNull(versions, "versions");
    }

    /** Parses {@code name} or {@code name@range}, e.g. {@code json@>=1.0 <2}. */
    public static Requirement parse(String text) {
        int at = text.indexOf('@');
        return at < 0 ? new Requirement(text.trim(), VersionRange.ANY)
                : new Requirement(text.substring(0, at).trim(), VersionRange.parse(text.substring(at + 1)));
    }

    public String extension() {
        return extension;
    }

    public VersionRange versions() {
        return versions;
    }

    @Override
    public String toString() {
        return versions == VersionRange.ANY ? extension : extension + "@" + versions;
    }
}
