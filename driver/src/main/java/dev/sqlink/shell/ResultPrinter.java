package dev.sqlink.shell;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders result sets in the shell's output modes. */
final class ResultPrinter {
    enum Mode { TABLE, LIST, CSV, LINE }

    /** Table mode measures column widths over blocks of this many rows, so huge results stream. */
    private static final int TABLE_BLOCK = 1000;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Mode mode = Mode.TABLE;
    private boolean headers = true;
    private String nullValue = "";
    private String separator = "|";

    Mode mode() {
        return mode;
    }

    void mode(Mode mode) {
        this.mode = mode;
        if (mode == Mode.CSV) {
            separator = ",";
        } else if (mode == Mode.LIST) {
            separator = "|";
        }
    }

    void headers(boolean on) {
        headers = on;
    }

    boolean headers() {
        return headers;
    }

    void nullValue(String value) {
        nullValue = value;
    }

    void separator(String value) {
        separator = value;
    }

    void print(ResultSet rs, PrintStream out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int columns = md.getColumnCount();
        String[] names = new String[columns];
        for (int i = 0; i < columns; i++) {
            names[i] = md.getColumnLabel(i + 1);
        }
        switch (mode) {
            case TABLE: printTable(rs, names, out); break;
            case LINE: printLines(rs, names, out); break;
            default: printDelimited(rs, names, out); break;
        }
        out.flush();
    }

    private String[] row(ResultSet rs, int columns) throws SQLException {
        String[] values = new String[columns];
        for (int i = 0; i < columns; i++) {
            values[i] = render(rs.getObject(i + 1));
        }
        return values;
    }

    private String render(Object value) {
        if (value == null) {
            return nullValue;
        }
        if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            StringBuilder sb = new StringBuilder(bytes.length * 2 + 3).append("X'");
            for (byte b : bytes) {
                sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            return sb.append('\'').toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
        }
        return value.toString();
    }

    private void printTable(ResultSet rs, String[] names, PrintStream out) throws SQLException {
        int columns = names.length;
        boolean more = rs.next();
        boolean first = true;
        while (more || first) {
            List<String[]> block = new ArrayList<>();
            while (more && block.size() < TABLE_BLOCK) {
                block.add(row(rs, columns));
                more = rs.next();
            }
            if (block.isEmpty() && !first) {
                break;
            }
            int[] widths = new int[columns];
            for (int i = 0; i < columns; i++) {
                widths[i] = headers ? names[i].length() : 0;
            }
            for (String[] r : block) {
                for (int i = 0; i < columns; i++) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            }
            if (block.isEmpty()) {
                return; // no rows: print nothing, as sqlite3 does
            }
            String rule = rule(widths);
            out.println(rule);
            if (headers && first) {
                out.println(line(names, widths));
                out.println(rule);
            }
            for (String[] r : block) {
                out.println(line(r, widths));
            }
            out.println(rule);
            first = false;
        }
    }

    private static String rule(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private static String line(String[] values, int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < values.length; i++) {
            sb.append(' ').append(values[i]).append(" ".repeat(widths[i] - values[i].length())).append(" |");
        }
        return sb.toString();
    }

    private void printDelimited(ResultSet rs, String[] names, PrintStream out) throws SQLException {
        boolean csv = mode == Mode.CSV;
        if (headers) {
            out.println(join(names, csv));
        }
        while (rs.next()) {
            out.println(join(row(rs, names.length), csv));
        }
    }

    private String join(String[] values, boolean csv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(csv ? csvQuote(values[i]) : values[i]);
        }
        return sb.toString();
    }

    private static String csvQuote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private void printLines(ResultSet rs, String[] names, PrintStream out) throws SQLException {
        int width = 0;
        for (String n : names) {
            width = Math.max(width, n.length());
        }
        boolean firstRow = true;
        while (rs.next()) {
            if (!firstRow) {
                out.println();
            }
            String[] r = row(rs, names.length);
            for (int i = 0; i < names.length; i++) {
                out.println(" ".repeat(width - names[i].length()) + names[i] + " = " + r[i]);
            }
            firstRow = false;
        }
    }
}
