package dev.sqlink.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.sqlink.engine.split.WasmBytes;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The metadata reader against Chicory's own parser on a module that uses every form the reader
 * accepts, including those the shipped metadata does not use today (ModuleMetadataTest holds it
 * to the shipped file), and its refusal of forms it does not read.
 */
class MetaReaderTest {
    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;
    private static final int F32 = 0x7D;
    private static final int F64 = 0x7C;
    private static final int FUNCREF = 0x70;
    private static final int END = 0x0B;

    @Test
    void readsEveryFormItAcceptsAsChicorysParserDoes() {
        byte[] wasm = module(UnaryOperator.identity());
        WasmModule chicory = Parser.parse(wasm);
        WasmModule read = MetaReader.read(wasm);

        ModuleSections.assertSame(chicory, read);
        assertTrue(read.customSections().isEmpty(), "custom sections carry nothing an instance reads");
        // the module really has the forms compared above, so equal is not trivially empty
        assertEquals(4, read.importSection().importCount());
        assertEquals(3, read.globalSection().globalCount());
        assertEquals(3, read.dataSection().dataSegmentCount());
    }

    @Test
    void readsAMemoryImportAsChicorysParserDoes() {
        byte[] wasm = new WasmBytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00)
                .section(2, new WasmBytes().u32(1).name("env").name("memory").u8(0x02).u8(0x00).u32(17))
                .toArray();
        ModuleSections.assertSameImports(Parser.parse(wasm).importSection(), MetaReader.read(wasm).importSection());
    }

    @Test
    void aTypeItDoesNotKnowIsRefusedByName() {
        byte[] wasm = module(section -> section == TYPES ? gcRecursiveType() : section);
        MalformedException e = assertThrows(MalformedException.class, () -> MetaReader.read(wasm));
        assertTrue(e.getMessage().contains("type 0 is not a plain function type"), e.getMessage());
        assertTrue(e.getMessage().contains("rebuild engine-wasm"), e.getMessage());
    }

    @Test
    void aPassiveElementSegmentIsRefused() {
        WasmBytes passive = new WasmBytes().u32(1).u32(1).u8(0x00).u32(1).u32(1);
        byte[] wasm = module(section -> section == ELEMENTS ? passive : section);
        MalformedException e = assertThrows(MalformedException.class, () -> MetaReader.read(wasm));
        assertTrue(e.getMessage().contains("element segment 0 has flags 1"), e.getMessage());
    }

    @Test
    void aConstantExpressionItDoesNotKnowIsRefused() {
        // f32.const 1.0 as a global's initial value
        WasmBytes floatGlobal = new WasmBytes().u32(1).u8(F32).u8(0x00).u8(0x43).raw(0x00, 0x00, 0x80, 0x3F).u8(END);
        byte[] wasm = module(section -> section == GLOBALS ? floatGlobal : section);
        MalformedException e = assertThrows(MalformedException.class, () -> MetaReader.read(wasm));
        assertTrue(e.getMessage().contains("opcode 0x43"), e.getMessage());
    }

    @Test
    void aDamagedCountIsRefusedBeforeItSizesAnything() {
        WasmBytes huge = new WasmBytes().u32(Integer.MAX_VALUE).u8(0x60).u32(0).u32(0);
        byte[] wasm = module(section -> section == TYPES ? huge : section);
        MalformedException e = assertThrows(MalformedException.class, () -> MetaReader.read(wasm));
        assertTrue(e.getMessage().contains("a count of 2147483647"), e.getMessage());
    }

    @Test
    void aFileThatIsNotWasmIsRefused() {
        byte[] text = "CREATE TABLE t(x)".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        MalformedException e = assertThrows(MalformedException.class, () -> MetaReader.read(text));
        assertTrue(e.getMessage().contains("wasm magic number"), e.getMessage());
    }

    @Test
    void aSectionLongerThanTheFileIsRefused() {
        byte[] wasm = new WasmBytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00)
                .u8(1).u32(1000).u32(0).toArray();
        MalformedException e = assertThrows(MalformedException.class, () -> MetaReader.read(wasm));
        assertTrue(e.getMessage().contains("past the end of the file"), e.getMessage());
    }

    // ------------------------------------------------------------------ the module

    // The sections a refusal test swaps out, recognised by identity.
    private static final WasmBytes TYPES = new WasmBytes().u32(3)
            .u8(0x60).u32(0).u32(0) // () -> ()
            .u8(0x60).u32(2).u8(I32).u8(I64).u32(1).u8(F64) // (i32, i64) -> f64
            .u8(0x60).u32(1).u8(F32).u32(2).u8(I32).u8(I32); // (f32) -> (i32, i32)
    private static final WasmBytes ELEMENTS = new WasmBytes().u32(1)
            .u32(0).u8(0x41).s32(1).u8(END).u32(2).u32(3).u32(4); // table 0 from slot 1: functions 3, 4
    private static final WasmBytes GLOBALS = new WasmBytes().u32(3)
            .u8(I32).u8(0x01).u8(0x41).s32(-66_560).u8(END) // mutable i32, negative
            .u8(I64).u8(0x00).u8(0x42).s64(Long.MIN_VALUE).u8(END)
            .u8(I32).u8(0x00).u8(0x23).u32(0).u8(END); // the imported global

    private static WasmBytes gcRecursiveType() {
        return new WasmBytes().u32(1).u8(0x4E).u32(1).u8(0x60).u32(0).u32(0);
    }

    /** A valid module using every form the reader accepts; {@code swap} may replace a section's content. */
    private static byte[] module(UnaryOperator<WasmBytes> swap) {
        WasmBytes imports = new WasmBytes().u32(4)
                .name("env").name("g").u8(0x03).u8(I32).u8(0x00)
                .name("env").name("f").u8(0x00).u32(1)
                .name("env").name("t").u8(0x01).u8(FUNCREF).u8(0x01).u32(1).u32(10)
                .name("wasi_snapshot_preview1").name("clock").u8(0x00).u32(2);
        WasmBytes functions = new WasmBytes().u32(3).u32(0).u32(1).u32(0); // functions 2, 3, 4 after the 2 imported
        WasmBytes tables = new WasmBytes().u32(0);
        WasmBytes memories = new WasmBytes().u32(1).u8(0x01).u32(2).u32(65_536);
        WasmBytes exports = new WasmBytes().u32(3)
                .name("run").u8(0x00).u32(2)
                .name("memory").u8(0x02).u32(0)
                .name("sp").u8(0x03).u32(1);
        WasmBytes start = new WasmBytes().u32(2);
        WasmBytes dataCount = new WasmBytes().u32(3);
        WasmBytes code = new WasmBytes().u32(3)
                .sized(new WasmBytes().u32(0).u8(0x00).u8(END)) // unreachable
                .sized(new WasmBytes().u32(0).u8(0x00).u8(END))
                .sized(new WasmBytes().u32(0).u8(0x00).u8(END));
        WasmBytes data = new WasmBytes().u32(3)
                .u32(0).u8(0x41).s32(1024).u8(END).sized(new WasmBytes().raw('h', 'i'))
                .u32(1).sized(new WasmBytes().raw(1, 2, 3))
                .u32(2).u32(0).u8(0x41).s32(2048).u8(END).sized(new WasmBytes());
        WasmBytes custom = new WasmBytes().name("producers").raw(0, 1, 2);
        return new WasmBytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00)
                .section(0, custom)
                .section(1, swap.apply(TYPES))
                .section(2, imports)
                .section(3, functions)
                .section(4, tables)
                .section(5, memories)
                .section(6, swap.apply(GLOBALS))
                .section(7, exports)
                .section(8, start)
                .section(9, swap.apply(ELEMENTS))
                .section(12, dataCount)
                .section(10, code)
                .section(11, data)
                .toArray();
    }
}
