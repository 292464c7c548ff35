package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Capability;
import dev.sqlink.spi.CapabilityDeniedException;
import dev.sqlink.spi.FileAccess;
import dev.sqlink.spi.HostServices;
import dev.sqlink.spi.SqlRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The host services of one extension on one connection: the single place where grants are
 * enforced at use time. Every refusal names the extension, the capability and the property
 * text that would allow it.
 */
final class GrantedHostServices implements HostServices, FileAccess {
    private final String extension;
    private final Grants grants;
    private final Supplier<SqlRunner> sql;
    private final PathGuard readable;
    private final PathGuard writable;

    GrantedHostServices(String extension, Grants grants, Supplier<SqlRunner> sql) {
        this.extension = extension;
        this.grants = grants;
        this.sql = sql;
        this.readable = new PathGuard(grants.scopes(extension, Capability.FS_READ));
        this.writable = new PathGuard(grants.scopes(extension, Capability.FS_WRITE));
    }

    private void require(Capability c) {
        if (!grants.has(extension, c)) {
            throw denied(c, "is not granted", Grants.example(extension, c));
        }
    }

    private CapabilityDeniedException denied(Capability c, String what, String fix) {
        return new CapabilityDeniedException(extension, c, "extension '" + extension + "': capability " + c.id() + " "
                + what + "; to allow it, the connection needs " + fix);
    }

    @Override
    public FileAccess files() {
        if (!grants.has(extension, Capability.FS_READ) && !grants.has(extension, Capability.FS_WRITE)) {
            throw denied(Capability.FS_READ, "is not granted", Grants.example(extension, Capability.FS_READ));
        }
        return this;
    }

    private Path confine(Capability c, PathGuard guard, String path) throws IOException {
        require(c);
        Path real = guard.allow(path);
        if (real == null) {
            throw denied(c, "does not cover '" + path + "' (granted: " + grants.scopes(extension, c)
                    + "; links and .. are resolved before checking)", "grants=" + extension + ":" + c.id() + "="
                    + Path.of(path).toAbsolutePath().normalize().getParent());
        }
        return real;
    }

    @Override
    public InputStream openRead(String path) throws IOException {
        return Files.newInputStream(confine(Capability.FS_READ, readable, path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public OutputStream openWrite(String path, boolean append) throws IOException {
        Path real = confine(Capability.FS_WRITE, writable, path);
        return Files.newOutputStream(real, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public Clock clock() {
        require(Capability.CLOCK);
        return Clock.systemUTC();
    }

    @Override
    public Random random() {
        require(Capability.RANDOM);
        return RandomHolder.RANDOM;
    }

    @Override
    public String environment(String name) {
        List<String> names = grants.scopes(extension, Capability.ENV);
        if (!names.contains("*") && !names.contains(name)) {
            throw denied(Capability.ENV, names.isEmpty() ? "is not granted" : "does not cover variable '" + name + "'",
                    "grants=" + extension + ":env=" + name);
        }
        return System.getenv(name);
    }

    @Override
    public SqlRunner sql() {
        require(Capability.SQL);
        return sql.get();
    }

    private static final class RandomHolder {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
