package dev.sqlink.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.EngineOptions;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQLite's anonymous temporary files (sorter spills, temporary tables with temp_store=FILE):
 * SQLite opens them with no name and an exclusive create, so the VFS must make the file and
 * then not refuse it for existing. A sort larger than the page cache spills to them, which
 * every big GROUP BY or ORDER BY without an index may do.
 */
class TempFileTest {

    /** Real files through FileVfs, recording each anonymous temporary file SQLite opens. */
    private static final class CountingTempFiles extends ForwardingVfs {
        int anonymousOpens;

        @Override
        public VfsFile open(String path, int flags) throws VfsException {
            if (path == null) {
                anonymousOpens++;
            }
            return super.open(path, flags);
        }

        @Override
        protected VfsFile wrap(VfsFile file, int flags) {
            return file;
        }
    }

    @Test
    void sortLargerThanTheCacheSpillsToTemporaryFilesAndStaysCorrect() {
        CountingTempFiles vfs = new CountingTempFiles();
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT, EngineOptions.DEFAULT.withVfs(vfs))) {
            db.exec("PRAGMA cache_size = 10; PRAGMA temp_store = FILE");
            db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, pad TEXT)");
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) "
                    + "INSERT INTO t SELECT i, (i * 7919) % 60001, printf('%0200d', i) FROM n");

            List<Long> top = new ArrayList<>();
            try (Stmt s = db.prepare("SELECT k FROM t ORDER BY pad DESC, k LIMIT 3")) {
                while (s.step()) {
                    top.add(s.getLong(0));
                }
            }
            assertEquals(List.of(60000L * 7919 % 60001, 59999L * 7919 % 60001, 59998L * 7919 % 60001), top);
            assertEquals(1000, Sql.queryLong(db, "SELECT count(*) FROM (SELECT k % 1000 FROM t GROUP BY 1)"));
            assertEquals(60000, Sql.queryLong(db, "SELECT count(*) FROM (SELECT pad FROM t ORDER BY pad)"));

            db.exec("CREATE TEMP TABLE copy AS SELECT * FROM t");
            assertEquals(60000, Sql.queryLong(db, "SELECT count(*) FROM temp.copy"));
        }
        assertTrue(vfs.anonymousOpens > 0, "the sort should have spilled to a temporary file");
    }
}
