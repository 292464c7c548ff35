package dev.sqlink.engine.vfs;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Stmt;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: writes transactions forever and prints each
 * transaction's id only after COMMIT returned, until the parent kills it.
 */
public final class CrashWriter {
    static final int ROWS_PER_TRANSACTION = 20;

    private CrashWriter() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        try (Database db = Sql.open(file)) {
            db.busyTimeout(10000);
            String mode = Sql.queryText(db, "PRAGMA journal_mode=" + args[1]);
            if (!mode.equalsIgnoreCase(args[1])) {
                throw new IllegalStateException("journal_mode " + args[1] + " refused: " + mode);
            }
            db.exec("CREATE TABLE IF NOT EXISTS t(tx INTEGER, k INTEGER, payload BLOB)");
            long tx = Sql.queryLong(db, "SELECT coalesce(max(tx), 0) + 1 FROM t");
            try (Stmt insert = db.prepare("INSERT INTO t VALUES (?, ?, randomblob(abs(random() % 3000)))")) {
                while (true) {
                    db.exec("BEGIN IMMEDIATE");
                    for (int k = 0; k < ROWS_PER_TRANSACTION; k++) {
                        insert.bindLong(1, tx);
                        insert.bindLong(2, k);
                        insert.step();
                        insert.reset();
                    }
                    if (tx % 7 == 0) {
                        db.exec("DELETE FROM t WHERE tx = -1"); // touch more pages now and then
                    }
                    db.exec("COMMIT");
                    System.out.println(tx);
                    System.out.flush();
                    tx++;
                }
            }
        }
    }
}
