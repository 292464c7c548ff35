package dev.sqlink.jdbc.meta;

import java.util.regex.Pattern;

/**
 * Matches a schema, table, column or function name against a DatabaseMetaData argument. SQLite
 * resolves names case-insensitively (ASCII only), so matching does too. A null or empty argument
 * matches every name (xerial ignores such arguments, so tools built around it pass either);
 * which databases a schema argument selects is {@link SchemaScope}'s decision.
 */
final class NameFilter {

    /** The escape character for LIKE patterns, as getSearchStringEscape reports it. */
    static final char ESCAPE = '\\';

    private static final NameFilter ANY = new NameFilter(null, null);

    private final Pattern pattern;
    private final String exact;

    private NameFilter(Pattern pattern, String exact) {
        this.pattern = pattern;
        this.exact = exact;
    }

    /** A JDBC search pattern: % any run of characters, _ one character, \ escapes the next. */
    static NameFilter like(String searchPattern) {
        if (searchPattern == null || searchPattern.isEmpty() || searchPattern.equals("%")) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < searchPattern.length(); i++) {
            char c = searchPattern.charAt(i);
            if (c == ESCAPE && i + 1 < searchPattern.length()) {
                regex.append(Pattern.quote(String.valueOf(searchPattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new NameFilter(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL), null);
    }

    /** A name as stored (not a pattern), compared as SQLite compares identifiers. */
    static NameFilter exact(String name) {
        return name == null || name.isEmpty() ? ANY : new NameFilter(null, name);
    }

    /** Whether two identifiers name the same object: SQLite folds ASCII letters only. */
    static boolean sameName(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (foldAscii(a.charAt(i)) != foldAscii(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char foldAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    boolean matchesAll() {
        return this == ANY;
    }

    boolean matches(String name) {
        if (this == ANY) {
            return true;
        }
        if (name == null) {
            return false;
        }
        if (exact != null) {
            return sameName(exact, name);
        }
        return pattern.matcher(name).matches();
    }
}
