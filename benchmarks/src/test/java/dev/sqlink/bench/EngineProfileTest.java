package dev.sqlink.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine cliff stays closed: once warmed up, with default JVM flags, the slowest workload of
 * the suite runs SQLite's compiled code in the JIT's code, not in the bytecode interpreter (a
 * function over HotSpot's size limit, or one the JIT gives up on, would show up here as
 * interpreted samples). And the check is not blind: with the JIT barred from SQLite's classes,
 * the same profile finds it interpreted.
 */
class EngineProfileTest {
    /** Generous: on a busy two-core machine the JIT compiles the largest pieces a few seconds in. */
    private static final Duration WARM_UP = Duration.ofSeconds(12);
    private static final Duration MEASURED = Duration.ofSeconds(3);

    @Test
    void theSlowestWorkloadRunsSqliteInCompiledCodeOnceWarm() throws Exception {
        EngineProfile.Profile profile = EngineProfile.record("groupBy", WARM_UP, MEASURED, List.of());
        assertTrue(profile.inSqlite() >= 100, "too few samples inside SQLite to judge: " + profile);
        assertTrue(profile.interpretedShare() < 0.05, String.format(
                "%.1f%% of the samples inside SQLite ran in the bytecode interpreter (by function index: %s); "
                        + "see engine-wasm/README.md, 'The engine cliff'", 100 * profile.interpretedShare(),
                profile.interpretedFunctions()));
    }

    @Test
    void theProfileFindsSqliteInTheInterpreterWhenTheJitMayNotCompileIt() throws Exception {
        EngineProfile.Profile profile = EngineProfile.record("groupBy", Duration.ofSeconds(1), MEASURED,
                List.of("-XX:CompileCommand=quiet",
                        "-XX:CompileCommand=exclude,dev.sqlink.engine.generated.SqliteModuleMachineFuncGroup*::*"));
        assertTrue(profile.interpretedShare() > 0.5, String.format(
                "only %.1f%% of the samples inside SQLite counted as interpreted with the JIT barred from it: %s",
                100 * profile.interpretedShare(), profile));
    }
}
