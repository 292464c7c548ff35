package dev.sqlink.jdbc.ext.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed example and test extensions (extensions-wasm/), and where to find them. */
final class WasmFiles {
    private WasmFiles() {}

    static final Path ROOT = Path.of("..", "extensions-wasm").toAbsolutePath().normalize();

    static Path wasm(String folder, String name) {
        Path p = ROOT.resolve(folder).resolve(name + ".wasm");
        assertTrue(Files.exists(p), "missing " + p + " (run extensions-wasm/build.sh)");
        return p;
    }

    /** The committed hash of {@code folder/name.wasm}. */
    static String sha(String folder, String name) {
        try {
            return Files.readString(ROOT.resolve(folder).resolve(name + ".wasm.sha256")).split("\\s+")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file:PATH#sha256=HEX} for a committed extension. */
    static String item(String folder, String name) {
        return "file:" + wasm(folder, name) + "#sha256=" + sha(folder, name);
    }
}
