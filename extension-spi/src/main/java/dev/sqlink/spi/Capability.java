package dev.sqlink.spi;

/**
 * What an extension may do beyond computing on its arguments. Nothing is granted by default;
 * the connection's {@code grants} property grants capabilities per extension, the scoped ones
 * ({@link #isScoped()}) with the paths or names they cover.
 */
public enum Capability {
    /** Read files under the granted paths. */
    FS_READ("fs.read", true),
    /** Create and write files under the granted paths. */
    FS_WRITE("fs.write", true),
    /** Read the current time. */
    CLOCK("clock", false),
    /** Draw random numbers. */
    RANDOM("random", false),
    /** Read the granted environment variables ({@code *} grants all). */
    ENV("env", true),
    /** Run SQL on the connection the extension is registered on. */
    SQL("sql", false);

    private final String id;
    private final boolean scoped;

    Capability(String id, boolean scoped) {
        this.id = id;
        this.scoped = scoped;
    }

    /** The name used in manifests and in the {@code grants} property, e.g. {@code fs.read}. */
    public String id() {
        return id;
    }

    /** Whether a grant must say what it covers (paths for files, names for environment variables). */
    public boolean isScoped() {
        return scoped;
    }

    /** The capability called {@code id}, or null. */
    public static Capability fromId(String id) {
        for (Capability c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
