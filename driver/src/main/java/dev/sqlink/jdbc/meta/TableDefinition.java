package dev.sqlink.jdbc.meta;

import dev.sqlink.jdbc.meta.SqlTokens.Token;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * What a CREATE TABLE statement says that SQLite's pragmas do not: the names given to the
 * primary key and foreign key constraints, and the deferrability of each foreign key.
 */
final class TableDefinition {

    /**
     * One FOREIGN KEY or REFERENCES clause.
     * @param name          the constraint name, or null when unnamed
     * @param deferrability a DatabaseMetaData.importedKey* deferrability code
     */
    record ForeignKeyClause(String name, List<String> fromColumns, String parentTable, int deferrability) {
    }

    private static final TableDefinition NONE = new TableDefinition(null, List.of());

    private final String primaryKeyName;
    private final List<ForeignKeyClause> foreignKeys;

    private TableDefinition(String primaryKeyName, List<ForeignKeyClause> foreignKeys) {
        this.primaryKeyName = primaryKeyName;
        this.foreignKeys = foreignKeys;
    }

    String primaryKeyName() {
        return primaryKeyName;
    }

    List<ForeignKeyClause> foreignKeys() {
        return foreignKeys;
    }

    /** Parses the stored CREATE TABLE text; anything else (null, virtual tables) yields nothing. */
    static TableDefinition parse(String createSql) {
        if (createSql == null) {
            return NONE;
        }
        List<Token> tokens = SqlTokens.tokenize(createSql);
        int open = SqlTokens.findOpen(tokens, 0, 0);
        if (open < 0 || SqlTokens.find(tokens, 0, 0, "VIRTUAL") >= 0 && SqlTokens.find(tokens, 0, 0, "VIRTUAL") < open) {
            return NONE;
        }
        String pkName = null;
        List<ForeignKeyClause> foreignKeys = new ArrayList<>();
        for (int[] item : SqlTokens.items(tokens, open)) {
            int start = item[0];
            int end = item[1];
            int depth = tokens.get(start).depth();
            Token first = tokens.get(start);
            boolean tableConstraint = first.is("CONSTRAINT") || first.is("PRIMARY") || first.is("UNIQUE")
                    || first.is("CHECK") || first.is("FOREIGN");
            if (tableConstraint) {
                String name = first.is("CONSTRAINT") && start + 1 < end ? tokens.get(start + 1).text() : null;
                int kind = first.is("CONSTRAINT") ? start + 2 : start;
                if (kind >= end) {
                    continue;
                }
                if (tokens.get(kind).is("PRIMARY")) {
                    pkName = name;
                } else if (tokens.get(kind).is("FOREIGN")) {
                    int columns = SqlTokens.findOpen(tokens, kind, depth);
                    int references = SqlTokens.find(tokens, kind, depth, "REFERENCES");
                    if (columns >= 0 && references > columns && references + 1 < end) {
                        foreignKeys.add(new ForeignKeyClause(name, SqlTokens.names(tokens, columns),
                                tokens.get(references + 1).text(), deferrability(tokens, references, end, depth)));
                    }
                }
                continue;
            }
            // A column definition: name, type, then column constraints, each optionally named.
            String pendingName = null;
            for (int i = start + 1; i < end; i++) {
                Token token = tokens.get(i);
                if (token.depth() != depth || !token.word()) {
                    continue;
                }
                if (token.is("CONSTRAINT") && i + 1 < end) {
                    pendingName = tokens.get(++i).text();
                } else if (token.is("PRIMARY")) {
                    pkName = pendingName;
                    pendingName = null;
                } else if (token.is("REFERENCES") && i + 1 < end) {
                    foreignKeys.add(new ForeignKeyClause(pendingName, List.of(first.text()),
                            tokens.get(i + 1).text(), deferrability(tokens, i, end, depth)));
                    pendingName = null;
                } else if (token.is("UNIQUE") || token.is("CHECK") || token.is("DEFAULT") || token.is("COLLATE")
                        || token.is("GENERATED") || token.is("AS") || token.is("NOT") || token.is("NULL")) {
                    pendingName = null;
                }
            }
        }
        return new TableDefinition(pkName, List.copyOf(foreignKeys));
    }

    /**
     * SQLite defers a foreign key only for DEFERRABLE INITIALLY DEFERRED; DEFERRABLE alone or
     * INITIALLY IMMEDIATE is immediate; anything else (including no clause) is not deferrable.
     */
    private static int deferrability(List<Token> tokens, int from, int end, int depth) {
        for (int i = from; i < end; i++) {
            Token token = tokens.get(i);
            if (token.depth() == depth && token.is("DEFERRABLE")) {
                if (i > from && tokens.get(i - 1).is("NOT")) {
                    return DatabaseMetaData.importedKeyNotDeferrable;
                }
                boolean deferred = i + 2 < end && tokens.get(i + 1).is("INITIALLY") && tokens.get(i + 2).is("DEFERRED");
                return deferred ? DatabaseMetaData.importedKeyInitiallyDeferred
                        : DatabaseMetaData.importedKeyInitiallyImmediate;
            }
            if (i > from && token.depth() == depth && token.is("REFERENCES")) {
                break; // the next clause's business
            }
        }
        return DatabaseMetaData.importedKeyNotDeferrable;
    }
}
