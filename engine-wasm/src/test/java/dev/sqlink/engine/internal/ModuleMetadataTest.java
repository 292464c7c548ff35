package dev.sqlink.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.WasmModule;
import dev.sqlink.engine.generated.SqliteModule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The lighter parse of SqliteModule.meta must build exactly the module the generated loader builds. */
class ModuleMetadataTest {
    @Test
    void buildsTheSameModuleAsTheGeneratedLoader() {
        WasmModule light = ModuleMetadata.parse();
        WasmModule generated = SqliteModule.load();
        // WasmModule.equals compares every section but the custom ones (the meta has none)
        assertEquals(generated, light);
        assertEquals(generated.codeSection().functionBodyCount(), light.codeSection().functionBodyCount());
        assertEquals(generated.exportSection().exportCount(), light.exportSection().exportCount());
    }

    @Test
    void aDamagedMetaIsAnErrorNotAHalfModule() {
        byte[] meta = readMeta();
        byte[] truncated = Arrays.copyOf(meta, meta.length / 2);
        assertThrows(MalformedException.class, () -> ModuleMetadata.parse(truncated));
    }

    private static byte[] readMeta() {
        try (var in = SqliteModule.class.getResourceAsStream(ModuleMetadata.RESOURCE)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
