package dev.sqlink.engine.vfs;

/**
 * The one decision "may this connection open this path?". {@link FileVfs} asks it before
 * every open, delete and existence check of a named file, so it is the single gate between
 * SQL (the main database, {@code ATTACH}, {@code VACUUM INTO}, backups, extensions that
 * read files through the engine) and the file system.
 *
 * <p>The driver hangs grants on it (for example "ATTACH only under /data"). Temporary files
 * that SQLite creates for itself have no name and are not subject to the policy.
 *
 * <p>Sidecar files ({@code -journal}, {@code -wal}, {@code -shm}) arrive with their own
 * names and the {@link Kind} of the sidecar, so a policy that allows a database allows its
 * sidecars by checking {@link Request#databasePath()}.
 */
@FunctionalInterface
public interface OpenPolicy {

    /** What SQLite wants the file for, from the {@code SQLITE_OPEN_*} type bits. */
    enum Kind {
        MAIN_DB, TEMP_DB, TRANSIENT_DB, MAIN_JOURNAL, TEMP_JOURNAL, SUBJOURNAL, SUPER_JOURNAL, WAL, OTHER;

        static Kind of(int flags) {
            switch (flags & 0x0008ff00) {
                case 0x00000100: return MAIN_DB;
                case 0x00000200: return TEMP_DB;
                case 0x00000400: return TRANSIENT_DB;
                case 0x00000800: return MAIN_JOURNAL;
                case 0x00001000: return TEMP_JOURNAL;
                case 0x00002000: return SUBJOURNAL;
                case 0x00004000: return SUPER_JOURNAL;
                case 0x00080000: return WAL;
                default: return OTHER;
            }
        }
    }

    /**
     * One request.
     *
     * @param path the absolute path SQLite asked for
     * @param databasePath the database the file belongs to ({@code path} without a sidecar
     *     suffix); equal to {@code path} for a database
     * @param kind what the file is for
     * @param write whether the request may modify or create the file
     */
    record Request(String path, String databasePath, Kind kind, boolean write) {}

    /** Allows everything: the engine's default when no grants restrict it. */
    OpenPolicy ALLOW_ALL = request -> {};

    /**
     * Returns normally to allow; throws to refuse. A refusal should use
     * {@link #refuse(Request, String)} so SQLite reports {@code SQLITE_CANTOPEN} (or
     * {@code SQLITE_AUTH}) with a message naming the path and the reason.
     */
    void check(Request request) throws VfsException;

    /** The exception a policy throws to refuse {@code request}; {@code how} says how to grant it. */
    static VfsException refuse(Request request, String how) {
        return new VfsException(SqliteCodes.CANTOPEN,
                "not allowed to " + (request.write() ? "write " : "read ") + request.path() + ": " + how);
    }

    /** Strips SQLite's sidecar suffixes so a policy can reason about the database only. */
    static String databaseOf(String path) {
        for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
            if (path.endsWith(suffix)) {
                return path.substring(0, path.length() - suffix.length());
            }
        }
        return path;
    }
}
