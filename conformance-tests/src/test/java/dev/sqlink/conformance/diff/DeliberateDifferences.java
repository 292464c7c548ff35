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
        Pair apply(Pair pair);
    }

    record Difference(String name, String reason, Rule rule) {
    }

    static final List<Difference> ALL = List.of(
            new Difference("error messages",
                    "Each driver words its messages its own way (sqlite-jdbc prefixes '[SQLITE_...]' and a generic"
                            + " description); the error code and SQLState carry the meaning, and are compared.",
                    pair -> new Pair(withoutMessage(pair.ours()), withoutMessage(pair.reference()))),
            new Difference("SQLState where sqlite-jdbc has none",
                    "sqlite-jdbc leaves SQLState null for most errors; jdbc:sqlink: reports X/Open SQLState classes"
                            + " (e.g. 23xxx for constraint violations) so Spring and Hibernate can translate errors."
                            + " Only compared when the reference reports one.",
                    pair -> pair.reference().error() != null && pair.ours().error() != null
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
                    pair -> pair.reference().generatedKeys() != null && pair.reference().generatedKeys().size() == 1
                            && pair.ours().generatedKeys() != null && pair.ours().generatedKeys().size() > 1
                            ? new Pair(pair.ours().withGeneratedKeys(List.of(
                                    pair.ours().generatedKeys().get(pair.ours().generatedKeys().size() - 1))),
                                    pair.reference())
                            : pair));

    private DeliberateDifferences() {
    }

    static Pair normalize(Observation ours, Observation reference) {
        Pair pair = new Pair(ours, reference);
        for (Difference difference : ALL) {
            pair = difference.rule().apply(pair);
        }
        return pair;
    }

    private static final String STEP_ERROR = "error while stepping: code ";

    /** Ours takes the reference's "state null" when both result sets end with the same step error code. */
    private static Pair stepErrorState(Pair pair) {
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
