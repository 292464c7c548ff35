package dev.sqlink.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Files, confined to the granted folders. A path is resolved to its real location first
 * ({@code ..} removed, symbolic links followed), so neither can reach outside a grant; a
 * refused path throws {@link CapabilityDeniedException}.
 */
public interface FileAccess {
    /** Opens a file under an {@code fs.read} grant. */
    InputStream openRead(String path) throws IOException;

    /** Creates or replaces (or appends to) a file under an {@code fs.write} grant. */
    OutputStream openWrite(String path, boolean append) throws IOException;

    /** Reads a whole file under an {@code fs.read} grant. */
    default byte[] readAllBytes(String path) throws IOException {
        try (InputStream in = openRead(path)) {
            return in.readAllBytes();
        }
    }

    /** Writes a whole file under an {@code fs.write} grant. */
    default void write(String path, byte[] content) throws IOException {
        try (OutputStream out = openWrite(path, false)) {
            out.write(content);
        }
    }
}
