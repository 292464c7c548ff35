package dev.sqlink.jdbc.ext;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Stmt;
import dev.sqlink.spi.SqlRunner;
import java.util.ArrayList;
import java.util.List;

/** {@link SqlRunner} straight on the engine connection (re-entrant: the caller holds its lock). */
final class EngineSqlRunner implements SqlRunner {
    private final Database db;

    EngineSqlRunner(Database db) {
        this.db = db;
    }

    private Stmt prepare(String sql, Object[] parameters) {
        Stmt s = db.prepare(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p == null) {
                    s.bindNull(i + 1);
                } else if (p instanceof Long || p instanceof Integer) {
                    s.bindLong(i + 1, ((Number) p).longValue());
                } else if (p instanceof Double) {
                    s.bindDouble(i + 1, (Double) p);
                } else if (p instanceof byte[]) {
                    s.bindBlob(i + 1, (byte[]) p);
                } else {
                    s.bindText(i + 1, p.toString());
                }
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public List<Object[]> query(String sql, Object... parameters) {
        List<Object[]> rows = new ArrayList<>();
        try (Stmt s = prepare(sql, parameters)) {
            while (s.step()) {
                Object[] row = new Object[s.columnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = s.getObject(i);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public long execute(String sql, Object... parameters) {
        try (Stmt s = prepare(sql, parameters)) {
            while (s.step()) {
                // run to completion
            }
        }
        return db.changes();
    }
}
