package dev.sqlink.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts: declared types, name patterns and the CREATE text readers. */
class DefinitionParsingTest {

    @Test
    void declaredTypesFollowSqliteAffinityOrder() {
        assertEquals(Types.INTEGER, DeclaredType.parse("FLOATING POINT").jdbcType(), "INT wins over FLOA");
        assertEquals("INTEGER", DeclaredType.parse("FLOATING POINT").affinity());
        assertEquals("TEXT", DeclaredType.parse("nvarchar(100)").affinity());
        assertEquals(Types.CHAR, DeclaredType.parse("CHARACTER(5)").jdbcType());
        assertEquals(Types.CLOB, DeclaredType.parse("clob").jdbcType());
        assertEquals(Types.BLOB, DeclaredType.parse("BLOB").jdbcType());
        assertEquals(Types.DOUBLE, DeclaredType.parse("real").jdbcType());
        assertEquals(Types.FLOAT, DeclaredType.parse("FLOAT").jdbcType());
        assertEquals(Types.NUMERIC, DeclaredType.parse("JSON").jdbcType(), "unknown names get NUMERIC affinity");
        assertEquals(Types.DATE, DeclaredType.parse("date").jdbcType());
        assertEquals(Types.TINYINT, DeclaredType.parse("TINYINT").jdbcType());
        assertEquals(Types.SMALLINT, DeclaredType.parse("INT2").jdbcType());
        assertEquals(Types.BIGINT, DeclaredType.parse("int8").jdbcType());
        DeclaredType decimal = DeclaredType.parse("  decimal ( 10 , 2 ) ");
        assertEquals("DECIMAL", decimal.typeName());
        assertEquals(10, decimal.columnSize());
        assertEquals(2, decimal.decimalDigits());
        assertEquals(0, DeclaredType.parse("NUMERIC(7)").decimalDigits());
        assertEquals("DOUBLE PRECISION", DeclaredType.parse("double   precision").typeName());
        DeclaredType untyped = DeclaredType.parse(null);
        assertEquals("", untyped.typeName());
        assertEquals(Types.OTHER, untyped.jdbcType());
        assertNull(untyped.columnSize());
    }

    @Test
    void likePatternsHonourWildcardsEscapesAndAsciiCase() {
        assertTrue(NameFilter.like("a_b").matches("AXB"));
        assertFalse(NameFilter.like("a\\_b").matches("axb"));
        assertTrue(NameFilter.like("a\\_b").matches("A_B"));
        assertTrue(NameFilter.like("%\\%").matches("100%"));
        assertTrue(NameFilter.like("we.rd(").matches("WE.RD("), "regex characters are literal");
        assertFalse(NameFilter.like("we.rd").matches("weXrd"));
        assertTrue(NameFilter.like(null).matches("anything"));
        assertTrue(NameFilter.exact("My Table").matches("my table"));
        assertFalse(NameFilter.exact("my_table").matches("myXtable"), "exact names are not patterns");
    }

    @Test
    void tableDefinitionFindsConstraintNamesAndDeferrability() {
        TableDefinition table = TableDefinition.parse("CREATE TABLE \"t\"\"x\" (\n"
                + "  a INTEGER CONSTRAINT \"my pk\" PRIMARY KEY, -- comment, with ( parens\n"
                + "  b TEXT DEFAULT 'REFERENCES x(y)' CONSTRAINT fb REFERENCES [p q] (id) ON DELETE CASCADE"
                + " NOT DEFERRABLE INITIALLY DEFERRED,\n"
                + "  c INT CHECK (c > 0) REFERENCES r DEFERRABLE,\n"
                + "  /* a, b */ CONSTRAINT fk2 FOREIGN KEY (b, c) REFERENCES `two`(x, y) DEFERRABLE INITIALLY DEFERRED)");
        assertEquals("my pk", table.primaryKeyName());
        List<TableDefinition.ForeignKeyClause> keys = table.foreignKeys();
        assertEquals(3, keys.size());
        assertEquals(new TableDefinition.ForeignKeyClause("fb", List.of("b"), "p q",
                DatabaseMetaData.importedKeyNotDeferrable), keys.get(0));
        assertEquals(new TableDefinition.ForeignKeyClause(null, List.of("c"), "r",
                DatabaseMetaData.importedKeyInitiallyImmediate), keys.get(1));
        assertEquals(new TableDefinition.ForeignKeyClause("fk2", List.of("b", "c"), "two",
                DatabaseMetaData.importedKeyInitiallyDeferred), keys.get(2));
        assertNull(TableDefinition.parse("CREATE VIRTUAL TABLE f USING fts5(a, b)").primaryKeyName());
        assertNull(TableDefinition.parse(null).primaryKeyName());
    }

    @Test
    void indexDefinitionKeepsExpressionTextAndWhereClause() {
        IndexDefinition index = IndexDefinition.parse(
                "CREATE INDEX \"i x\" ON t (lower(\"a b\") COLLATE nocase DESC, json_extract(c, '$.k'), d ASC)"
                        + " WHERE d > 0 AND c IS NOT NULL");
        assertEquals("lower(\"a b\") COLLATE nocase", index.term(0));
        assertEquals("json_extract(c, '$.k')", index.term(1));
        assertEquals("d", index.term(2));
        assertNull(index.term(3));
        assertEquals("d > 0 AND c IS NOT NULL", index.whereClause());
        assertNull(IndexDefinition.parse(null).term(0));
    }
}
