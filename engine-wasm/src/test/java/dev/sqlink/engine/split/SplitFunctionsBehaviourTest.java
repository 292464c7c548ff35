package dev.sqlink.engine.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQL that runs through the outlined pieces of the split functions (VDBE opcodes, the parser's
 * reduce actions, SELECT planning, b-tree balancing, printf, JSON, FTS5, window functions,
 * dates) and must give SQLite's own results; the expected values come from the unsplit module.
 */
class SplitFunctionsBehaviourTest {
    private Database db;

    @BeforeEach
    void fillTable() {
        db = Engine.open(":memory:", OpenFlags.DEFAULT);
        db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score INTEGER, r REAL)");
        db.exec("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<5000) "
                + "INSERT INTO t SELECT i, 'name-'||i, i*7%1000, i/3.0 FROM c");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aggregatesOverAllRows() {
        assertEquals(List.of("5000|2497500|43893|4167500.0"),
                rows("SELECT count(*), sum(score), sum(length(name)), total(r) FROM t"));
    }

    @Test
    void indexRangeJoinUpdateAndDelete() {
        db.exec("CREATE INDEX ts ON t(score, name)");
        assertEquals(List.of("1430|name-1430|10", "1573|name-1573|11", "1716|name-1716|12"),
                rows("SELECT id, name, score FROM t WHERE score BETWEEN 10 AND 12 ORDER BY name LIMIT 3"));
        assertEquals(List.of("1|1001", "1|2001", "1|3001", "1|4001", "2|1002"),
                rows("SELECT a.id, b.id FROM t a JOIN t b ON a.score = b.score AND a.id < b.id "
                        + "WHERE a.id < 50 ORDER BY 1,2 LIMIT 5"));
        db.exec("UPDATE t SET name = upper(name) WHERE id % 7 = 0");
        db.exec("DELETE FROM t WHERE id % 11 = 0");
        assertEquals(List.of("4546|name-999|NAME-1008"), rows("SELECT count(*), max(name), min(name) FROM t"));
        assertEquals(List.of("ok"), rows("PRAGMA integrity_check"));
    }

    @Test
    void functionsWindowsFullTextAndDates() {
        assertEquals(List.of("{\"a\":1,\"b\":[1,2,3]}| 3.14|ab      |ff|ell|bcbcbc"),
                rows("SELECT json_object('a', 1, 'b', json_array(1,2,3)), printf('%5.2f|%-8s|%x', 3.14159, 'ab', 255), "
                        + "substr('hello', 2, 3), replace('aaa','a','bc')"));
        assertEquals(List.of("3|1|42", "6|2|105", "9|3|168"),
                rows("SELECT id, row_number() OVER (PARTITION BY score%3 ORDER BY id), "
                        + "sum(score) OVER (ORDER BY id ROWS 2 PRECEDING) FROM t WHERE id < 20 LIMIT 3"));
        db.exec("CREATE VIRTUAL TABLE f USING fts5(body)");
        db.exec("INSERT INTO f SELECT name || ' hello world ' || score FROM t WHERE id < 500");
        assertEquals(List.of("499"), rows("SELECT count(*) FROM f WHERE f MATCH 'hello AND world'"));
        assertEquals(List.of("2025-03-01|1970-01-01 00:00:00|2023-365"),
                rows("SELECT date('2024-02-29', '+1 year'), datetime(0, 'unixepoch'), strftime('%Y-%j', '2023-12-31')"));
    }

    private List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Stmt stmt = db.prepare(sql)) {
            while (stmt.step()) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < stmt.columnCount(); c++) {
                    row.append(c == 0 ? "" : "|").append(stmt.getText(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
