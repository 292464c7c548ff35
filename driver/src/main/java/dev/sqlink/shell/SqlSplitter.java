package dev.sqlink.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into complete statements the way the sqlite3 shell decides a statement is
 * complete: a semicolon outside quotes, comments and the BEGIN ... END body of a
 * {@code CREATE TRIGGER}. Text after the last complete statement is kept as the pending
 * (incomplete) remainder.
 */
final class SqlSplitter {
    private final List<String> complete = new ArrayList<>();
    private final String pending;

    private SqlSplitter(String text) {
        int start = 0;
        int i = 0;
        int n = text.length();
        // Inside CREATE TRIGGER, semicolons end statements of the body; only "END ;" ends it.
        boolean inTrigger = false;
        List<String> words = new ArrayList<>();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(text, i, c);
            } else if (c == '[') {
                int close = text.indexOf(']', i + 1);
                i = close < 0 ? n : close + 1;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                words.add(text.substring(i, end).toUpperCase(Locale.ROOT));
                if (!inTrigger && startsTrigger(words)) {
                    inTrigger = true;
                }
                i = end;
            } else if (c == ';') {
                boolean endsTrigger = inTrigger && !words.isEmpty() && words.get(words.size() - 1).equals("END");
                if (!inTrigger || endsTrigger) {
                    String statement = text.substring(start, i + 1).trim();
                    if (!isBlank(statement)) {
                        complete.add(statement);
                    }
                    start = i + 1;
                    inTrigger = false;
                    words.clear();
                } else {
                    words.add(";");
                }
                i++;
            } else {
                i++;
            }
        }
        pending = text.substring(start);
    }

    static SqlSplitter split(String text) {
        return new SqlSplitter(text);
    }

    /** The complete statements, each ending with its semicolon. */
    List<String> statements() {
        return complete;
    }

    /** What follows the last complete statement (may be only whitespace or comments). */
    String pending() {
        return pending;
    }

    /** True when the pending text holds nothing to run. */
    boolean pendingIsBlank() {
        return isBlank(pending);
    }

    private static boolean startsTrigger(List<String> words) {
        // CREATE [TEMP|TEMPORARY] TRIGGER, only at the start of a statement
        if (words.size() == 2) {
            return words.get(0).equals("CREATE") && words.get(1).equals("TRIGGER");
        }
        if (words.size() == 3) {
            return words.get(0).equals("CREATE") && (words.get(1).equals("TEMP") || words.get(1).equals("TEMPORARY"))
                    && words.get(2).equals("TRIGGER");
        }
        return false;
    }

    private static int skipQuoted(String text, int i, char quote) {
        int j = i + 1;
        while (j < text.length()) {
            if (text.charAt(j) == quote) {
                if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
                    j += 2; // doubled quote is an escaped quote
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return text.length();
    }

    /** Whitespace, comments and stray semicolons only. */
    static boolean isBlank(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    return false; // an unclosed comment is not complete yet
                }
                i = close + 2;
            } else {
                return false;
            }
        }
        return true;
    }
}
