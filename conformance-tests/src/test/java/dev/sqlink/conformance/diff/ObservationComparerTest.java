package dev.sqlink.conformance.diff;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sqlink.conformance.support.JdbcTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differential comparison must notice every kind of disagreement it claims to check. */
class ObservationComparerTest {

    private static Observation observe(Step step) throws SQLException {
        try (Connection connection = JdbcTarget.reference().connect(JdbcTarget.MEMORY)) {
            Observer.observe(connection, Step.sql("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE)"));
            return Observer.observe(connection, step);
        }
    }

    private static String compare(String ours, String reference) throws SQLException {
        Step step = Step.sql(ours);
        return ObservationComparer.difference(step, observe(step), observe(Step.sql(reference)));
    }

    @Test
    void sameSqlAgrees() throws SQLException {
        assertNull(compare("SELECT 1, 'a', x'00', 2.5, NULL", "SELECT 1, 'a', x'00', 2.5, NULL"));
    }

    @Test
    void noticesValuesClassesTypesAndColumnNames() throws SQLException {
        assertNotNull(compare("SELECT 1 AS a", "SELECT 2 AS a"), "value");
        assertNotNull(compare("SELECT 1 AS a", "SELECT 1.0 AS a"), "getObject class");
        assertNotNull(compare("SELECT 4294967296 AS a", "SELECT '4294967296' AS a"), "class and type name");
        assertNotNull(compare("SELECT 1 AS a", "SELECT 1 AS b"), "label");
        assertNotNull(compare("SELECT 1 AS a", "SELECT 1 AS a UNION ALL SELECT 1"), "row count");
    }

    @Test
    void noticesUpdateCountsGeneratedKeysAndErrorCodes() throws SQLException {
        assertNotNull(compare("INSERT INTO t(v) VALUES('a')", "INSERT INTO t(v) VALUES('a'), ('b')"), "update count");
        Step oneKey = new Step("INSERT INTO t(id, v) VALUES(5, 'a')", null, true);
        Step otherKey = new Step("INSERT INTO t(id, v) VALUES(6, 'a')", null, true);
        assertNotNull(ObservationComparer.difference(oneKey, observe(oneKey), observe(otherKey)), "generated key");
        assertNotNull(compare("SELECT * FROM missing", "INSERT INTO t(id) VALUES('x')"), "error code");
        assertNotNull(compare("SELECT * FROM missing", "SELECT 1"), "error against success");
    }

    @Test
    void messagesAndAMissingReferenceSqlStateAreDeliberateDifferences() {
        Step step = Step.sql("SELECT 1");
        Observation reference = Observation.failed(1, null, "[SQLITE_ERROR] no such table: x");
        assertNull(ObservationComparer.difference(step, Observation.failed(1, "42000", "no such table: x"), reference));
        assertNotNull(ObservationComparer.difference(step, Observation.failed(1, "42000", "x"), Observation.failed(1, "HY000", "x")));
        assertNotNull(ObservationComparer.difference(step, Observation.failed(19, null, "x"), reference));
    }

    @Test
    void rowOrderOnlyCountsWithOrderBy() {
        Observation ab = new Observation(List.of("x"), List.of(List.of("a"), List.of("b")), -1, List.of(), null);
        Observation ba = new Observation(List.of("x"), List.of(List.of("b"), List.of("a")), -1, List.of(), null);
        assertNull(ObservationComparer.difference(Step.sql("SELECT x FROM t"), ab, ba));
        assertNotNull(ObservationComparer.difference(Step.sql("SELECT x FROM t ORDER BY 1"), ab, ba));
    }

    @Test
    void buildDifferencesStayNarrow() {
        Observation listing1 = new Observation(List.of("addr", "opcode"), List.of(List.of("Integer:0", "String:Init")), -1,
                List.of(), null);
        Observation listing2 = new Observation(List.of("addr", "opcode"), List.of(List.of("Integer:0", "String:Halt")), -1,
                List.of(), null);
        assertNull(ObservationComparer.difference(Step.sql("EXPLAIN INSERT INTO t VALUES(1)"), listing1, listing2));
        assertNull(ObservationComparer.difference(Step.sql("EXPLAIN CREATE TABLE u(a)"), listing1, listing2));
        assertNotNull(ObservationComparer.difference(Step.sql("EXPLAIN SELECT 1"), listing1, listing2), "a query's program");
        assertNotNull(ObservationComparer.difference(Step.sql("EXPLAIN QUERY PLAN INSERT INTO t SELECT 1"), listing1, listing2));

        Observation nothing = new Observation(List.of(), List.of(), -1, List.of(), null);
        Observation tooManyArguments = Observation.failed(1, null,
                "[SQLITE_ERROR] SQL error or missing database (too many arguments on function json_array)");
        assertNull(ObservationComparer.difference(Step.sql("SELECT json_array(1)"), nothing, tooManyArguments));
        assertNotNull(ObservationComparer.difference(Step.sql("SELECT json_array(1)"), nothing,
                Observation.failed(1, null, "[SQLITE_ERROR] no such function")), "any other error");

        assertNull(ObservationComparer.difference(Step.sql("-- only a comment"), nothing,
                Observation.failed(0, null, "The prepared statement has been finalized")));
        Observation oneRow = new Observation(List.of("x"), List.of(List.of("Integer:1")), -1, List.of(), null);
        assertNotNull(ObservationComparer.difference(Step.sql("SELECT 1"), oneRow,
                Observation.failed(0, null, "The prepared statement has been finalized")), "ours ran something");

        Observation negativeZero = new Observation(List.of("x"), List.of(List.of("Double:-0.0")), -1, List.of(), null);
        Observation positiveZero = new Observation(List.of("x"), List.of(List.of("Double:0.0")), -1, List.of(), null);
        assertNull(ObservationComparer.difference(Step.sql("SELECT x FROM t"), negativeZero, positiveZero));
        assertNotNull(ObservationComparer.difference(Step.sql("SELECT x FROM t"), positiveZero, negativeZero),
                "only sqlite-jdbc's abs() clears the sign");
    }
}
