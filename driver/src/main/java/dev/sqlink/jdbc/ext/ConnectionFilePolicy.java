package dev.sqlink.jdbc.ext;

import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.vfs.OpenPolicy;
import dev.sqlink.engine.vfs.VfsException;
import dev.sqlink.spi.Capability;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Confines the files the connection's own SQL opens by name ({@code ATTACH}, {@code VACUUM
 * INTO}, backups and restores) to the {@code connection:fs.read} / {@code connection:fs.write}
 * grants. It hangs on the engine's {@link OpenPolicy}, the gate every named open, delete and
 * probe passes, so no statement can reach around it.
 *
 * <p>The main database (and its journal, WAL and shared-memory files) is always allowed: the
 * operator named it in the URL. In-memory and temporary databases have no name and never reach
 * the gate. A path is judged by where it really is ({@link PathGuard}: {@code ..} resolved
 * against the real parent, symbolic links followed), and sidecars are judged by their database.
 * A read-write request that only a read grant covers is refused here; the VFS then retries it
 * read-only, as SQLite's unix VFS does for a file it may not write.
 */
public final class ConnectionFilePolicy implements OpenPolicy {
    private final List<String> readScopes;
    private final List<String> writeScopes;
    private final PathGuard readable;
    private final PathGuard writable;
    private volatile String mainDatabase;
    private volatile boolean armed;

    private ConnectionFilePolicy(List<String> readScopes, List<String> writeScopes) {
        this.readScopes = readScopes;
        this.writeScopes = writeScopes;
        List<String> readOrWrite = new ArrayList<>(readScopes);
        readOrWrite.addAll(writeScopes);
        this.readable = new PathGuard(readOrWrite);
        this.writable = new PathGuard(writeScopes);
    }

    /**
     * The policy the {@code grants} property asks for, or null when it has no
     * {@code connection:} grant: then the connection's own SQL opens files as in SQLite.
     */
    public static ConnectionFilePolicy of(String grantsText) throws SQLException {
        Grants grants = Grants.parse(grantsText);
        if (!grants.confinesConnection()) {
            return null;
        }
        return new ConnectionFilePolicy(grants.scopes(Grants.CONNECTION, Capability.FS_READ),
                grants.scopes(Grants.CONNECTION, Capability.FS_WRITE));
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
        PathGuard guard = request.write() ? writable : readable;
        Path allowed;
        try {
            allowed = guard.allow(request.databasePath());
        } catch (IOException | RuntimeException e) {
            throw new VfsException(ResultCode.CANTOPEN, "cannot resolve " + request.path() + ": " + e.getMessage(), e);
        }
        if (allowed == null) {
            throw refusal(request);
        }
    }

    private VfsException refusal(Request request) {
        Capability needed = request.write() ? Capability.FS_WRITE : Capability.FS_READ;
        String folder = String.valueOf(Path.of(request.databasePath()).toAbsolutePath().normalize().getParent());
        String granted = "read " + (readScopes.isEmpty() ? "nothing" : readScopes) + ", write "
                + (writeScopes.isEmpty() ? "nothing" : writeScopes);
        return new VfsException(ResultCode.AUTH, "this connection may not " + (request.write() ? "write " : "read ")
                + request.path() + " (its grants allow " + granted + "; links and .. are resolved before checking);"
                + " to allow it, the connection needs grants=" + Grants.CONNECTION + ":" + needed.id() + "=" + folder);
    }
}
