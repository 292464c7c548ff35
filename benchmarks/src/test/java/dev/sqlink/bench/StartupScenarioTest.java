package dev.sqlink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start-up lists engine-wasm's build orders the module by (made by {@link StartupProfile}
 * from {@link StartupScenario}) still match the module: the scenario's cold start, in a fresh
 * JVM, loads the first class of compiled functions and no other. If it fails, a cold start
 * reads and verifies a class it should not need; remake the lists as engine-wasm/README.md says.
 */
class StartupScenarioTest {
    private static final String FUNCTION_CLASS = "SqliteModuleMachineFuncGroup_";

    @Test
    void theColdStartLoadsOnlyTheFirstFunctionClass() throws Exception {
        try (ScratchFolder folder = new ScratchFolder("startup-test")) {
            String database = StartupScenario.createDatabase(folder);
            Process child = ChildJvm.start(List.of("-Xlog:class+load=info:stdout:tags"), StartupScenario.class,
                    StartupScenario.COLD_START, database);
            List<String> loaded = new ArrayList<>();
            boolean rowRead = false;
            try (BufferedReader output = ChildJvm.output(child)) {
                for (String line; (line = output.readLine()) != null; ) {
                    int at = line.indexOf(FUNCTION_CLASS);
                    if (at >= 0) {
                        loaded.add(line.substring(at + FUNCTION_CLASS.length()).split(" ")[0]);
                    }
                    rowRead |= line.startsWith(ColdStart.MARKER);
                }
            }
            assertEquals(0, ChildJvm.waitFor(child), "the cold-start scenario failed; its error output is above");
            assertTrue(rowRead, "the scenario printed no first row");
            assertEquals(List.of("0"), loaded, "function classes loaded by the scenario's cold start (by number)");
        }
    }
}
