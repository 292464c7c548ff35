package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Capability;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The files the connection's own SQL may touch: the paths granted to {@link Grants#CONNECTION}
 * ({@code grants=connection:fs.read=/in,connection:fs.write=/out}). Default deny, confined like an
 * extension's host file access (real paths, no {@code ..} or link escapes).
 */
public final class ConnectionFiles {
    private final PathGuard readable;
    private final PathGuard writable;

    private ConnectionFiles(Grants grants) {
        this.readable = new PathGuard(grants.scopes(Grants.CONNECTION, Capability.FS_READ));
        this.writable = new PathGuard(grants.scopes(Grants.CONNECTION, Capability.FS_WRITE));
    }

    public static ConnectionFiles of(String grantsText) throws SQLException {
        return new ConnectionFiles(Grants.parse(grantsText));
    }

    /** The real path to read, or an error naming the grant that would allow it. */
    public Path readable(String path, String what) throws SQLException {
        return confine(readable, Capability.FS_READ, path, what);
    }

    public Path writable(String path, String what) throws SQLException {
        return confine(writable, Capability.FS_WRITE, path, what);
    }

    private static Path confine(PathGuard guard, Capability c, String path, String what) throws SQLException {
        if (path == null || !Path.of(path).isAbsolute()) {
            throw new SQLException(what + " needs an absolute path, not '" + path + "'", "HY024");
        }
        Path real;
        try {
            real = guard.allow(path);
        } catch (IOException e) {
            throw new SQLException(what + ": cannot resolve '" + path + "': " + e, "58030", e);
        }
        if (real == null) {
            throw new SQLException(what + " may not use '" + path + "': the connection's SQL has no " + c.id()
                    + " grant covering it (nothing is granted by default); grant it with grants=" + Grants.CONNECTION
                    + ":" + c.id() + "=/absolute/folder", "42501");
        }
        return real;
    }
}
