package dev.sqlink.extensions;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Stops a regular expression that backtracks catastrophically ({@code (a+)+$} against
 * {@code aaaa...!} takes exponential time). {@code java.util.regex} has no time limit, but
 * it reads its input only through {@link CharSequence#charAt}: the text is handed to it
 * wrapped in a {@link GuardedText} that, every few thousand reads, checks a deadline and
 * whether the statement was cancelled. One match then fails its statement with a clear
 * error instead of holding the connection forever.
 *
 * <p>The limit applies to each single match ({@code find}, {@code replaceAll}), in
 * milliseconds: system property {@value #LIMIT_PROPERTY}, default {@value #DEFAULT_LIMIT_MILLIS}.
 */
final class RegexpGuard {
    static final String LIMIT_PROPERTY = "sqlink.regexp.timeLimitMillis";
    static final long DEFAULT_LIMIT_MILLIS = 1000;
    /** Reads between two checks: a check costs a clock read, a read costs a few nanoseconds. */
    private static final int READS_PER_CHECK = 4096;

    private final long limitNanos;
    private final long limitMillis;
    private final BooleanSupplier cancelled;

    RegexpGuard(long limitMillis, BooleanSupplier cancelled) {
        if (limitMillis <= 0) {
            throw new IllegalArgumentException(LIMIT_PROPERTY + " must be a positive number of milliseconds, not "
                    + limitMillis);
        }
        this.limitMillis = limitMillis;
        this.limitNanos = limitMillis * 1_000_000L;
        this.cancelled = cancelled;
    }

    /** The guard configured by the system property, for one connection. */
    static RegexpGuard configured(BooleanSupplier cancelled) {
        String value = System.getProperty(LIMIT_PROPERTY);
        long millis = DEFAULT_LIMIT_MILLIS;
        if (value != null) {
            try {
                millis = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(LIMIT_PROPERTY + " must be a number of milliseconds, not '" + value
                        + "'");
            }
        }
        return new RegexpGuard(millis, cancelled);
    }

    /** {@code text} for one match of {@code pattern}, its clock started now. */
    GuardedText text(String text, String pattern) {
        GuardedText g = new GuardedText(text, pattern);
        g.restart();
        return g;
    }

    /** The subject of a match, read by the regex engine; checks the guard as it is read. */
    final class GuardedText implements CharSequence {
        private final String text;
        private final String pattern;
        private long deadline;
        private int untilCheck;

        private GuardedText(String text, String pattern) {
            this.text = text;
            this.pattern = pattern;
        }

        /** Starts the limit again, for the next match over the same text. */
        void restart() {
            deadline = System.nanoTime() + limitNanos;
            untilCheck = READS_PER_CHECK;
        }

        @Override
        public char charAt(int index) {
            if (--untilCheck <= 0) {
                check();
            }
            return text.charAt(index);
        }

        private void check() {
            untilCheck = READS_PER_CHECK;
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("regexp: the statement was cancelled while matching '" + pattern + "'");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("regexp: matching '" + pattern + "' against a text of " + text.length()
                        + " characters took longer than the limit of " + limitMillis + " ms (the pattern probably"
                        + " backtracks catastrophically, e.g. nested quantifiers like (a+)+); simplify the pattern,"
                        + " or raise the limit with the system property " + LIMIT_PROPERTY + "=MILLISECONDS");
            }
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
