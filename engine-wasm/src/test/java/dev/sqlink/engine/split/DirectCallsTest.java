package dev.sqlink.engine.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The splitter's direct calls ({@code --direct-calls PAIRS}, run by build.sh): a listed
 * {@code call_indirect} becomes a compare with each listed target's table slot and a direct call,
 * and any other index still takes the indirect call, with its traps. The module is assembled
 * here: {@code inc} (x + 1), {@code dbl} (x * 2), {@code add} (a + b, another type) and
 * {@code neg} (-x) in table slots 0 to 3, and {@code viaTable(x, slot)}, which calls
 * {@code table[slot](x)}.
 */
class DirectCallsTest {
    @TempDir
    Path dir;

    @Test
    void listedTargetsAreCalledDirectlyAndEveryOtherSlotBehavesAsBefore() throws Exception {
        Path original = dir.resolve("table.wasm");
        Path rewritten = dir.resolve("table.direct.wasm");
        Path pairs = dir.resolve("pairs.txt");
        Files.write(original, module(false, false));
        Files.writeString(pairs, "# caller target\nviaTable inc\nviaTable dbl\n"
                + "viaTable add   # another type: this call cannot reach it\nviaTable gone\n");

        String report = SplitterCommand.run(original.toString(), rewritten.toString(), "3000",
                "--direct-calls", pairs.toString());

        assertTrue(report.contains("viaTable -> [inc, dbl] (1 call)"), report);
        assertTrue(report.contains("viaTable -> gone"), report);
        List<? extends Instruction> code = Parser.parse(Files.readAllBytes(rewritten)).codeSection().getFunctionBody(4)
                .instructions();
        assertEquals(List.of(0L, 1L), code.stream().filter(i -> i.opcode() == OpCode.CALL).map(i -> i.operand(0))
                .toList(), "direct calls of inc and dbl");
        assertEquals(1, code.stream().filter(i -> i.opcode() == OpCode.CALL_INDIRECT).count(), "the indirect call stays");

        for (Path wasm : List.of(original, rewritten)) {
            Instance instance = Instance.builder(Parser.parse(Files.readAllBytes(wasm))).build(); // validates
            assertEquals(6, call(instance, 5, 0), wasm + ": inc");
            assertEquals(10, call(instance, 5, 1), wasm + ": dbl");
            assertEquals(-5, call(instance, 5, 3), wasm + ": neg, not listed");
            assertThrows(ChicoryException.class, () -> call(instance, 5, 2), wasm + ": add has another type");
            assertThrows(ChicoryException.class, () -> call(instance, 5, 4), wasm + ": past the table");
        }
    }

    @Test
    void aTableOthersCanChangeIsRefused() throws Exception {
        Path exported = dir.resolve("exported.wasm");
        Path pairs = dir.resolve("pairs.txt");
        Files.write(exported, module(true, false));
        Files.writeString(pairs, "viaTable inc\n");
        String output = SplitterCommand.runExpectingFailure(exported.toString(), dir.resolve("out.wasm").toString(),
                "3000", "--direct-calls", pairs.toString());
        assertTrue(output.contains("this module exports its table"), output);
    }

    @Test
    void aFunctionALaterSegmentOverwroteIsNotCalledFromItsOldSlot() throws Exception {
        Path original = dir.resolve("overwritten.wasm");
        Path rewritten = dir.resolve("overwritten.direct.wasm");
        Path pairs = dir.resolve("pairs.txt");
        Files.write(original, module(false, true)); // a second segment puts neg into dbl's slot 1
        Files.writeString(pairs, "viaTable dbl\nviaTable neg\n");

        String report = SplitterCommand.run(original.toString(), rewritten.toString(), "3000",
                "--direct-calls", pairs.toString());

        assertTrue(report.contains("viaTable -> [neg] (1 call)"), report);
        assertTrue(report.contains("viaTable -> dbl"), report); // in no slot any more: not called directly
        for (Path wasm : List.of(original, rewritten)) {
            Instance instance = Instance.builder(Parser.parse(Files.readAllBytes(wasm))).build();
            assertEquals(-5, call(instance, 5, 1), wasm + ": slot 1 holds neg");
            assertEquals(-5, call(instance, 5, 3), wasm + ": and so does slot 3");
        }
    }

    private static long call(Instance instance, int x, int slot) {
        return instance.export("viaTable").apply(x, slot)[0];
    }

    private static byte[] module(boolean exportTable, boolean overwriteSlot1) {
        WasmBytes types = new WasmBytes().u32(2)
                .u8(0x60).u32(1).u8(0x7F).u32(1).u8(0x7F) // 0: (i32) -> i32
                .u8(0x60).u32(2).u8(0x7F).u8(0x7F).u32(1).u8(0x7F); // 1: (i32, i32) -> i32
        WasmBytes functions = new WasmBytes().u32(5).u32(0).u32(0).u32(1).u32(0).u32(1);
        WasmBytes table = new WasmBytes().u32(1).u8(0x70).u8(0x00).u32(4);
        WasmBytes exports = new WasmBytes().u32(exportTable ? 2 : 1).name("viaTable").u8(0x00).u32(4);
        if (exportTable) {
            exports.name("table").u8(0x01).u32(0);
        }
        WasmBytes elements = new WasmBytes().u32(overwriteSlot1 ? 2 : 1)
                .u32(0).u8(0x41).s32(0).u8(0x0B).u32(4).u32(0).u32(1).u32(2).u32(3);
        if (overwriteSlot1) {
            elements.u32(0).u8(0x41).s32(1).u8(0x0B).u32(1).u32(3);
        }
        WasmBytes inc = new WasmBytes().u32(0).u8(0x20).u32(0).u8(0x41).s32(1).u8(0x6A).u8(0x0B);
        WasmBytes dbl = new WasmBytes().u32(0).u8(0x20).u32(0).u8(0x41).s32(2).u8(0x6C).u8(0x0B);
        WasmBytes add = new WasmBytes().u32(0).u8(0x20).u32(0).u8(0x20).u32(1).u8(0x6A).u8(0x0B);
        WasmBytes neg = new WasmBytes().u32(0).u8(0x41).s32(0).u8(0x20).u32(0).u8(0x6B).u8(0x0B);
        WasmBytes viaTable = new WasmBytes().u32(0).u8(0x20).u32(0).u8(0x20).u32(1).u8(0x11).u32(0).u32(0)
                .u8(0x0B);
        WasmBytes code = new WasmBytes().u32(5).sized(inc).sized(dbl).sized(add).sized(neg).sized(viaTable);
        WasmBytes functionNames = new WasmBytes().u32(5)
                .u32(0).name("inc").u32(1).name("dbl").u32(2).name("add").u32(3).name("neg").u32(4).name("viaTable");
        WasmBytes nameSection = new WasmBytes().name("name").u8(1).sized(functionNames);
        return new WasmBytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00)
                .section(1, types).section(3, functions).section(4, table).section(7, exports)
                .section(9, elements).section(10, code).section(0, nameSection)
                .toArray();
    }
}
