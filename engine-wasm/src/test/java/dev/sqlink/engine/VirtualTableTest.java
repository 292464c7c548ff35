package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VirtualTableTest extends InMemoryDatabaseTest {

    /** generate_series-like: value column, hidden start/stop that the plan must receive. */
    static final class Series implements Vtab {
        @Override
        public String declaration() {
            return "CREATE TABLE x(value INTEGER, start HIDDEN, stop HIDDEN)";
        }

        @Override
        public void bestIndex(VtabIndex index) {
            int next = 1;
            int mask = 0;
            for (int i = 0; i < index.constraintCount(); i++) {
                int col = index.constraintColumn(i);
                if (index.constraintUsable(i) && index.constraintOperator(i) == 2 && (col == 1 || col == 2)) {
                    index.use(i, next++, true);
                    mask |= col;
                }
            }
            index.indexNumber(mask);
            index.indexString("plan" + mask);
            index.estimatedCost(mask == 3 ? 10 : 1e9);
        }

        @Override
        public VtabCursor open() {
            return new VtabCursor() {
                long value;
                long stop;

                @Override
                public void filter(int indexNumber, String indexString, FunctionArgs args) {
                    assertEquals("plan" + indexNumber, indexString);
                    if (indexNumber != 3) {
                        throw new IllegalArgumentException("series needs start and stop");
                    }
                    value = args.getLong(0);
                    stop = args.getLong(1);
                }

                @Override
                public void next() {
                    value++;
                }

                @Override
                public boolean eof() {
                    return value > stop;
                }

                @Override
                public void column(int i, FunctionResult result) {
                    result.setLong(value);
                }

                @Override
                public long rowid() {
                    return value;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public long update(FunctionArgs args) {
            throw new UnsupportedOperationException("series is read-only");
        }

        @Override
        public void disconnect(boolean destroy) {
        }
    }

    @Test
    void eponymousTableValuedFunctionGetsItsConstraints() {
        db.createModule("series", VtabModule.Kind.EPONYMOUS, (create, argv) -> new Series());
        assertEquals(List.of(3L, 4L, 5L), column("SELECT value FROM series(3, 5)"));
        assertEquals(List.of(12L), column("SELECT sum(value) FROM series WHERE start = 3 AND stop = 5"));
        SqliteException e = assertThrows(SqliteException.class, () -> column("SELECT value FROM series"));
        assertTrue(e.getMessage().contains("series needs start and stop"), e.getMessage());
        SqliteException ro = assertThrows(SqliteException.class, () -> db.exec("INSERT INTO series(value) VALUES (1)"));
        assertTrue(ro.getMessage().contains("read-only"), ro.getMessage());
        assertEquals(List.of(1L), column("SELECT 1")); // the connection carries on
    }

    /** A writable in-memory table: CREATE VIRTUAL TABLE, insert, update, delete, drop. */
    @Test
    void creatableWritableTable() {
        List<String> events = new ArrayList<>();
        TreeMap<Long, Object> rows = new TreeMap<>();
        db.createModule("kv", VtabModule.Kind.CREATABLE, (create, argv) -> {
            events.add((create ? "create " : "connect ") + String.join(",", argv));
            return new Vtab() {
                @Override
                public String declaration() {
                    return "CREATE TABLE x(v)";
                }

                @Override
                public void bestIndex(VtabIndex index) {
                    index.estimatedCost(rows.size());
                }

                @Override
                public VtabCursor open() {
                    return new VtabCursor() {
                        Long at;

                        @Override
                        public void filter(int n, String s, FunctionArgs args) {
                            at = rows.isEmpty() ? null : rows.firstKey();
                        }

                        @Override
                        public void next() {
                            at = rows.higherKey(at);
                        }

                        @Override
                        public boolean eof() {
                            return at == null;
                        }

                        @Override
                        public void column(int i, FunctionResult r) {
                            r.setObject(rows.get(at));
                        }

                        @Override
                        public long rowid() {
                            return at;
                        }

                        @Override
                        public void close() {
                        }
                    };
                }

                @Override
                public long update(FunctionArgs args) {
                    if (args.count() == 1) {
                        rows.remove(args.getLong(0));
                        return 0;
                    }
                    long rowid = args.isNull(1) ? (rows.isEmpty() ? 1 : rows.lastKey() + 1) : args.getLong(1);
                    if (!args.isNull(0)) {
                        rows.remove(args.getLong(0));
                    }
                    rows.put(rowid, args.getObject(2));
                    return rowid;
                }

                @Override
                public void disconnect(boolean destroy) {
                    events.add(destroy ? "destroy" : "disconnect");
                }
            };
        });
        db.exec("CREATE VIRTUAL TABLE t USING kv(a, b)");
        assertEquals("create kv,main,t,a,b", events.get(0));
        db.exec("INSERT INTO t VALUES ('x'), ('y'), (3)");
        db.exec("UPDATE t SET v = 'z' WHERE v = 'y'");
        db.exec("DELETE FROM t WHERE rowid = 1");
        assertEquals(List.of("z", 3L), column("SELECT v FROM t"));
        assertEquals(1L, column("SELECT count(*) FROM t WHERE v = 3").get(0));
        db.exec("DROP TABLE t");
        assertEquals("destroy", events.get(events.size() - 1));
        assertThrows(SqliteException.class, () -> column("SELECT * FROM kv"));
    }

    @Test
    void exceptionInConnectNamesTheJavaError() {
        db.createModule("broken", VtabModule.Kind.CREATABLE, (create, argv) -> {
            throw new IllegalStateException("cannot connect");
        });
        SqliteException e = assertThrows(SqliteException.class, () -> db.exec("CREATE VIRTUAL TABLE b USING broken"));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }
}
