package dev.sqlink.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either nothing (or the old content) or the whole new
 * content: write a temporary file in the store's {@code tmp} folder (same file system),
 * force it to disk, then rename it over the target with {@code ATOMIC_MOVE}. A crash leaves
 * at most a stray temporary file, which garbage collection removes.
 */
final class AtomicFiles {
    private final Path tmp;

    AtomicFiles(Path tmp) {
        this.tmp = tmp;
    }

    void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        write(Files.createTempFile(tmp, "w-", ".tmp"), target, content);
    }

    /** For files outside the store (exports): the temporary file sits beside the target. */
    static void writeBeside(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        write(Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp"), target, content);
    }

    private static void write(Path t, Path target, byte[] content) throws IOException {
        try {
            try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(t, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(t);
        }
    }
}
