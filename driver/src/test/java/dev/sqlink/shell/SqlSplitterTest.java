package dev.sqlink.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        SqlSplitter s = SqlSplitter.split("select 'a;b'; select \"x;\" -- c;\n; select [y;z]; /* ; */ select 4;");
        assertEquals(List.of("select 'a;b';", "select \"x;\" -- c;\n;", "select [y;z];", "/* ; */ select 4;"),
                s.statements());
        assertTrue(s.pendingIsBlank());
    }

    @Test
    void keepsIncompleteStatementPending() {
        SqlSplitter s = SqlSplitter.split("select 1; select\n  2");
        assertEquals(List.of("select 1;"), s.statements());
        assertEquals(" select\n  2", s.pending());
        assertFalse(s.pendingIsBlank());
    }

    @Test
    void doubledQuotesDoNotEndAString() {
        SqlSplitter s = SqlSplitter.split("select 'it''s; fine';");
        assertEquals(List.of("select 'it''s; fine';"), s.statements());
    }

    @Test
    void triggerBodyIsOneStatement() {
        String trigger = "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n insert into b values(1);\n"
                + " update b set x = 2;\nEND;";
        SqlSplitter s = SqlSplitter.split(trigger + " select 1;");
        assertEquals(List.of(trigger, "select 1;"), s.statements());
    }

    @Test
    void unfinishedTriggerStaysPending() {
        SqlSplitter s = SqlSplitter.split("create trigger t after insert on a begin insert into b values(1);");
        assertTrue(s.statements().isEmpty());
        assertFalse(s.pendingIsBlank());
    }

    @Test
    void blankMeansOnlyWhitespaceAndComments() {
        assertTrue(SqlSplitter.isBlank("  -- hi\n /* there */ ;"));
        assertFalse(SqlSplitter.isBlank("/* unclosed"));
        assertFalse(SqlSplitter.isBlank("select 1"));
    }
}
