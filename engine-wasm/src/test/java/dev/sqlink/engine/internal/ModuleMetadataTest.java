package dev.sqlink.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.sqlink.engine.generated.SqliteModule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lighter parse of SqliteModule.meta must build the module the generated loader builds, bar the stub bodies. */
class ModuleMetadataTest {
    @Test
    void everySectionButTheStubBodiesIsTheGeneratedLoaders() {
        WasmModule light = ModuleMetadata.parse();
        WasmModule generated = SqliteModule.load();
        ModuleSections.assertSame(generated, light);
        assertEquals(generated.customSections().size(), light.customSections().size());
    }

    /**
     * What makes skipping the code section safe: the meta carries no code, only a trap per
     * function. If the build ever let a function fall back to the interpreter, its real body
     * would be in the meta and this would fail.
     */
    @Test
    void theMetasBodiesAreAllStubs() {
        CodeSection code = SqliteModule.load().codeSection();
        for (int i = 0; i < code.functionBodyCount(); i++) {
            FunctionBody body = code.getFunctionBody(i);
            List<OpCode> opcodes = body.instructions().stream().map(AnnotatedInstruction::opcode).toList();
            assertEquals(List.of(OpCode.UNREACHABLE, OpCode.END), opcodes, "body of function " + i);
            assertTrue(body.localTypes().isEmpty(), "locals of function " + i);
        }
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
