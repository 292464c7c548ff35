package dev.sqlink.spi;

/** A version {@code MAJOR[.MINOR[.PATCH]]}, compared numerically part by part. Immutable. */
public final class Version implements Comparable<Version> {
    private final int major;
    private final int minor;
    private final int patch;

    private Version(int major, int minor, int patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /** Parses {@code 1}, {@code 1.2} or {@code 1.2.3}; missing parts are 0. */
    public static Version parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length == 0 || parts.length > 3) {
            throw new IllegalArgumentException("not a version (expected MAJOR[.MINOR[.PATCH]]): '" + text + "'");
        }
        int[] n = new int[3];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a version (expected MAJOR[.MINOR[.PATCH]]): '" + text + "'");
            }
            if (n[i] < 0) {
                throw new IllegalArgumentException("negative version part in '" + text + "'");
            }
        }
        return new Version(n[0], n[1], n[2]);
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    public int patch() {
        return patch;
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version && compareTo((Version) o) == 0;
    }

    @Override
    public int hashCode() {
        return (major * 31 + minor) * 31 + patch;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
