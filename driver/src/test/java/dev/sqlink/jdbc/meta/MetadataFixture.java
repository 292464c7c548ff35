package dev.sqlink.jdbc.meta;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schema every metadata test reads, opened through plain java.sql on our driver. */
final class MetadataFixture {

    static final String URL_PREFIX = "jdbc:sqlink:";

    static final String[] SCHEMA = {
        "CREATE TABLE \"Parent Table\" (\"Id\" INTEGER PRIMARY KEY, \"Na\"\"me\" VARCHAR(20) NOT NULL DEFAULT 'x',"
                + " price DECIMAL(10,2), created DATETIME DEFAULT CURRENT_TIMESTAMP, untyped, flag BOOLEAN,"
                + " amount DOUBLE PRECISION, big UNSIGNED BIG INT, point POINT)",
        "CREATE TABLE orders (order_id INTEGER, line INT, qty REAL DEFAULT 0,"
                + " CONSTRAINT pk_orders PRIMARY KEY (order_id, line))",
        "CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " parent_id INTEGER CONSTRAINT fk_parent REFERENCES \"Parent Table\" (\"Id\")"
                + " ON DELETE CASCADE ON UPDATE SET NULL,"
                + " order_id INTEGER, line INT, note TEXT,"
                + " CONSTRAINT fk_order FOREIGN KEY (order_id, line) REFERENCES orders (order_id, line)"
                + " ON DELETE SET DEFAULT DEFERRABLE INITIALLY DEFERRED)",
        "CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID",
        "CREATE TABLE gen (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL, c TEXT AS (upper(a)) STORED)",
        "CREATE TABLE uq (a TEXT UNIQUE, b INT)",
        "CREATE TABLE a_b (x)",
        "CREATE TABLE axb (x)",
        "CREATE TABLE desc_quirk (x INTEGER PRIMARY KEY DESC, y)",
        "CREATE UNIQUE INDEX idx_name ON \"Parent Table\" (\"Na\"\"me\" COLLATE NOCASE DESC)",
        "CREATE INDEX idx_expr ON items (lower(note), parent_id)",
        "CREATE INDEX idx_partial ON items (note) WHERE note IS NOT NULL",
        "CREATE VIEW \"order view\" AS SELECT o.order_id, count(*) AS n FROM orders o"
                + " JOIN items i ON i.order_id = o.order_id GROUP BY o.order_id",
        "CREATE TRIGGER trg AFTER INSERT ON items BEGIN"
                + " UPDATE orders SET qty = qty + 1 WHERE order_id = new.order_id; END",
        "CREATE TEMP TABLE scratch (t TEXT)",
    };

    private MetadataFixture() {
    }

    /** A connection to a fresh database file holding the schema, with "aux" attached. */
    static Connection open(Path directory) throws SQLException {
        Connection connection = DriverManager.getConnection(URL_PREFIX + directory.resolve("main.db"));
        try (Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
            String aux = directory.resolve("aux.db").toString().replace("'", "''");
            statement.execute("ATTACH DATABASE '" + aux + "' AS aux");
            statement.execute("CREATE TABLE aux.other (x INTEGER PRIMARY KEY, y TEXT)");
            statement.execute("CREATE TABLE aux.orders (z TEXT)");
        }
        return connection;
    }

    static DatabaseMetaData metadata(Connection connection) throws SQLException {
        return connection.getMetaData();
    }

    /** All rows as maps from column label to getObject, in result order. */
    static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** One column of every row. */
    static List<Object> column(ResultSet rs, String label) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> row : rows(rs)) {
            values.add(row.get(label));
        }
        return values;
    }

    static List<String> labels(ResultSet rs) throws SQLException {
        try (rs) {
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                labels.add(rs.getMetaData().getColumnLabel(i));
            }
            return labels;
        }
    }
}
