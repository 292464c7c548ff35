package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import dev.sqlink.engine.internal.Native;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cleanly closed connection's instance serves a later open, put back first into the state of
 * a new instance: the next connection sees nothing of the last one, not even in freed memory.
 */
class InstanceReuseTest {
    /** Bytes no new instance holds: the marker the first connection leaves all over its heap. */
    private static final String MARK = "sqlink-reuse-marker-7f3a9c41d2e8b605";

    @Test
    void theNextConnectionGetsTheInstanceAsIfNew() {
        Native first;
        int grownPages;
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            first = db.nat;
            db.exec("create table t(x); create temp table scratch(y)");
            db.exec("insert into t with recursive n(i) as (select 1 union all select i + 1 from n where i < 60000) "
                    + "select '" + MARK + "' || i from n");
            db.createFunction("left_behind", 0, 1, (args, result) -> result.setLong(42));
            db.exec("pragma soft_heap_limit = 987654321");
            assertTrue(contains(db.nat.memory, MARK), "the marker is in the first connection's memory");
            grownPages = db.nat.memory.pages();
        }
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            assertSame(first, db.nat, "the closed connection's instance was not reused");
            assertFalse(contains(db.nat.memory, MARK), "the last connection's data survived in the reused memory");
            assertTrue(db.nat.memory.pages() < grownPages / 4, "the memory kept the last connection's size: "
                    + db.nat.memory.pages() + " of " + grownPages + " pages");
            assertThrows(SqliteException.class, () -> db.exec("select left_behind()"));
            assertThrows(SqliteException.class, () -> db.exec("select * from scratch"));
            assertEquals(0, single(db, "pragma soft_heap_limit"));
            assertEquals(7, single(db, "select 3 + 4"));
        }
    }

    /** Each reused instance must seed its own PRNG: the pristine image holds an unseeded one. */
    @Test
    void everyReusedInstanceDrawsItsOwnRandomness() {
        List<String> draws = new ArrayList<>();
        Native previous = null;
        for (int i = 0; i < 4; i++) {
            try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
                if (previous != null) {
                    assertSame(previous, db.nat, "not reused, so this test proves nothing");
                }
                previous = db.nat;
                draws.add(text(db, "select hex(randomblob(16))"));
            }
        }
        assertEquals(draws.size(), draws.stream().distinct().count(), "repeated random values: " + draws);
    }

    @Test
    void anAbortedConnectionsInstanceIsNotReused() throws Exception {
        Database db = Engine.open(":memory:", OpenFlags.DEFAULT);
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                db.exec(AbortTest.DEAF_TO_INTERRUPT);
                return null;
            } catch (SqliteException e) {
                return e;
            }
        });
        while (!db.isExecuting()) {
            Thread.sleep(1);
        }
        assertTrue(db.abort());
        running.get(30, TimeUnit.SECONDS);
        db.close();
        try (Database next = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            assertNotSame(db.nat, next.nat, "an aborted instance served another connection");
            assertEquals(7, single(next, "select 3 + 4"));
        }
    }

    @Test
    void aConnectionClosedWithABlobStillOpenIsNotReused() {
        Database db = Engine.open(":memory:", OpenFlags.DEFAULT);
        db.exec("create table t(b blob); insert into t values (zeroblob(100))");
        BlobHandle blob = db.openBlob("main", "t", "b", 1, false);
        db.close();
        try (Database next = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            assertNotSame(db.nat, next.nat, "an instance whose connection was only half closed was reused");
        }
        assertThrows(SqliteException.class, () -> blob.read(0, 10));
    }

    @Test
    void onlyAnInstanceWithTheSameMemoryCapIsReused() {
        EngineOptions capped = EngineOptions.DEFAULT.withMaxMemoryBytes(64L << 20);
        Native cappedNat;
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT, capped)) {
            cappedNat = db.nat;
        }
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            assertNotSame(cappedNat, db.nat, "an uncapped connection got a capped memory");
        }
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT, capped)) {
            assertSame(cappedNat, db.nat, "the capped instance waited for a capped open");
        }
    }

    /**
     * WAL: the wal-index pages are shared between the connections of a file. A reused instance
     * must come back without them, and the connection that stayed open must not notice.
     */
    @Test
    void walConnectionsKeepWorkingWhileTheirNeighboursInstanceIsReused(@TempDir Path dir) {
        String file = dir.resolve("wal.db").toString();
        try (Database stays = Engine.open(file, OpenFlags.DEFAULT)) {
            stays.exec("pragma journal_mode=wal; create table t(x); insert into t values (1)");
            Native reused;
            try (Database leaves = Engine.open(file, OpenFlags.DEFAULT)) {
                reused = leaves.nat;
                leaves.exec("insert into t values (2)");
                assertEquals(2, single(stays, "select count(*) from t"));
            }
            try (Database next = Engine.open(file, OpenFlags.DEFAULT)) {
                assertSame(reused, next.nat, "not reused, so this test proves nothing");
                next.exec("insert into t values (3)");
                assertEquals(3, single(stays, "select count(*) from t"));
                stays.exec("insert into t values (4)");
                assertEquals(4, single(next, "select count(*) from t"));
                assertEquals("wal", text(next, "pragma journal_mode"));
            }
            assertEquals(10, single(stays, "select sum(x) from t"));
        }
    }

    /** Many threads opening and closing at once: no instance ever serves two open connections. */
    @Test
    void concurrentOpensNeverShareAnInstance() throws Exception {
        Set<Native> live = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
                            assertTrue(live.add(db.nat), "an instance serves two open connections");
                            try {
                                db.exec("create table t(x)");
                                db.exec("insert into t values (" + (thread * 1000 + i) + ")");
                                assertEquals(thread * 1000 + i, single(db, "select x from t"));
                                assertEquals(1, single(db, "select count(*) from t"));
                            } finally {
                                live.remove(db.nat);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long single(Database db, String sql) {
        try (Stmt s = db.prepare(sql)) {
            assertTrue(s.step());
            return s.getLong(0);
        }
    }

    private static String text(Database db, String sql) {
        try (Stmt s = db.prepare(sql)) {
            assertTrue(s.step());
            return s.getText(0);
        }
    }

    private static boolean contains(Memory memory, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = memory.readBytes(0, memory.pages() * Memory.PAGE_SIZE);
        outer:
        for (int i = 0; i + needle.length <= all.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (all[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
