package dev.sqlink.extensions;

import dev.sqlink.spi.Capability;
import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.FileAccess;
import dev.sqlink.spi.SqlArguments;
import dev.sqlink.spi.SqlObject;
import dev.sqlink.spi.SqlResult;
import dev.sqlink.spi.VirtualCursor;
import dev.sqlink.spi.VirtualTable;
import dev.sqlink.spi.VirtualTableModule;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only virtual table over a CSV file, as SQLite's csv extension:
 * {@code CREATE VIRTUAL TABLE t USING csv(filename='/data/in/x.csv', header=yes)}. With a
 * header the first record names the columns, otherwise they are c0, c1 ...; every value is
 * text. The file is read afresh by each scan, under {@code grants=csv:fs.read=FOLDER}. Tables
 * are direct-only: a trigger or view (which a database file from elsewhere could carry) cannot
 * use them.
 */
public final class CsvExtension implements Extension {
    private static final ExtensionManifest MANIFEST = ExtensionManifest.builder("csv", "1.0.0")
            .description("CSV files as read-only virtual tables: CREATE VIRTUAL TABLE t USING csv(filename=..., header=yes)")
            .provides(SqlObject.virtualTable("csv"))
            .requiresCapability(Capability.FS_READ)
            .build();

    @Override
    public ExtensionManifest manifest() {
        return MANIFEST;
    }

    @Override
    public void register(ExtensionContext context) {
        FileAccess files = context.host().files();
        context.virtualTable("csv", new VirtualTableModule() {
            @Override
            public boolean directOnly() {
                return true; // reads files: never from a trigger or view an untrusted schema could hold
            }

            @Override
            public VirtualTable connect(String schema, String table, List<String> arguments) throws IOException {
                return open(files, arguments);
            }
        });
    }

    private static Map<String, String> options(List<String> arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : arguments) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("csv: expected key=value, got '" + a + "'");
            }
            String key = a.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = a.substring(eq + 1).trim();
            if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1).replace(value.substring(0, 1) + value.charAt(0),
                        value.substring(0, 1));
            }
            if (!key.equals("filename") && !key.equals("header")) {
                throw new IllegalArgumentException("csv: unknown option '" + key + "' (options: filename, header)");
            }
            options.put(key, value);
        }
        if (!options.containsKey("filename")) {
            throw new IllegalArgumentException("csv: the filename option is required: csv(filename='/path/file.csv')");
        }
        return options;
    }

    private static VirtualTable open(FileAccess files, List<String> arguments) throws IOException {
        Map<String, String> options = options(arguments);
        String path = options.get("filename");
        String h = options.getOrDefault("header", "no").toLowerCase(Locale.ROOT);
        boolean header = h.equals("yes") || h.equals("true") || h.equals("1") || h.equals("on");
        List<String> first;
        try (CsvRecords records = records(files, path)) {
            first = records.next();
        }
        if (first == null) {
            throw new IOException("csv: " + path + " is empty, so it has no columns");
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            columns.add(header ? first.get(i) : "c" + i);
        }
        StringBuilder decl = new StringBuilder("CREATE TABLE x(");
        for (int i = 0; i < columns.size(); i++) {
            decl.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).replace("\"", "\"\"")).append("\" TEXT");
        }
        String declaration = decl.append(')').toString();
        return new VirtualTable() {
            @Override
            public String declaration() {
                return declaration;
            }

            @Override
            public VirtualCursor open() {
                return new Cursor(files, path, header);
            }
        };
    }

    private static CsvRecords records(FileAccess files, String path) throws IOException {
        return new CsvRecords(new InputStreamReader(files.openRead(path), StandardCharsets.UTF_8));
    }

    private static final class Cursor implements VirtualCursor {
        private final FileAccess files;
        private final String path;
        private final boolean header;
        private CsvRecords records;
        private List<String> row;
        private long rowid;

        Cursor(FileAccess files, String path, boolean header) {
            this.files = files;
            this.path = path;
            this.header = header;
        }

        @Override
        public void filter(int indexNumber, String indexString, SqlArguments arguments) throws IOException {
            close();
            records = records(files, path);
            rowid = 0;
            if (header) {
                records.next();
            }
            next();
        }

        @Override
        public void next() throws IOException {
            row = records.next();
            rowid++;
        }

        @Override
        public boolean eof() {
            return row == null;
        }

        @Override
        public void column(int i, SqlResult result) {
            result.setText(i < row.size() ? row.get(i) : null);
        }

        @Override
        public long rowid() {
            return rowid;
        }

        @Override
        public void close() throws IOException {
            if (records != null) {
                records.close();
                records = null;
            }
        }
    }
}
