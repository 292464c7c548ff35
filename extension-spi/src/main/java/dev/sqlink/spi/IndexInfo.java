package dev.sqlink.spi;

import java.util.List;

/**
 * The planner's question to {@link VirtualTable#bestIndex} and the table's answer: the
 * constraints and ordering of the query (read), the constraints the table will use and the
 * plan's cost (write).
 */
public interface IndexInfo {
    /** A WHERE-clause term on one column, e.g. {@code col = ?}. */
    interface Constraint {
        /** The column (0-based in the declaration; -1 for rowid). */
        int column();

        /** The operator: one of the {@code OP_*} constants. */
        int operator();

        /** False when the term cannot be used in this plan (it depends on a later table). */
        boolean usable();
    }

    /** An ORDER BY term. */
    interface OrderBy {
        int column();

        boolean descending();
    }

    int OP_EQ = 2;
    int OP_GT = 4;
    int OP_LE = 8;
    int OP_LT = 16;
    int OP_GE = 32;
    int OP_MATCH = 64;
    int OP_LIKE = 65;
    int OP_GLOB = 66;
    int OP_REGEXP = 67;
    int OP_NE = 68;
    int OP_ISNOT = 69;
    int OP_ISNOTNULL = 70;
    int OP_ISNULL = 71;
    int OP_IS = 72;
    int OP_LIMIT = 73;
    int OP_OFFSET = 74;

    List<Constraint> constraints();

    List<OrderBy> orderBy();

    /**
     * Asks for constraint {@code constraint}'s value as argument {@code argumentIndex}
     * (0-based, distinct and without gaps) of {@link VirtualCursor#filter};
     * {@code omit} tells SQLite it need not re-check the term.
     */
    void use(int constraint, int argumentIndex, boolean omit);

    /** A number handed to {@link VirtualCursor#filter} to identify the plan. */
    void indexNumber(int value);

    /** A string handed to {@link VirtualCursor#filter} to identify the plan. */
    void indexString(String value);

    /** The plan's cost in arbitrary units (SQLite compares plans by it). */
    void estimatedCost(double cost);

    void estimatedRows(long rows);

    /** The cursor returns rows in the ORDER BY order, so SQLite need not sort. */
    void orderByConsumed(boolean consumed);
}
