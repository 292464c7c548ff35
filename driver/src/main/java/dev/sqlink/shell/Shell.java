package dev.sqlink.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line SQL shell, in the spirit of {@code sqlite3}:
 * {@code java -jar sqlink-jdbc.jar [options] [DATABASE] [SQL ...]}.
 * With no database it opens a transient in-memory one; SQL comes from the arguments, else
 * from standard input (with prompts when that is a terminal).
 */
public final class Shell {
    private static final String USAGE = String.join("\n",
            "Usage: sqlink [OPTIONS] [DATABASE] [SQL ...]",
            "  DATABASE     a file path, :memory: (the default), a file: URI, or a full jdbc: URL",
            "  SQL          statements to run instead of reading standard input",
            "Options:",
            "  --bail         stop after the first error",
            "  --csv | --list | --table | --line   output mode (default: table)",
            "  --header | --noheader               show or hide column names",
            "  --readonly     open the database read-only",
            "  --version      print versions and exit",
            "  --help         print this help and exit");

    private Shell() {}

    public static void main(String[] args) {
        boolean interactive = System.console() != null;
        int code = run(args, System.in, System.out, System.err, interactive);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the shell; returns the process exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help) {
            out.println(USAGE);
            return 0;
        }
        try (Connection connection = DriverManager.getConnection(options.url())) {
            if (options.readOnly) {
                connection.setReadOnly(true);
            }
            ShellSession session = new ShellSession(connection, out, err);
            session.bail = options.bail;
            if (options.mode != null) {
                session.printer.mode(options.mode);
            }
            if (options.headers != null) {
                session.printer.headers(options.headers);
            }
            if (options.version) {
                out.println(versionLine(connection));
                return 0;
            }
            if (!options.sql.isEmpty()) {
                for (String sql : options.sql) {
                    if (sql.trim().startsWith(".")) {
                        session.runDotCommand(sql.trim());
                    } else {
                        session.runScript(sql);
                    }
                    if (session.stopped()) {
                        break;
                    }
                }
            } else {
                if (interactive) {
                    out.println(versionLine(connection));
                    out.println("Enter \".help\" for usage hints.");
                    if (options.database == null) {
                        out.println("Connected to a transient in-memory database.");
                    }
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                session.runInput(reader, interactive);
            }
            return session.exitCode();
        } catch (SQLException e) {
            err.println("Error: cannot open " + (options.database == null ? ":memory:" : options.database) + ": "
                    + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private static String versionLine(Connection connection) throws SQLException {
        String sqlite;
        try (var st = connection.createStatement(); var rs = st.executeQuery("select sqlite_version()")) {
            rs.next();
            sqlite = rs.getString(1);
        }
        String ours = Shell.class.getPackage().getImplementationVersion();
        return "sqlink " + (ours == null ? "(development build)" : ours) + ", SQLite " + sqlite
                + " in WebAssembly on the JVM";
    }

    /** Parsed command line. */
    static final class Options {
        String database;
        final List<String> sql = new ArrayList<>();
        boolean bail;
        boolean readOnly;
        boolean help;
        boolean version;
        Boolean headers;
        ResultPrinter.Mode mode;

        static Options parse(String[] args) {
            Options o = new Options();
            boolean positionalOnly = false;
            for (String arg : args) {
                if (!positionalOnly && arg.startsWith("-") && arg.length() > 1) {
                    String name = arg.replaceFirst("^--?", "");
                    switch (name) {
                        case "": positionalOnly = true; break;
                        case "bail": o.bail = true; break;
                        case "readonly": o.readOnly = true; break;
                        case "help": case "h": o.help = true; break;
                        case "version": o.version = true; break;
                        case "header": case "headers": o.headers = true; break;
                        case "noheader": case "noheaders": o.headers = false; break;
                        case "csv": o.mode = ResultPrinter.Mode.CSV; break;
                        case "list": o.mode = ResultPrinter.Mode.LIST; break;
                        case "table": o.mode = ResultPrinter.Mode.TABLE; break;
                        case "line": o.mode = ResultPrinter.Mode.LINE; break;
                        default: throw new IllegalArgumentException("unknown option: " + arg);
                    }
                } else if (o.database == null) {
                    o.database = arg;
                } else {
                    o.sql.add(arg);
                }
            }
            return o;
        }

        String url() {
            if (database == null) {
                return "jdbc:sqlink::memory:";
            }
            return database.startsWith("jdbc:") ? database : "jdbc:sqlink:" + database;
        }
    }
}
