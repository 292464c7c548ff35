package dev.sqlink.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        assertEquals(List.of("INSERT INTO t VALUES('a;b')", "SELECT \"x;y\" -- c;d\nFROM t", "SELECT [a;b], `c;d`"),
                SqlScript.split("INSERT INTO t VALUES('a;b');\r\nSELECT \"x;y\" -- c;d\nFROM t; SELECT [a;b], `c;d`;"));
    }

    @Test
    void keepsTriggerBodiesWhole() {
        String trigger = "CREATE TEMP TRIGGER r AFTER INSERT ON t BEGIN INSERT INTO u VALUES(1); DELETE FROM v; END";
        assertEquals(List.of("CREATE TABLE t(x)", trigger, "SELECT 1"),
                SqlScript.split("CREATE TABLE t(x); " + trigger + "; SELECT 1"));
    }

    @Test
    void dropsPiecesThatAreOnlyCommentsOrEmpty() {
        assertEquals(List.of("/* x; */ SELECT 1", "SELECT 'it''s'"), SqlScript.split(";; /* x; */ SELECT 1; -- tail;\n ; SELECT 'it''s'"));
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        assertEquals(List.of("SELECT 1", "SELECT 'a; b"), SqlScript.split("SELECT 1; SELECT 'a; b"));
    }
}
