package dev.sqlink.conformance.fuzz;

import dev.sqlink.conformance.support.JdbcTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PRAGMA integrity_check} on a database file, through the reference driver: an independent
 * judge that also proves the file is readable by native SQLite.
 */
final class IntegrityCheck {

    private IntegrityCheck() {
    }

    /** "ok", or SQLite's list of problems, or the error that prevented the check. */
    static String check(Path file) {
        try (Connection connection = JdbcTarget.reference().connect(file.toString());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return String.join("; ", lines);
        } catch (SQLException e) {
            return "integrity_check failed: " + e.getMessage();
        }
    }
}
