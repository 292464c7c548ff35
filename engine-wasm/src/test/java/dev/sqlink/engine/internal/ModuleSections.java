package dev.sqlink.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.TableImport;

/** Compares two parses of a module section by section, bar the code (the metadata's is stubs). */
final class ModuleSections {
    private ModuleSections() {}

    static void assertSame(WasmModule expected, WasmModule actual) {
        assertEquals(expected.typeSection(), actual.typeSection());
        assertSameImports(expected.importSection(), actual.importSection());
        assertEquals(expected.functionSection(), actual.functionSection());
        assertEquals(expected.tableSection(), actual.tableSection());
        assertEquals(expected.memorySection(), actual.memorySection());
        assertEquals(expected.globalSection(), actual.globalSection());
        assertEquals(expected.exportSection(), actual.exportSection());
        assertEquals(expected.startSection(), actual.startSection());
        assertEquals(expected.elementSection(), actual.elementSection());
        assertEquals(expected.dataCountSection(), actual.dataCountSection());
        assertEquals(expected.dataSection(), actual.dataSection());
        assertEquals(expected.tagSection(), actual.tagSection());
        assertEquals(expected.codeSection().functionBodyCount(), actual.codeSection().functionBodyCount());
    }

    /**
     * Field by field: Chicory compares a table or global import's value type by identity, so two
     * parses of the same bytes are never equal there.
     */
    static void assertSameImports(ImportSection expected, ImportSection actual) {
        assertEquals(expected.importCount(), actual.importCount());
        for (int i = 0; i < expected.importCount(); i++) {
            Import e = expected.getImport(i);
            Import a = actual.getImport(i);
            assertEquals(e.module() + "." + e.name() + " " + e.importType(),
                    a.module() + "." + a.name() + " " + a.importType(), "import " + i);
            switch (e.importType()) {
                case FUNCTION -> assertEquals(((FunctionImport) e).typeIndex(), ((FunctionImport) a).typeIndex());
                case TABLE -> {
                    assertEquals(((TableImport) e).entryType(), ((TableImport) a).entryType());
                    assertEquals(((TableImport) e).limits(), ((TableImport) a).limits());
                }
                case MEMORY -> assertEquals(((MemoryImport) e).limits(), ((MemoryImport) a).limits());
                case GLOBAL -> {
                    assertEquals(((GlobalImport) e).type(), ((GlobalImport) a).type());
                    assertEquals(((GlobalImport) e).mutabilityType(), ((GlobalImport) a).mutabilityType());
                }
                default -> throw new AssertionError("the test module has no " + e.importType() + " import");
            }
        }
    }

}
