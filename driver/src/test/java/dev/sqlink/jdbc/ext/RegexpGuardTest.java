package dev.sqlink.jdbc.ext;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static dev.sqlink.jdbc.ext.JdbcQueries.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A regular expression that backtracks catastrophically ends its statement, not the connection. */
class RegexpGuardTest {
    private static final String TEXT = "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'";
    /**
     * Exponential in the number of a's on java.util.regex (minutes at this length). The textbook
     * {@code (a+)+$} no longer is: since JDK 9 the engine memoizes that loop; a back-reference
     * turns the memo off.
     */
    private static final String PATTERN = "'(a+)+\\1b'";
    private static final String RUNAWAY = "SELECT " + TEXT + " REGEXP " + PATTERN;
    /** Far beyond any test's patience, so only the limit can end a match. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @Test
    void aRunawayMatchFailsWithinTheLimitAndTheConnectionStaysUsable() throws SQLException {
        try (Connection c = open("extensions=regexp")) {
            SQLException e = assertTimeoutPreemptively(HANG, () -> assertThrows(SQLException.class, () -> one(c, RUNAWAY)));
            assertMentions(e, "regexp", "(a+)+\\1b", "took longer than the limit of 1000 ms",
                    "sqlink.regexp.timeLimitMillis");
            for (String sql : new String[] {"SELECT regexp_replace(" + TEXT + ", " + PATTERN + ", 'x')",
                    "SELECT regexp_substr(" + TEXT + ", " + PATTERN + ")",
                    "SELECT count(*) FROM regexp_matches(" + TEXT + ", " + PATTERN + ")",
                    "SELECT " + TEXT + " REGEXP '(.*a){12}b'"}) {
                SQLException other = assertTimeoutPreemptively(HANG, () -> assertThrows(SQLException.class,
                        () -> one(c, sql)));
                assertMentions(other, "took longer than the limit");
            }
            assertEquals(0, one(c, "SELECT " + TEXT + " REGEXP '(a+)+$'")); // the textbook case ends on its own
            assertEquals(1, one(c, "SELECT 'aab' REGEXP " + PATTERN));
            assertTrue(c.isValid(1));
        }
    }

    @Test
    void aCancelledMatchStopsAsATimeoutAndTheConnectionStaysUsable() throws Exception {
        Connection c;
        System.setProperty("sqlink.regexp.timeLimitMillis", "600000");
        try {
            c = open("extensions=regexp");
        } finally {
            System.clearProperty("sqlink.regexp.timeLimitMillis");
        }
        try (c; PreparedStatement s = c.prepareStatement(RUNAWAY)) {
            s.setQueryTimeout(1);
            assertTimeoutPreemptively(HANG, () -> assertThrows(SQLTimeoutException.class, () -> {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                }
            }));
            // Stopped by the check, well before the abort that would retire the connection.
            assertTrue(c.isValid(1));
            assertEquals(0, one(c, "SELECT 'b' REGEXP " + PATTERN));
        }
    }

    @Test
    void aBadLimitRefusesTheConnection() {
        System.setProperty("sqlink.regexp.timeLimitMillis", "soon");
        try {
            assertMentions(assertThrows(SQLException.class, () -> open("extensions=regexp")),
                    "sqlink.regexp.timeLimitMillis", "'soon'");
        } finally {
            System.clearProperty("sqlink.regexp.timeLimitMillis");
        }
    }
}
