package dev.sqlink.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The argument checks statements, result sets and connections share, with one wording. */
final class ArgumentChecks {
    private ArgumentChecks() {}

    /** {@code value} if it is not negative; otherwise "WHAT must be >= 0: VALUE" (HY024). */
    static long nonNegative(String what, long value) throws SQLException {
        if (value < 0) {
            throw new SQLException(what + " must be >= 0: " + value, "HY024");
        }
        return value;
    }

    /** {@code value} if it is not negative, as an int. */
    static int nonNegative(String what, int value) throws SQLException {
        return (int) nonNegative(what, (long) value);
    }

    /** Rows come from the engine one at a time, forward: the only fetch direction there is. */
    static void requireForward(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw SqlErrors.unsupported("a fetch direction other than FETCH_FORWARD");
        }
    }
}
