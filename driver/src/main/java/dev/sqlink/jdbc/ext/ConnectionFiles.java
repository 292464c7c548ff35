package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Capability;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one judgement of which files the connection's own SQL may read or write: the paths
 * granted to {@link Grants#CONNECTION} ({@code grants=connection:fs.read=/in,connection:fs.write=/out}).
 * A write grant covers reading too (a database written there is read back). Paths are judged by
 * where they really are ({@link PathGuard}: {@code ..} resolved against the real parent,
 * symbolic links followed), like an extension's host file access.
 *
 * <p>Two gates use it: {@link ConnectionFilePolicy} for the files SQLite opens by name (ATTACH,
 * VACUUM INTO, backups), which are unrestricted until some {@code connection:} grant is given,
 * and the bundle functions {@code sqlink_bundle_export} / {@code sqlink_bundle_import}
 * ({@link #readable}, {@link #writable}), which are refused by default. Both word a refusal
 * the same way, naming the grant that would allow it.
 */
public final class ConnectionFiles {
    /** The SQLState of a refusal, as for a file SQLite was refused ({@code SQLITE_AUTH}). */
    public static final String REFUSED = "42501";

    private final boolean confines;
    private final List<String> readScopes;
    private final List<String> writeScopes;
    private final PathGuard readable;
    private final PathGuard writable;

    private ConnectionFiles(Grants grants) {
        this.confines = grants.confinesConnection();
        this.readScopes = grants.scopes(Grants.CONNECTION, Capability.FS_READ);
        this.writeScopes = grants.scopes(Grants.CONNECTION, Capability.FS_WRITE);
        List<String> readOrWrite = new ArrayList<>(readScopes);
        readOrWrite.addAll(writeScopes);
        this.readable = new PathGuard(readOrWrite);
        this.writable = new PathGuard(writeScopes);
    }

    public static ConnectionFiles of(Grants grants) {
        return new ConnectionFiles(grants);
    }

    /** Whether the grants hold any {@code connection:} grant, so that named opens are confined. */
    boolean confines() {
        return confines;
    }

    /**
     * The real location of {@code path} if the grants let the connection's SQL read it (or,
     * with {@code write}, write it); null if not.
     */
    Path allowed(String path, boolean write) throws IOException {
        return (write ? writable : readable).allow(path);
    }

    /** Why {@code path} may not be read or written, and the grant that would allow it. */
    String refusal(String path, boolean write) {
        Capability needed = write ? Capability.FS_WRITE : Capability.FS_READ;
        String folder = String.valueOf(Path.of(path).toAbsolutePath().normalize().getParent());
        String granted = "read " + (readScopes.isEmpty() ? "nothing" : readScopes) + ", write "
                + (writeScopes.isEmpty() ? "nothing" : writeScopes);
        return "this connection may not " + (write ? "write " : "read ") + path + " (its grants allow " + granted
                + "; links and .. are resolved before checking); to allow it, the connection needs grants="
                + Grants.CONNECTION + ":" + needed.id() + "=" + folder;
    }

    /** The real path {@code what} may read, or an error naming the grant that would allow it. */
    public Path readable(String path, String what) throws SQLException {
        return confine(path, false, what);
    }

    /** The real path {@code what} may write, or an error naming the grant that would allow it. */
    public Path writable(String path, String what) throws SQLException {
        return confine(path, true, what);
    }

    private Path confine(String path, boolean write, String what) throws SQLException {
        if (path == null || !isAbsolute(path)) {
            throw new SQLException(what + " needs an absolute path, not '" + path + "'", "HY024");
        }
        Path real;
        try {
            real = allowed(path, write);
        } catch (IOException | RuntimeException e) {
            throw new SQLException(what + ": cannot resolve " + path + ": " + e.getMessage(), "58030", e);
        }
        if (real == null) {
            throw new SQLException(what + ": " + refusal(path, write), REFUSED);
        }
        return real;
    }

    private static boolean isAbsolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
