package dev.sqlink.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shell in-process on the real driver, as a user would from the command line. */
class ShellTest {

    private static final class Result {
        final int code;
        final String out;
        final String err;

        Result(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    private static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Shell.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sqliteVersionFromArgumentsOnTheDefaultMemoryDatabase() {
        Result r = run("", "--list", "--noheader", ":memory:", "select sqlite_version();");
        assertEquals(0, r.code, r.err);
        assertEquals("3.54.1", r.out.trim());
    }

    @Test
    void noDatabaseArgumentMeansMemoryAndReadsStdin() {
        Result r = run("create table t(a, b);\ninsert into t values (1, 'x'), (2, NULL);\nselect * from t order by a;\n");
        assertEquals(0, r.code, r.err);
        assertEquals(String.join("\n",
                "+---+---+",
                "| a | b |",
                "+---+---+",
                "| 1 | x |",
                "| 2 |   |",
                "+---+---+"), r.out.trim());
    }

    @Test
    void statementsMaySpanLines() {
        Result r = run("select\n 1 +\n 2\n as three;\n", "--list");
        assertEquals(0, r.code, r.err);
        assertEquals("three\n3", r.out.trim());
    }

    @Test
    void tablesAndSchemaDotCommands() {
        Result r = run("create table b(x);\ncreate table a(y integer primary key);\ncreate view v as select * from a;\n"
                + ".tables\n.schema a\n");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("a  b  v") || r.out.matches("(?s).*a\\s+b\\s+v.*"), r.out);
        assertTrue(r.out.contains("CREATE TABLE a(y integer primary key);"), r.out);
    }

    @Test
    void errorIsPrintedClearlyAndExitCodeIsNonZero() {
        Result r = run("selec 1;\nselect 2;\n", "--list", "--noheader");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("Error:") && r.err.contains("syntax error"), r.err);
        assertEquals("2", r.out.trim(), "later statements still run without --bail");
    }

    @Test
    void bailStopsAtTheFirstError() {
        Result r = run("selec 1;\nselect 2;\n", "--bail", "--list");
        assertEquals(1, r.code);
        assertEquals("", r.out.trim());
    }

    @Test
    void quitStopsReading() {
        Result r = run("select 1;\n.quit\nselect 2;\n", "--list", "--noheader");
        assertEquals(0, r.code, r.err);
        assertEquals("1", r.out.trim());
    }

    @Test
    void fileDatabaseIsPersisted(@TempDir Path dir) {
        Path db = dir.resolve("shell.db");
        assertEquals(0, run("", db.toString(), "create table t(x); insert into t values (42);").code);
        Result r = run("", "--list", "--noheader", db.toString(), "select x from t;");
        assertEquals(0, r.code, r.err);
        assertEquals("42", r.out.trim());
        assertTrue(Files.exists(db));
    }

    @Test
    void csvModeQuotesValues() {
        Result r = run("select 'a,b' as x, 'plain' as y, x'00ff' as z;\n", "--csv");
        assertEquals(0, r.code, r.err);
        assertEquals("x,y,z\n\"a,b\",plain,X'00FF'", r.out.trim());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("", "--frobnicate");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("unknown option: --frobnicate"), r.err);
    }

    @Test
    void unknownDotCommandIsAnError() {
        Result r = run(".frobnicate\n");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("unknown command"), r.err);
    }
}
