package dev.sqlink.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Several threads, each with its own connection, writing and reading one file. */
class MultiConnectionStressTest {
    private static final int WRITERS = 4;
    private static final int READERS = 2;
    private static final int TRANSACTIONS = 150;
    private static final int ROWS_PER_TRANSACTION = 3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void noLostRowsNoCorruption(String journalMode) throws Exception {
        Path file = dir.resolve("stress-" + journalMode + ".db");
        try (Database db = Sql.open(file)) {
            assertEquals(journalMode.toLowerCase(), Sql.queryText(db, "PRAGMA journal_mode=" + journalMode));
            db.exec("CREATE TABLE t(writer INTEGER, tx INTEGER, k INTEGER, payload BLOB)");
        }
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(new Thread(() -> write(file, writer, failures)));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(new Thread(() -> read(file, failures)));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        try (Database db = Sql.open(file)) {
            assertEquals("ok", Sql.integrity(db));
            assertEquals((long) WRITERS * TRANSACTIONS * ROWS_PER_TRANSACTION, Sql.queryLong(db, "SELECT count(*) FROM t"));
            assertEquals(0, Sql.queryLong(db,
                    "SELECT count(*) FROM (SELECT writer, tx FROM t GROUP BY writer, tx HAVING count(*) != "
                            + ROWS_PER_TRANSACTION + ")"));
        }
    }

    private static void write(Path file, int writer, List<Throwable> failures) {
        try (Database db = Sql.open(file)) {
            db.busyTimeout(30000);
            // Frequent checkpoints make the WAL restart under readers: the wal-index header is rewritten often.
            db.exec("PRAGMA wal_autocheckpoint=20");
            try (Stmt insert = db.prepare("INSERT INTO t VALUES (?, ?, ?, randomblob(300))")) {
                for (int tx = 0; tx < TRANSACTIONS; tx++) {
                    int txId = tx;
                    Sql.retryBusy(() -> Sql.inTransaction(db, "BEGIN IMMEDIATE", () -> {
                        for (int k = 0; k < ROWS_PER_TRANSACTION; k++) {
                            insert.reset();
                            insert.bindLong(1, writer);
                            insert.bindLong(2, txId);
                            insert.bindLong(3, k);
                            insert.step();
                        }
                        insert.reset();
                    }));
                }
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    /** Reads in explicit transactions: counts never go down and every transaction is seen whole. */
    private static void read(Path file, List<Throwable> failures) {
        try (Database db = Sql.open(file)) {
            db.busyTimeout(30000);
            long last = 0;
            long target = (long) WRITERS * TRANSACTIONS * ROWS_PER_TRANSACTION;
            while (last < target) {
                long[] seen = new long[2];
                Sql.retryBusy(() -> Sql.inTransaction(db, "BEGIN", () -> {
                    seen[0] = Sql.queryLong(db, "SELECT count(*) FROM t");
                    seen[1] = Sql.queryLong(db, "SELECT count(*) FROM (SELECT 1 FROM t GROUP BY writer, tx HAVING count(*) != "
                            + ROWS_PER_TRANSACTION + ")");
                }));
                assertTrue(seen[0] >= last, "row count went down from " + last + " to " + seen[0]);
                assertEquals(0, seen[1], "saw a partial transaction");
                last = seen[0];
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }
}
