package dev.sqlink.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** One shell session on one connection: reads input, runs SQL and dot commands, prints results. */
final class ShellSession {
    static final String PROMPT = "sqlink> ";
    static final String CONTINUATION = "   ...> ";

    final Connection connection;
    final PrintStream out;
    final PrintStream err;
    final ResultPrinter printer = new ResultPrinter();
    boolean bail;
    boolean timer;
    private int errors;
    private boolean quit;
    private int exitCode = -1;
    private final DotCommands dotCommands = new DotCommands(this);

    ShellSession(Connection connection, PrintStream out, PrintStream err) {
        this.connection = connection;
        this.out = out;
        this.err = err;
    }

    /** 0 when every statement succeeded, 1 when any failed, or the code given to {@code .exit}. */
    int exitCode() {
        if (exitCode >= 0) {
            return exitCode;
        }
        return errors == 0 ? 0 : 1;
    }

    boolean stopped() {
        return quit || (bail && errors > 0);
    }

    void quit(int code) {
        quit = true;
        exitCode = code;
    }

    /**
     * Reads and runs input until it ends, {@code .quit}, or (with bail) the first error.
     * With {@code interactive}, prompts are written and incomplete statements continue on
     * the next line.
     */
    void runInput(BufferedReader reader, boolean interactive) throws IOException {
        StringBuilder pending = new StringBuilder();
        while (!stopped()) {
            if (interactive) {
                out.print(pending.length() == 0 ? PROMPT : CONTINUATION);
                out.flush();
            }
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            if (pending.length() == 0 && line.trim().startsWith(".")) {
                runDotCommand(line.trim());
                continue;
            }
            pending.append(line).append('\n');
            SqlSplitter split = SqlSplitter.split(pending.toString());
            for (String sql : split.statements()) {
                runSql(sql);
                if (stopped()) {
                    return;
                }
            }
            pending.setLength(0);
            if (!split.pendingIsBlank()) {
                pending.append(split.pending());
            }
        }
        if (!stopped() && pending.length() > 0 && !SqlSplitter.isBlank(pending.toString())) {
            // Input ended mid-statement: run what is there, as sqlite3 does, so its error shows.
            runSql(pending.toString());
        }
    }

    void runDotCommand(String line) {
        try {
            dotCommands.run(line);
        } catch (SQLException e) {
            error(e);
        } catch (IOException | IllegalArgumentException e) {
            errors++;
            err.println("Error: " + e.getMessage());
        }
    }

    /** Runs SQL text that may hold several statements. */
    void runScript(String text) {
        SqlSplitter split = SqlSplitter.split(text);
        for (String sql : split.statements()) {
            if (stopped()) {
                return;
            }
            runSql(sql);
        }
        if (!stopped() && !split.pendingIsBlank()) {
            runSql(split.pending());
        }
    }

    void runSql(String sql) {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute(sql);
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = statement.getResultSet()) {
                        printer.print(rs, out);
                    }
                } else if (statement.getUpdateCount() == -1) {
                    break;
                }
                isResultSet = statement.getMoreResults();
            }
        } catch (SQLException e) {
            error(e);
        }
        if (timer) {
            out.printf(Locale.ROOT, "Run Time: real %.3f%n", (System.nanoTime() - start) / 1e9);
        }
    }

    void error(SQLException e) {
        errors++;
        String message = e.getMessage();
        err.println("Error: " + (message == null ? e.toString() : message));
        err.flush();
    }
}
