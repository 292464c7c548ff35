package dev.sqlink.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import dev.sqlink.engine.generated.SqliteModule;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The profile that makes the start-up lists records what a cold start really ran, with the
 * method log of the JDK it runs on: a JDK 17's (the main build) or JFR's method timing (the CI
 * pass on JDK 25). A cold start must have opened a database and prepared a statement, and
 * never started a backup.
 */
class StartupProfileTest {
    @Test
    void aColdStartRanTheOpenAndThePrepareAndNoBackup() throws Exception {
        try (ScratchFolder folder = new ScratchFolder("profile-test")) {
            String database = StartupScenario.createDatabase(folder);
            Set<Integer> ran = StartupProfile.functionsRun(StartupScenario.COLD_START, database);
            WasmModule module = moduleMetadata();
            assertTrue(ran.contains(exported(module, "sqlite3_open_v2")), "sqlite3_open_v2 not recorded: " + ran);
            assertTrue(ran.contains(exported(module, "sqlite3_prepare_v3")), "sqlite3_prepare_v3 not recorded: " + ran);
            assertFalse(ran.contains(exported(module, "sqlite3_backup_init")), "a cold start never backs up: " + ran);
        }
    }

    private static WasmModule moduleMetadata() throws Exception {
        try (InputStream in = SqliteModule.class.getResourceAsStream("SqliteModule.meta")) {
            return Parser.parse(in);
        }
    }

    private static int exported(WasmModule module, String name) {
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.name().equals(name)) {
                return export.index();
            }
        }
        throw new AssertionError("the module exports no " + name);
    }
}
