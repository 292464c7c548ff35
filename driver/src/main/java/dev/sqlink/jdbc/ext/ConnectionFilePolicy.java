package dev.sqlink.jdbc.ext;

import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.vfs.OpenPolicy;
import dev.sqlink.engine.vfs.VfsException;
import java.io.IOException;

/**
 * Confines the files the connection's own SQL opens by name ({@code ATTACH}, {@code VACUUM
 * INTO}, backups and restores) to the {@code connection:fs.read} / {@code connection:fs.write}
 * grants, as {@link ConnectionFiles} judges them. It hangs on the engine's {@link OpenPolicy},
 * the gate every named open, delete and probe passes, so no statement can reach around it.
 *
 * <p>The main database (and its journal, WAL and shared-memory files) is always allowed: the
 * operator named it in the URL. In-memory and temporary databases have no name and never reach
 * the gate. Sidecars are judged by their database. A read-write request that only a read grant
 * covers is refused here; the VFS then retries it read-only, as SQLite's unix VFS does for a
 * file it may not write.
 */
public final class ConnectionFilePolicy implements OpenPolicy {
    private final ConnectionFiles files;
    private volatile String mainDatabase;
    private volatile boolean armed;

    private ConnectionFilePolicy(ConnectionFiles files) {
        this.files = files;
    }

    /**
     * The policy the grants ask for, or null when they hold no {@code connection:} grant: then
     * the connection's own SQL opens files as in SQLite.
     */
    public static ConnectionFilePolicy of(ConnectionFiles files) {
        return files.confines() ? new ConnectionFilePolicy(files) : null;
    }

    /**
     * Starts enforcing, once the main database is open: until then the only file opened is the
     * one the URL names. {@code mainPath} is SQLite's full path of it, empty for memory.
     */
    public void arm(String mainPath) {
        mainDatabase = mainPath == null || mainPath.isEmpty() ? null : mainPath;
        armed = true;
    }

    @Override
    public void check(Request request) throws VfsException {
        if (!armed || request.databasePath().equals(mainDatabase)) {
            return;
        }
        boolean allowed;
        try {
            allowed = files.allowed(request.databasePath(), request.write()) != null;
        } catch (IOException | RuntimeException e) {
            throw new VfsException(ResultCode.CANTOPEN, "cannot resolve " + request.path() + ": " + e.getMessage(), e);
        }
        if (!allowed) {
            throw new VfsException(ResultCode.AUTH, files.refusal(request.path(), request.write()));
        }
    }
}
