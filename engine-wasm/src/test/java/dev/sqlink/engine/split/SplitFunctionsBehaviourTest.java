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

    /**
     * The VDBE's cases are outlined in groups, and a case that jumps into a case of another group
     * (a shared tail, a fall-through) goes back through the dispatch: statements that use
     * opcodes from all over the switch. Expected values from the native sqlite3 shell.
     */
    @Test
    void opcodesFromEveryGroupOfTheVdbeSwitch() {
        db.exec("CREATE TABLE parent(id INTEGER PRIMARY KEY AUTOINCREMENT, tag TEXT UNIQUE)");
        db.exec("CREATE TABLE child(id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent(id) ON DELETE CASCADE, v)");
        db.exec("CREATE TABLE audit(n INTEGER, what TEXT)");
        db.exec("CREATE TRIGGER tr AFTER INSERT ON child BEGIN INSERT INTO audit VALUES (new.id, 'child ' || new.v); END");
        db.exec("PRAGMA foreign_keys=ON");
        db.exec("INSERT INTO parent(tag) SELECT 'tag' || (id % 10) FROM t WHERE id <= 10");
        db.exec("INSERT INTO child(pid, v) SELECT (id % 10) + 1, score FROM t WHERE id <= 40");
        db.exec("INSERT INTO parent(tag) VALUES ('tag3') ON CONFLICT(tag) DO UPDATE SET tag = tag || '!'");
        db.exec("DELETE FROM parent WHERE id = 2");
        assertEquals(List.of("40|820|child 98"), rows("SELECT count(*), sum(n), max(what) FROM audit"));
        assertEquals(List.of("36|5292"), rows("SELECT count(*), sum(v) FROM child"));
        assertEquals(List.of("tag1,tag3!,tag4,tag5,tag6,tag7,tag8,tag9,tag0"),
                rows("SELECT group_concat(tag, ',') FROM (SELECT tag FROM parent ORDER BY id)"));
        assertEquals(List.of("29"), rows("SELECT count(*) FROM t WHERE score IN (SELECT score FROM t WHERE id < 30) AND id > 4000"));
        assertEquals(List.of("7"), rows("SELECT count(*) FROM t WHERE id = 17 OR score = 999 OR name = 'name-4000'"));
        assertEquals(List.of("1|7", "2|14", "3|21", "4|28", "4998|986", "4999|993", "5000|0"),
                rows("SELECT * FROM (SELECT id, score FROM t WHERE id < 5 UNION ALL SELECT id, score FROM t WHERE id > 4997) ORDER BY 1"));
        assertEquals(List.of("4|7|28|3|-8|-7|1|2|7x|real|n|4.666667", "8|11|32|4|-9|-8|2|2|8x|real|n|5.333333"),
                rows("SELECT id & 12, id | 3, id << 2, id >> 1, ~id, -id, id % 3, CAST(r AS INTEGER), CAST(id AS TEXT) || 'x', "
                        + "typeof(9223372036854775807 + id), ifnull(id / 0, 'n'), round(r * 2, 6) FROM t WHERE id IN (7, 8)"));
        assertEquals(List.of("hi|2495|24.0|name-999", "lo|505|0.333|name-9", "mid|2000|5.0|name-928"),
                rows("SELECT CASE WHEN score > 500 THEN 'hi' WHEN score > 100 THEN 'mid' ELSE 'lo' END, count(*), round(min(r), 3), max(name) "
                        + "FROM t GROUP BY 1 ORDER BY 1"));
        assertEquals(List.of("0|1|21|21|a|real|21|1.0"),
                rows("SELECT name IS NULL, score IS NOT 7, coalesce(NULL, score), nullif(score, 7), iif(id > 2, 'a', 'b'), "
                        + "typeof(r), abs(-score), round(r, 2) FROM t WHERE id = 3"));
        assertEquals(List.of("1000|0.0"), rows("SELECT count(DISTINCT score), total(DISTINCT r % 1) FROM t"));
        db.exec("SAVEPOINT s1; UPDATE t SET score = 0; ROLLBACK TO s1; RELEASE s1");
        assertEquals(List.of("2497500"), rows("SELECT sum(score) FROM t"));
        assertEquals(List.of("a|1", "b|[2,3]", "c|x"), rows("SELECT key, value FROM json_each('{\"a\":1,\"b\":[2,3],\"c\":\"x\"}') ORDER BY key"));
        db.exec("CREATE INDEX tsn ON t(score, name); ANALYZE");
        assertEquals(List.of("4"), rows("SELECT count(*) FROM sqlite_stat1"));
        assertEquals(List.of("name-999", "name-4999"), rows("SELECT name FROM t WHERE score = 993 ORDER BY name DESC LIMIT 2"));
        assertEquals(List.of("1|4997", "2|null", "3|null"),
                rows("SELECT a.id, b.id FROM t a LEFT JOIN t b ON b.id = a.score + 4990 WHERE a.id BETWEEN 1 AND 3 ORDER BY 1"));
        assertEquals(List.of("4909", "4919", "4929", "4939", "4949", "4959", "4969", "4979", "4989", "4999"),
                rows("SELECT id FROM t WHERE name LIKE 'name-49_9' ORDER BY id"));
        assertEquals(List.of("857,1857,2857,3857,4857"), rows("SELECT group_concat(id) FROM (SELECT id FROM t ORDER BY score DESC, id LIMIT 5)"));
        assertEquals(List.of(), rows("SELECT score, count(*) FROM t GROUP BY score HAVING count(*) > 5"));
        assertEquals(List.of("5000|142"), rows("SELECT max(id) FILTER (WHERE score < 10), min(id) FILTER (WHERE score > 990) FROM t"));
        assertEquals(List.of("6765"), rows("WITH RECURSIVE fib(a, b, n) AS (SELECT 0, 1, 0 UNION ALL SELECT b, a + b, n + 1 FROM fib WHERE n < 20) "
                + "SELECT a FROM fib WHERE n = 20"));
        assertEquals(List.of("1|null|21|1|name-1", "2|7|28|1|name-1", "3|14|35|2|name-1", "4|21|null|2|name-1", "5|28|null|3|name-1"),
                rows("SELECT id, lag(score) OVER w, lead(score, 2) OVER w, ntile(3) OVER w, first_value(name) OVER w "
                        + "FROM t WHERE id < 6 WINDOW w AS (ORDER BY id)"));
        db.exec("ALTER TABLE child RENAME TO kid; ALTER TABLE kid ADD COLUMN extra DEFAULT 5");
        assertEquals(List.of("36|180"), rows("SELECT count(*), sum(extra) FROM kid"));
        db.exec("DROP INDEX tsn; DELETE FROM t WHERE id % 2 = 0; VACUUM");
        assertEquals(List.of("ok"), rows("PRAGMA integrity_check"));
        assertEquals(List.of("2500|6250000"), rows("SELECT count(*), sum(id) FROM t"));
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
