package dev.sqlink.conformance.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a string of several SQL statements into single statements, the way {@code sqlite3_exec}
 * walks a script. JDBC has no portable multi-statement call (sqlite-jdbc's {@code execute} silently
 * runs only the first statement), so the runners execute the pieces one by one.
 *
 * <p>Quotes ({@code '..' ".." `..` [..]}) and comments are honoured. A {@code ;} inside
 * {@code CREATE [TEMP] TRIGGER ... BEGIN ... END} does not split; as in SQLite's own
 * {@code sqlite3_complete}, the trigger ends at the first {@code END;}.
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        Splitter splitter = new Splitter(script);
        int start = 0;
        int end;
        while ((end = splitter.nextStatementEnd()) >= 0) {
            add(statements, script.substring(start, end));
            start = end + 1;
        }
        add(statements, script.substring(start));
        return statements;
    }

    private static void add(List<String> statements, String piece) {
        String trimmed = piece.strip();
        if (hasCode(trimmed)) {
            statements.add(trimmed);
        }
    }

    /** True unless the text is only whitespace and comments. */
    static boolean hasCode(String sql) {
        Splitter scanner = new Splitter(sql);
        return scanner.nextSignificantToken() != null;
    }

    /** A small tokenizer; it only needs to recognise words, quotes, comments and semicolons. */
    private static final class Splitter {
        private final String sql;
        private int pos;
        private int tokenStart;

        Splitter(String sql) {
            this.sql = sql;
        }

        /** Index of the next semicolon that ends a statement, or -1 at end of input. */
        int nextStatementEnd() {
            int wordIndex = 0;
            leadingCreate = -1;
            boolean inTrigger = false;
            String previous = null;
            String token;
            while ((token = nextSignificantToken()) != null) {
                if (token.equals(";")) {
                    if (!inTrigger || "END".equals(previous)) {
                        return tokenStart;
                    }
                } else if (isWord(token)) {
                    String word = token.toUpperCase(Locale.ROOT);
                    inTrigger |= opensTrigger(wordIndex, word);
                    wordIndex++;
                    token = word;
                } else {
                    wordIndex = Integer.MAX_VALUE / 2; // past the statement's leading keywords
                }
                previous = token;
            }
            return -1;
        }

        private int leadingCreate = -1;

        /** Recognises CREATE [TEMP|TEMPORARY] TRIGGER, optionally after EXPLAIN [QUERY PLAN]. */
        private boolean opensTrigger(int wordIndex, String word) {
            if (wordIndex == 0) {
                leadingCreate = -1;
            }
            if (word.equals("CREATE") && wordIndex <= 3) {
                leadingCreate = wordIndex;
                return false;
            }
            if (leadingCreate < 0) {
                return false;
            }
            int afterCreate = wordIndex - leadingCreate;
            if (word.equals("TRIGGER")) {
                return afterCreate == 1 || afterCreate == 2;
            }
            if (!(afterCreate == 1 && (word.equals("TEMP") || word.equals("TEMPORARY")))) {
                leadingCreate = -1;
            }
            return false;
        }

        private static boolean isWord(String token) {
            char c = token.charAt(0);
            return Character.isLetter(c) || c == '_';
        }

        /** The next token that is not whitespace or a comment; null at the end. */
        String nextSignificantToken() {
            while (pos < sql.length()) {
                tokenStart = pos;
                char c = sql.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (sql.startsWith("--", pos)) {
                    int newline = sql.indexOf('\n', pos);
                    pos = newline < 0 ? sql.length() : newline + 1;
                } else if (sql.startsWith("/*", pos)) {
                    int close = sql.indexOf("*/", pos + 2);
                    pos = close < 0 ? sql.length() : close + 2;
                } else if (c == '\'' || c == '"' || c == '`') {
                    skipQuoted(c);
                    return sql.substring(tokenStart, pos);
                } else if (c == '[') {
                    int close = sql.indexOf(']', pos);
                    pos = close < 0 ? sql.length() : close + 1;
                    return sql.substring(tokenStart, pos);
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                    while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
                            || sql.charAt(pos) == '$')) {
                        pos++;
                    }
                    return sql.substring(tokenStart, pos);
                } else {
                    pos++;
                    return String.valueOf(c);
                }
            }
            return null;
        }

        /** A quote ends at the next unpaired quote character; a doubled quote is an escaped one. */
        private void skipQuoted(char quote) {
            pos++;
            while (pos < sql.length()) {
                if (sql.charAt(pos) == quote) {
                    if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                        pos += 2;
                        continue;
                    }
                    pos++;
                    return;
                }
                pos++;
            }
        }
    }
}
