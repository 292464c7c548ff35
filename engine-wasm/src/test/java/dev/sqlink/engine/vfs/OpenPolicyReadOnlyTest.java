package dev.sqlink.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.EngineOptions;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database the policy lets us read but not write opens read-only, as a file without write permission does. */
class OpenPolicyReadOnlyTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedWriteOfAnExistingDatabaseFallsBackToReadOnly() throws Exception {
        Path archive = dir.resolve("archive.db");
        try (Database db = Sql.open(archive)) {
            db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
        }
        OpenPolicy readOnlyArchive = request -> {
            if (request.databasePath().equals(archive.toString()) && request.write()) {
                throw new VfsException(ResultCode.AUTH, "archive is read-only here");
            }
        };
        EngineOptions options = EngineOptions.DEFAULT.withVfs(FileVfs.withPolicy(readOnlyArchive));
        try (Database db = Engine.open(dir.resolve("main.db").toString(), OpenFlags.DEFAULT, options)) {
            db.exec("ATTACH '" + archive + "' AS a");
            assertEquals(1, Sql.queryLong(db, "SELECT count(*) FROM a.t"));
            assertEquals(1, db.databaseReadOnly("a"));
            SqliteException write = assertThrows(SqliteException.class, () -> db.exec("INSERT INTO a.t VALUES (2)"));
            assertEquals(ResultCode.READONLY, write.resultCode());
            // A database that does not exist yet cannot be created read-only: the refusal stands.
            Path fresh = dir.resolve("fresh.db");
            OpenPolicy noFresh = request -> {
                if (request.databasePath().equals(fresh.toString()) && request.write()) {
                    throw new VfsException(ResultCode.AUTH, "may not create " + request.path());
                }
            };
            try (Database other = Engine.open(dir.resolve("other.db").toString(), OpenFlags.DEFAULT,
                    EngineOptions.DEFAULT.withVfs(FileVfs.withPolicy(noFresh)))) {
                SqliteException e = assertThrows(SqliteException.class, () -> other.exec("ATTACH '" + fresh + "' AS f"));
                assertEquals(ResultCode.AUTH, e.resultCode() & 0xff);
                assertTrue(e.getMessage().contains("may not create " + fresh), e.getMessage());
            }
            assertTrue(Files.notExists(fresh));
        }
    }
}
