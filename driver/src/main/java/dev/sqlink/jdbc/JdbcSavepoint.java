package dev.sqlink.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A SQLite SAVEPOINT; unnamed ones get a generated name and an id. */
final class JdbcSavepoint implements Savepoint {
    private final int id;
    private final String name;
    private final boolean named;

    JdbcSavepoint(int id, String name) {
        this.id = id;
        this.named = name != null;
        this.name = named ? name : "SQLINK_SAVEPOINT_" + id;
    }

    /** The name as SQL text: a double-quoted identifier. */
    String sqlName() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (named) {
            throw new SQLException("savepoint '" + name + "' is named: use getSavepointName()", "HY024");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (!named) {
            throw new SQLException("savepoint " + id + " is unnamed: use getSavepointId()", "HY024");
        }
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
