package dev.sqlink.engine.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The splitter (wasm/SplitHugeFunctions.java, run by build.sh) on a switch whose shape clang's
 * SQLite never has but other producers (binaryen's wasm-opt) do: one case leaves the switch by
 * a branch that carries a value. The module is assembled here byte by byte: a VDBE-like switch
 * (a byte selector, a 64-entry br_table at the bottom of a nest of 65 blocks, 64 case bodies of
 * ~70 bytes, over 4 KB in all) inside a block that returns an i32, and case 5 branches straight to
 * that block with its value. The split module must still validate (Chicory's parser checks every
 * function's types) and return what the original returns for every selector.
 */
class SplitterValueBranchTest {
    private static final int CASES = 64;
    private static final int VALUE_CASE = 5;

    @TempDir
    Path dir;

    @Test
    void aCaseBranchingOutWithAValueSplitsIntoAValidModuleThatComputesTheSame() throws Exception {
        Path original = dir.resolve("switch.wasm");
        Path split = dir.resolve("switch.split.wasm");
        Files.write(original, module());
        String report = SplitterCommand.run(original.toString(), split.toString(), "3000");
        assertTrue(report.contains("switch rebuilt"), "the splitter did not take the nest for a switch:\n" + report);

        Instance before = Instance.builder(Parser.parse(Files.readAllBytes(original))).build();
        Instance after = Instance.builder(Parser.parse(Files.readAllBytes(split))).build(); // validates
        ExportFunction f0 = before.export("f");
        ExportFunction f1 = after.export("f");
        for (int selector = 0; selector < 80; selector++) {
            assertEquals(expected(selector), (int) f0.apply(selector)[0], "the test's own module, selector " + selector);
            assertEquals(expected(selector), (int) f1.apply(selector)[0], "selector " + selector + ", report:\n" + report);
        }
    }

    /** What case {@code selector} computes (selectors past the table take the last case). */
    private static int expected(int selector) {
        int j = Math.min(selector, CASES - 1);
        int acc = 0;
        for (int k = 0; k < 6; k++) acc = (acc + 7 * (j + k + 1)) * 31;
        return j == VALUE_CASE ? acc : 1000 + acc; // the value-carrying case skips the code after the switch
    }

    /** (func (export "f") (param i32) (result i32)): memory[0] = param, then the switch on it. */
    private static byte[] module() {
        WasmBytes type = new WasmBytes().u32(1).u8(0x60).u32(1).u8(0x7F).u32(1).u8(0x7F);
        WasmBytes function = new WasmBytes().u32(1).u32(0);
        WasmBytes memory = new WasmBytes().u32(1).u8(0x00).u32(1);
        WasmBytes export = new WasmBytes().u32(1).name("f").u8(0x00).u32(0);
        WasmBytes code = new WasmBytes().u32(1).sized(body());
        return new WasmBytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00)
                .section(1, type).section(3, function).section(5, memory).section(7, export).section(10, code)
                .toArray();
    }

    private static WasmBytes body() {
        WasmBytes b = new WasmBytes().u32(1).u32(1).u8(0x7F); // one extra i32 local: the accumulator (1)
        b.u8(0x41).s32(0).u8(0x20).u32(0).u8(0x3A).u32(0).u32(0); // i32.store8 [0] = param
        b.u8(0x02).u8(0x7F); // block (result i32): the label case 5 branches to with a value
        for (int i = 0; i <= CASES; i++) b.u8(0x02).u8(0x40); // B64 .. B0
        b.u8(0x41).s32(0).u8(0x2D).u32(0).u32(0); // i32.load8_u [0]
        b.u8(0x0E).u32(CASES); // br_table 0 .. 63, default 63
        for (int t = 0; t < CASES; t++) b.u32(t);
        b.u32(CASES - 1);
        for (int j = 0; j < CASES; j++) {
            b.u8(0x0B); // end of B_j: case j starts
            for (int k = 0; k < 6; k++) { // acc = (acc + 7 * (j + k + 1)) * 31
                b.u8(0x20).u32(1).u8(0x41).s32(7 * (j + k + 1)).u8(0x6A).u8(0x41).s32(31).u8(0x6C).u8(0x21).u32(1);
            }
            if (j == VALUE_CASE) {
                b.u8(0x20).u32(1).u8(0x0C).u32(CASES - j); // br to the value block with acc
            } else {
                b.u8(0x0C).u32(CASES - 1 - j); // br to the end of B64: after the switch
            }
        }
        b.u8(0x0B); // end of B64
        b.u8(0x41).s32(1000).u8(0x20).u32(1).u8(0x6A); // 1000 + acc
        b.u8(0x0B); // end of the value block
        b.u8(0x0B); // end of the function
        return b;
    }
}
