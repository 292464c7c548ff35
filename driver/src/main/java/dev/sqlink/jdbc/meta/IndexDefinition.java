package dev.sqlink.jdbc.meta;

import dev.sqlink.jdbc.meta.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The source text of each term and of the WHERE clause of a CREATE INDEX statement: SQLite's
 * pragmas report an expression term only as "cid -2" and a partial index only as a flag.
 */
final class IndexDefinition {

    private static final IndexDefinition NONE = new IndexDefinition(List.of(), null);

    private final List<String> terms;
    private final String whereClause;

    private IndexDefinition(List<String> terms, String whereClause) {
        this.terms = terms;
        this.whereClause = whereClause;
    }

    /** The text of the term at a zero-based position, without ASC/DESC, or null. */
    String term(int position) {
        return position < terms.size() ? terms.get(position) : null;
    }

    /** The partial index condition, or null. */
    String whereClause() {
        return whereClause;
    }

    /** Automatic indexes have no CREATE text (null): they yield nothing. */
    static IndexDefinition parse(String createSql) {
        if (createSql == null) {
            return NONE;
        }
        List<Token> tokens = SqlTokens.tokenize(createSql);
        int on = SqlTokens.find(tokens, 0, 0, "ON");
        int open = on < 0 ? -1 : SqlTokens.findOpen(tokens, on, 0);
        if (open < 0) {
            return NONE;
        }
        List<String> terms = new ArrayList<>();
        int lastItemEnd = open;
        for (int[] item : SqlTokens.items(tokens, open)) {
            int last = item[1] - 1;
            if (last > item[0] && (tokens.get(last).is("ASC") || tokens.get(last).is("DESC"))) {
                last--;
            }
            terms.add(createSql.substring(tokens.get(item[0]).start(), tokens.get(last).end()));
            lastItemEnd = item[1];
        }
        int where = SqlTokens.find(tokens, lastItemEnd, 0, "WHERE");
        String whereClause = null;
        if (where >= 0 && where + 1 < tokens.size()) {
            whereClause = createSql.substring(tokens.get(where + 1).start()).trim();
            if (whereClause.endsWith(";")) {
                whereClause = whereClause.substring(0, whereClause.length() - 1).trim();
            }
        }
        return new IndexDefinition(List.copyOf(terms), whereClause);
    }
}
