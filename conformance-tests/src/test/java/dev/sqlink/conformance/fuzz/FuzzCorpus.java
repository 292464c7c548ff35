package dev.sqlink.conformance.fuzz;

import dev.sqlink.conformance.support.JdbcTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;

/**
 * One file of the fuzz corpus. A {@code fuzzcheck} file holds database images ({@code db}) and SQL
 * scripts ({@code xsql}); every script runs against every image, or against an empty database when
 * there are no images. A plain database file (a seed for database fuzzing) is itself the only image,
 * and is probed with {@link #probeScripts generated scripts} that read and rewrite every table.
 *
 * <p>{@code probesOnly}: the scripts were generated for a plain database, not taken from the corpus.
 *
 * <p>The corpus is read with the reference driver: it is test input, not something under test.
 */
public record FuzzCorpus(String name, List<DbImage> images, List<Script> scripts, boolean probesOnly) {

    /** Bytes of a database file; null bytes mean a fresh, empty database. */
    public record DbImage(String id, byte[] bytes) {
    }

    public record Script(int id, String sql) {
    }

    public static FuzzCorpus load(Path file) throws SQLException, IOException {
        String name = file.getFileName().toString();
        try (Connection connection = JdbcTarget.reference().connect(file.toString());
                Statement statement = connection.createStatement()) {
            if (hasTable(statement, "xsql")) {
                return new FuzzCorpus(name, images(statement), scripts(statement), false);
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return new FuzzCorpus(name, List.of(new DbImage(name, Files.readAllBytes(file))), probeScripts(tables), true);
        }
    }

    private static boolean hasTable(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static List<DbImage> images(Statement statement) throws SQLException {
        List<DbImage> images = new ArrayList<>();
        if (hasTable(statement, "db")) {
            try (ResultSet rs = statement.executeQuery("SELECT dbid, dbcontent FROM db ORDER BY dbid")) {
                while (rs.next()) {
                    images.add(new DbImage("db " + rs.getString(1), rs.getBytes(2)));
                }
            }
        }
        if (images.isEmpty()) {
            images.add(new DbImage("empty", null));
        }
        return images;
    }

    private static List<Script> scripts(Statement statement) throws SQLException {
        List<Script> scripts = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT sqlid, CAST(sqltext AS TEXT) FROM xsql ORDER BY sqlid")) {
            while (rs.next()) {
                scripts.add(new Script(rs.getInt(1), rs.getString(2)));
            }
        }
        return scripts;
    }

    /** Reads, modifies and rebuilds every table, the kind of work that exposes a damaged file. */
    static List<Script> probeScripts(List<String> tables) {
        List<Script> scripts = new ArrayList<>();
        scripts.add(new Script(1, "PRAGMA integrity_check; SELECT * FROM sqlite_schema; PRAGMA page_count; PRAGMA freelist_count"));
        int id = 2;
        for (String table : tables) {
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            scripts.add(new Script(id++, "SELECT * FROM " + quoted + "; SELECT count(*) FROM " + quoted
                    + "; DELETE FROM " + quoted + " WHERE rowid IN (SELECT rowid FROM " + quoted + " ORDER BY rowid LIMIT 2)"
                    + "; INSERT INTO " + quoted + " SELECT * FROM " + quoted + " LIMIT 3"));
        }
        scripts.add(new Script(id++, "ANALYZE; REINDEX; VACUUM; PRAGMA integrity_check"));
        scripts.add(new Script(id, "BEGIN; " + String.join(" ", tables.stream()
                .map(t -> "DELETE FROM \"" + t.replace("\"", "\"\"") + "\";").toList()) + " ROLLBACK; PRAGMA quick_check"));
        return scripts;
    }
}
