package dev.sqlink.jdbc.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the text of a CREATE statement (as SQLite keeps it in sqlite_schema) into tokens with
 * their nesting depth and source offsets. Just enough lexing to find constraint names, foreign
 * key clauses and index terms, which SQLite's pragmas do not report; never used to run SQL.
 */
final class SqlTokens {

    /**
     * @param text  the identifier or keyword with quotes removed; the literal as written for others
     * @param word  true for bare words and quoted identifiers (anything that can be a name)
     * @param depth parenthesis depth before this token ("(" itself has the outer depth)
     */
    record Token(String text, boolean word, int depth, int start, int end) {
        boolean is(String keyword) {
            return word && text.equalsIgnoreCase(keyword);
        }

        boolean isPunct(char c) {
            return !word && text.length() == 1 && text.charAt(0) == c;
        }
    }

    private SqlTokens() {
    }

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = sql.indexOf('\n', i);
                i = i < 0 ? n : i + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = sql.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                StringBuilder name = new StringBuilder();
                i++;
                while (i < n) {
                    char d = sql.charAt(i++);
                    if (d == close) {
                        if (close != ']' && i < n && sql.charAt(i) == close) {
                            name.append(close); // doubled quote inside a quoted name
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        name.append(d);
                    }
                }
                tokens.add(new Token(name.toString(), true, depth, start, i));
            } else if (c == '\'') {
                i++;
                while (i < n) {
                    if (sql.charAt(i++) == '\'') {
                        if (i < n && sql.charAt(i) == '\'') {
                            i++;
                        } else {
                            break;
                        }
                    }
                }
                tokens.add(new Token(sql.substring(start, i), false, depth, start, i));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$' || sql.charAt(i) > 127)) {
                    i++;
                }
                tokens.add(new Token(sql.substring(start, i), !Character.isDigit(c), depth, start, i));
            } else {
                i++;
                if (c == ')') {
                    depth--;
                }
                tokens.add(new Token(String.valueOf(c), false, depth, start, i));
                if (c == '(') {
                    depth++;
                }
            }
        }
        return tokens;
    }

    /** Index of the first token at {@code from} or later that is the given keyword at the depth. */
    static int find(List<Token> tokens, int from, int depth, String keyword) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).depth() == depth && tokens.get(i).is(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first "(" at the given depth, at {@code from} or later, or -1. */
    static int findOpen(List<Token> tokens, int from, int depth) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).depth() == depth && tokens.get(i).isPunct('(')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The comma-separated items inside the parentheses opened at {@code open}: each item as
     * [first token index, last token index + 1).
     */
    static List<int[]> items(List<Token> tokens, int open) {
        List<int[]> items = new ArrayList<>();
        int inner = tokens.get(open).depth() + 1;
        int itemStart = open + 1;
        for (int i = open + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean end = token.depth() == inner - 1 && token.isPunct(')');
            if (end || token.depth() == inner && token.isPunct(',')) {
                if (i > itemStart) {
                    items.add(new int[] {itemStart, i});
                }
                itemStart = i + 1;
                if (end) {
                    break;
                }
            }
        }
        return items;
    }

    /** Names listed in parentheses, e.g. the columns of FOREIGN KEY (a, b). */
    static List<String> names(List<Token> tokens, int open) {
        List<String> names = new ArrayList<>();
        for (int[] item : items(tokens, open)) {
            names.add(tokens.get(item[0]).text());
        }
        return names;
    }

    static String upper(Token token) {
        return token.text().toUpperCase(Locale.ROOT);
    }
}
