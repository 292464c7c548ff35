package dev.sqlink.conformance.diff;

import java.util.List;

/**
 * Where jdbc:sqlink: deliberately behaves differently from sqlite-jdbc, each with its reason. Each
 * rule rewrites the pair of observations so that the deliberate part no longer counts; everything
 * else must match exactly. Add a rule here only with a reason a reviewer would accept.
 */
final class DeliberateDifferences {

    record Pair(Observation ours, Observation reference) {
    }

    interface Rule {
        Pair apply(String sql, Pair pair);
    }

    record Difference(String name, String reason, Rule rule) {
    }

    static final List<Difference> ALL = List.of(
            // These first rules look at the reference's message, which the next rule drops.
            new Difference("SQL text that holds no statement",
                    "For SQL that compiles to no statement (only whitespace or comments, or text after a NUL, where"
                            + " SQLite stops reading) sqlite-jdbc's execute() throws 'The prepared statement has been"
                            + " finalized' with error code 0; jdbc:sqlink: runs nothing and returns false with update"
                            + " count -1, as sqlite3_exec treats such text.",
                    DeliberateDifferences::noStatement),
            new Difference("function argument limit",
                    "sqlite-jdbc compiles SQLite with SQLITE_MAX_FUNCTION_ARG=127; jdbc:sqlink: keeps SQLite 3.54's"
                            + " own default of 1000, so calls such as json_array() or json_object() with 128 to 1000"
                            + " arguments work instead of failing with 'too many arguments on function'.",
                    BuildDifferences::functionArgumentLimit),
            new Difference("EXPLAIN listing of writes",
                    "The engine is built with SQLITE_ENABLE_PREUPDATE_HOOK (the preupdate hook API, issue 4), which"
                            + " changes the bytecode SQLite generates for every statement that writes rows: INSERT,"
                            + " UPDATE, DELETE, upserts, and DDL, which writes sqlite_schema (extra opcodes, the table as"
                            + " P4 of OP_Delete). Native 3.54.1 builds with and without the option show the same change;"
                            + " sqlite-jdbc is built without it. SQLite documents EXPLAIN output as build-dependent."
                            + " Listings of SELECT and VALUES, and the columns of all listings, are still compared.",
                    BuildDifferences::explainedWriteProgram),
            new Difference("sign of abs(-0.0)",
                    "SQLite's abs() is 'if( rVal<0 ) rVal = -rVal;', which leaves a negative zero negative: native"
                            + " SQLite 3.54.1 built with gcc 12 (-O2 or -Os), Debian's sqlite3 shell and jdbc:sqlink: all"
                            + " return -0.0 for abs(-0.0). sqlite-jdbc's prebuilt library returns +0.0 (its compiler"
                            + " turned the branch into a sign-clearing fabs). The value read back is -0.0 on ours and"
                            + " 0.0 on sqlite-jdbc wherever such a result was stored; both compare equal in SQL.",
                    BuildDifferences::signOfZeroFromAbs),
            new Difference("error messages",
                    "Each driver words its messages its own way (sqlite-jdbc prefixes '[SQLITE_...]' and a generic"
                            + " description); the error code and SQLState carry the meaning, and are compared.",
                    (sql, pair) -> new Pair(withoutMessage(pair.ours()), withoutMessage(pair.reference()))),
            new Difference("SQLState where sqlite-jdbc has none",
                    "sqlite-jdbc leaves SQLState null for most errors; jdbc:sqlink: reports X/Open SQLState classes"
                            + " (e.g. 23xxx for constraint violations) so Spring and Hibernate can translate errors."
                            + " Only compared when the reference reports one.",
                    (sql, pair) -> pair.reference().error() != null && pair.ours().error() != null
                            && pair.reference().error().sqlState() == null
                            ? new Pair(pair.ours().withError(new Observation.Failure(pair.ours().error().errorCode(), null,
                                    pair.ours().error().message())), pair.reference())
                            : pair),
            new Difference("SQLState of an error while stepping, where sqlite-jdbc has none",
                    "The same reason as above, for the error row a result set ends with when stepping fails.",
                    DeliberateDifferences::stepErrorState),
            new Difference("generated keys of multi-row inserts",
                    "Issue 4 asks for the keys of every inserted row, so jdbc:sqlink: answers getGeneratedKeys with"
                            + " RETURNING; sqlite-jdbc reports last_insert_rowid() only, i.e. the last row's key."
                            + " Compared as the last key of ours against sqlite-jdbc's one key.",
                    (sql, pair) -> pair.reference().generatedKeys() != null && pair.reference().generatedKeys().size() == 1
                            && pair.ours().generatedKeys() != null && pair.ours().generatedKeys().size() > 1
                            ? new Pair(pair.ours().withGeneratedKeys(List.of(
                                    pair.ours().generatedKeys().get(pair.ours().generatedKeys().size() - 1))),
                                    pair.reference())
                            : pair),
            new Difference("update count of statements that change no rows by themselves",
                    "For DDL, transaction control and savepoints sqlite-jdbc returns sqlite3_changes() left over from"
                            + " the previous INSERT/UPDATE/DELETE; jdbc:sqlink: returns 0, as JDBC specifies for"
                            + " statements that return nothing. Only for SQL that is not a data change.",
                    (sql, pair) -> !isDataChange(sql) && pair.ours().updateCount() == 0
                            && pair.reference().updateCount() > 0
                            ? new Pair(pair.ours().withUpdateCount(pair.reference().updateCount()), pair.reference())
                            : pair),
            new Difference("generated keys when nothing was inserted",
                    "sqlite-jdbc answers getGeneratedKeys with last_insert_rowid(), which is stale when the statement"
                            + " inserted nothing (ON CONFLICT DO NOTHING, OR IGNORE); jdbc:sqlink: returns no keys then.",
                    (sql, pair) -> pair.ours().updateCount() == 0 && pair.ours().generatedKeys() != null
                            && pair.ours().generatedKeys().isEmpty() && pair.reference().generatedKeys() != null
                            && pair.reference().generatedKeys().size() == 1
                            ? new Pair(pair.ours().withGeneratedKeys(pair.reference().generatedKeys()), pair.reference())
                            : pair));

    private static final String NO_STATEMENT = "The prepared statement has been finalized";

    /** The reference's error for SQL without a statement, where ours ran nothing and returned nothing. */
    private static Pair noStatement(String sql, Pair pair) {
        Observation ours = pair.ours();
        Observation.Failure theirs = pair.reference().error();
        boolean oursRanNothing = ours.error() == null && ours.columns().isEmpty() && ours.rows().isEmpty()
                && ours.updateCount() == -1;
        return oursRanNothing && theirs != null && theirs.errorCode() == 0 && NO_STATEMENT.equals(theirs.message())
                ? new Pair(ours, ours) : pair;
    }

    private static boolean isDataChange(String sql) {
        String head = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE")
                || head.startsWith("REPLACE") || head.startsWith("WITH");
    }

    private DeliberateDifferences() {
    }

    static Pair normalize(String sql, Observation ours, Observation reference) {
        Pair pair = new Pair(ours, reference);
        for (Difference difference : ALL) {
            pair = difference.rule().apply(sql, pair);
        }
        return pair;
    }

    private static final String STEP_ERROR = "error while stepping: code ";

    /** Ours takes the reference's "state null" when both result sets end with the same step error code. */
    private static Pair stepErrorState(String sql, Pair pair) {
        List<List<String>> ours = pair.ours().rows();
        List<List<String>> reference = pair.reference().rows();
        if (ours == null || reference == null || ours.isEmpty() || ours.size() != reference.size()) {
            return pair;
        }
        List<String> ourLast = ours.get(ours.size() - 1);
        List<String> theirLast = reference.get(reference.size() - 1);
        if (ourLast.size() != 1 || theirLast.size() != 1 || !ourLast.get(0).startsWith(STEP_ERROR)
                || !theirLast.get(0).endsWith(" state null")) {
            return pair;
        }
        String ourCode = ourLast.get(0).substring(0, ourLast.get(0).lastIndexOf(" state "));
        String theirCode = theirLast.get(0).substring(0, theirLast.get(0).lastIndexOf(" state "));
        if (!ourCode.equals(theirCode)) {
            return pair;
        }
        List<List<String>> rows = new java.util.ArrayList<>(ours);
        rows.set(rows.size() - 1, theirLast);
        return new Pair(pair.ours().withRows(rows), pair.reference());
    }

    private static Observation withoutMessage(Observation observation) {
        Observation.Failure error = observation.error();
        return error == null ? observation : observation.withError(new Observation.Failure(error.errorCode(), error.sqlState(), null));
    }
}
