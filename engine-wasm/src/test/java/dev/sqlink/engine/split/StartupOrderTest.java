package dev.sqlink.engine.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import com.dylibso.chicory.wasm.types.ValType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The splitter's start-up order ({@code --first LIST}, run by build.sh): listed functions move
 * to the front, list by list, and every reference to a function follows it. The module is
 * assembled here: an import {@code bump} (x + 100) and three functions, {@code inc} (x + 1),
 * {@code twice} (calls inc twice, then bump) and {@code viaTable} (calls table slot 1, which
 * holds inc, and multiplies by 10), all exported, with a table of [twice, inc]. Reordering to
 * viaTable, twice, inc renumbers the calls, the table and the exports; a reference left behind
 * would reach another function and change a result.
 */
class StartupOrderTest {
    @TempDir
    Path dir;

    @Test
    void listedFunctionsComeFirstAndEveryReferenceFollowsThem() throws Exception {
        Path original = dir.resolve("small.wasm");
        Path ordered = dir.resolve("small.ordered.wasm");
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");
        Files.write(original, module());
        Files.writeString(first, "# comments and blank lines are ignored\n\nviaTable\ngone  # not in the module\n");
        Files.writeString(second, "twice\nviaTable\n");

        String report = SplitterCommand.run(original.toString(), ordered.toString(), "3000",
                "--first", first.toString(), "--first", second.toString());

        assertTrue(report.contains("list 1, 1 functions moved to indices 1..1"), report);
        assertTrue(report.contains("list 2, 1 functions moved to indices 2..2"), report);
        assertTrue(report.contains("1 listed names are not in the module: gone"), report);
        WasmModule module = Parser.parse(Files.readAllBytes(ordered));
        NameCustomSection names = module.nameSection();
        assertEquals(List.of("bump", "viaTable", "twice", "inc"),
                List.of(names.nameOfFunction(0), names.nameOfFunction(1), names.nameOfFunction(2),
                        names.nameOfFunction(3)));

        for (Path wasm : List.of(original, ordered)) {
            Instance instance = instantiate(Files.readAllBytes(wasm)); // validates
            assertEquals(6, instance.export("inc").apply(5)[0], wasm.toString());
            assertEquals(107, instance.export("twice").apply(5)[0], wasm.toString());
            assertEquals(60, instance.export("viaTable").apply(5)[0], wasm.toString());
        }
    }

    private static Instance instantiate(byte[] wasm) {
        FunctionType type = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
        HostFunction bump = new HostFunction("env", "bump", type, (instance, args) -> new long[] {args[0] + 100});
        return Instance.builder(Parser.parse(wasm))
                .withImportValues(ImportValues.builder().addFunction(bump).build())
                .build();
    }

    private static byte[] module() {
        WasmBytes types = new WasmBytes().u32(1).u8(0x60).u32(1).u8(0x7F).u32(1).u8(0x7F);
        WasmBytes imports = new WasmBytes().u32(1).name("env").name("bump").u8(0x00).u32(0);
        WasmBytes functions = new WasmBytes().u32(3).u32(0).u32(0).u32(0);
        WasmBytes table = new WasmBytes().u32(1).u8(0x70).u8(0x00).u32(2);
        WasmBytes exports = new WasmBytes().u32(3)
                .name("inc").u8(0x00).u32(1)
                .name("twice").u8(0x00).u32(2)
                .name("viaTable").u8(0x00).u32(3);
        WasmBytes elements = new WasmBytes().u32(1).u32(0).u8(0x41).s32(0).u8(0x0B).u32(2).u32(2).u32(1);
        WasmBytes inc = new WasmBytes().u32(0).u8(0x20).u32(0).u8(0x41).s32(1).u8(0x6A).u8(0x0B);
        WasmBytes twice = new WasmBytes().u32(0).u8(0x20).u32(0).u8(0x10).u32(1).u8(0x10).u32(1).u8(0x10).u32(0)
                .u8(0x0B);
        WasmBytes viaTable = new WasmBytes().u32(0).u8(0x20).u32(0).u8(0x41).s32(1).u8(0x11).u32(0).u32(0)
                .u8(0x41).s32(10).u8(0x6C).u8(0x0B);
        WasmBytes code = new WasmBytes().u32(3).sized(inc).sized(twice).sized(viaTable);
        WasmBytes functionNames = new WasmBytes().u32(4)
                .u32(0).name("bump").u32(1).name("inc").u32(2).name("twice").u32(3).name("viaTable");
        WasmBytes nameSection = new WasmBytes().name("name").u8(1).sized(functionNames);
        return new WasmBytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00)
                .section(1, types).section(2, imports).section(3, functions).section(4, table).section(7, exports)
                .section(9, elements).section(10, code).section(0, nameSection)
                .toArray();
    }
}
