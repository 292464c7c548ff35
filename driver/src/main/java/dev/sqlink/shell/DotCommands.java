package dev.sqlink.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The shell's dot commands ({@code .tables}, {@code .schema}, {@code .quit} ...). */
final class DotCommands {
    private static final String HELP = String.join("\n",
            ".bail on|off             Stop after the first error",
            ".databases               List the attached databases",
            ".exit ?CODE?             Exit with return code CODE",
            ".headers on|off          Show column names",
            ".help                    Show this message",
            ".indexes ?TABLE?         Show index names (of TABLE)",
            ".mode MODE               table (default), list, csv or line",
            ".nullvalue TEXT          Show TEXT for NULL values",
            ".quit                    Exit",
            ".read FILE               Run the SQL in FILE",
            ".schema ?PATTERN?        Show the CREATE statements (of tables matching the LIKE pattern)",
            ".separator SEP           Column separator for list mode",
            ".tables ?PATTERN?        List tables and views (matching the LIKE pattern)",
            ".timer on|off            Show how long each statement took");

    private final ShellSession session;

    DotCommands(ShellSession session) {
        this.session = session;
    }

    void run(String line) throws SQLException, IOException {
        List<String> words = words(line.substring(1));
        if (words.isEmpty()) {
            return;
        }
        String command = words.get(0).toLowerCase(Locale.ROOT);
        String arg = words.size() > 1 ? words.get(1) : null;
        switch (command) {
            case "quit":
            case "q":
                session.quit(0);
                break;
            case "exit":
                session.quit(arg == null ? 0 : parseInt(arg));
                break;
            case "help":
                session.out.println(HELP);
                break;
            case "tables":
                tables(arg);
                break;
            case "schema":
                schema(arg);
                break;
            case "databases":
                databases();
                break;
            case "indexes":
            case "indices":
                indexes(arg);
                break;
            case "mode":
                session.printer.mode(mode(require(arg, ".mode MODE")));
                break;
            case "headers":
            case "header":
                session.printer.headers(onOff(require(arg, ".headers on|off")));
                break;
            case "nullvalue":
                session.printer.nullValue(arg == null ? "" : arg);
                break;
            case "separator":
                session.printer.separator(require(arg, ".separator SEP"));
                break;
            case "bail":
                session.bail = onOff(require(arg, ".bail on|off"));
                break;
            case "timer":
                session.timer = onOff(require(arg, ".timer on|off"));
                break;
            case "read":
                read(require(arg, ".read FILE"));
                break;
            default:
                throw new IllegalArgumentException("unknown command or invalid arguments: \"" + command
                        + "\". Enter \".help\" for help");
        }
    }

    private void tables(String pattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = session.connection.prepareStatement(
                "SELECT CASE WHEN schema = 'main' THEN name ELSE schema || '.' || name END FROM pragma_table_list"
                        + " WHERE type IN ('table', 'view', 'virtual') AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
                        + " AND name LIKE ? ORDER BY schema <> 'main', schema, name")) {
            ps.setString(1, pattern == null ? "%" : pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        printInColumns(names);
    }

    private void printInColumns(List<String> names) {
        int width = 0;
        for (String n : names) {
            width = Math.max(width, n.length());
        }
        int perLine = Math.max(1, 80 / (width + 2));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            line.append(n);
            boolean last = (i + 1) % perLine == 0 || i == names.size() - 1;
            if (last) {
                session.out.println(line.toString().stripTrailing());
                line.setLength(0);
            } else {
                line.append(" ".repeat(width + 2 - n.length()));
            }
        }
    }

    private void schema(String pattern) throws SQLException {
        try (PreparedStatement ps = session.connection.prepareStatement(
                "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
                        + " AND tbl_name LIKE ? ORDER BY tbl_name, type DESC, name")) {
            ps.setString(1, pattern == null ? "%" : pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    session.out.println(rs.getString(1) + ";");
                }
            }
        }
    }

    private void databases() throws SQLException {
        try (PreparedStatement ps = session.connection.prepareStatement(
                "SELECT name, file FROM pragma_database_list ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String file = rs.getString(2);
                session.out.println(rs.getString(1) + ": " + (file == null || file.isEmpty() ? "\"\"" : file));
            }
        }
    }

    private void indexes(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = session.connection.prepareStatement(
                "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name LIKE ? ORDER BY name")) {
            ps.setString(1, table == null ? "%" : table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        printInColumns(names);
    }

    private void read(String file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(Paths.get(file), StandardCharsets.UTF_8)) {
            session.runInput(reader, false);
        }
    }

    private static ResultPrinter.Mode mode(String name) {
        try {
            return ResultPrinter.Mode.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode \"" + name + "\": use table, list, csv or line");
        }
    }

    private static boolean onOff(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on": case "yes": case "true": case "1": return true;
            case "off": case "no": case "false": case "0": return false;
            default: throw new IllegalArgumentException("expected on or off, not \"" + value + "\"");
        }
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: \"" + value + "\"");
        }
    }

    private static String require(String arg, String usage) {
        if (arg == null) {
            throw new IllegalArgumentException("missing argument. Usage: " + usage);
        }
        return arg;
    }

    /** Splits a dot-command line into words; single or double quotes group words. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int close = line.indexOf(c, i + 1);
                int end = close < 0 ? line.length() : close;
                words.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                    end++;
                }
                words.add(line.substring(i, end));
                i = end;
            }
        }
        return words;
    }
}
