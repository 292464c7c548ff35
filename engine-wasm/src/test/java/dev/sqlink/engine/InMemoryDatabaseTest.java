package dev.sqlink.engine;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the engine tests that each run against a fresh in-memory database. */
abstract class InMemoryDatabaseTest {
    protected Database db;

    @BeforeEach
    void openDatabase() {
        db = Engine.open(":memory:", OpenFlags.DEFAULT);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    /** The first column of every row {@code sql} returns. */
    protected List<Object> column(String sql) {
        List<Object> values = new ArrayList<>();
        try (Stmt s = db.prepare(sql)) {
            while (s.step()) {
                values.add(s.getObject(0));
            }
        }
        return values;
    }
}
