package dev.sqlink.conformance.fuzz;

/** How one fuzz script against one database image ended. */
record ScriptOutcome(Kind kind, int statements, int sqlErrors, String detail) {

    enum Kind {
        /** Every statement ended with a result or an SQLException, and the file passed integrity_check. */
        OK(true),
        /** A statement overran its time limit and was cancelled cleanly (an SQLException or an end). */
        CANCELLED_AFTER_TIMEOUT(true),
        /** A documented resource-limit Error (see {@link ResourceLimits}). */
        RESOURCE_LIMIT(true),
        /** A statement kept running after cancel: the connection had to be abandoned. */
        HUNG(false),
        /** A JVM Error or an exception that is not an SQLException. */
        UNEXPECTED_THROWABLE(false),
        /** An SQLException without a message saying what went wrong. */
        UNCLEAR_SQL_EXCEPTION(false),
        /** integrity_check did not say "ok" afterwards. */
        CORRUPT(false);

        final boolean acceptable;

        Kind(boolean acceptable) {
            this.acceptable = acceptable;
        }
    }
}
