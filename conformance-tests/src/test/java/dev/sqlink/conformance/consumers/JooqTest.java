package dev.sqlink.conformance.consumers;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jOOQ with SQLDialect.SQLITE over a DataSource: DDL, DSL queries, INSERT ... RETURNING, transactions. */
class JooqTest {

    private static final Table<Record> TASK = table(name("task"));
    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT.identity(true));
    private static final Field<String> TITLE = field(name("title"), SQLDataType.VARCHAR(200).nullable(false));
    private static final Field<Integer> POINTS = field(name("points"), SQLDataType.INTEGER.nullable(false));
    private static final Field<LocalDate> DUE = field(name("due"), SQLDataType.LOCALDATE);
    private static final Field<BigDecimal> COST = field(name("cost"), SQLDataType.DECIMAL(10, 2));
    private static final Field<Boolean> DONE = field(name("done"), SQLDataType.BOOLEAN.nullable(false).defaultValue(false));

    @TempDir
    Path directory;

    private HikariDataSource pool;
    private DSLContext sql;

    @BeforeEach
    void createSchema() {
        pool = new ConsumerDatabase(directory, "jooq").pool("jooq", 2);
        sql = DSL.using(pool, SQLDialect.SQLITE);
        sql.createTable(TASK)
                .column(ID).column(TITLE).column(POINTS).column(DUE).column(COST).column(DONE)
                .primaryKey(ID)
                .execute();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void insertsWithReturningAndQueries() {
        Record first = sql.insertInto(TASK, TITLE, POINTS, DUE, COST)
                .values("write tests", 5, LocalDate.of(2025, 3, 1), new BigDecimal("12.50"))
                .returning(ID, DONE)
                .fetchOne();
        assertEquals(1L, first.get(ID));
        assertEquals(false, first.get(DONE), "RETURNING gives back the column default");

        // jOOQ 3.19's SQLITE dialect neither sends RETURNING nor asks JDBC for generated keys: it runs
        // the plain INSERT, then SELECTs the returned columns WHERE _rowid_ = last_insert_rowid(), so a
        // multi-row insert gives back its last row only, on every driver (traced on ours and xerial's).
        // Our getGeneratedKeys returns every row's key (the driver's StatementTest); rows go in one at
        // a time here.
        Result<Record> second = sql.insertInto(TASK, TITLE, POINTS, DUE, COST)
                .values("fix bugs", 8, LocalDate.of(2025, 2, 1), new BigDecimal("99.99"))
                .returning(ID)
                .fetch();
        assertEquals(List.of(2L), second.getValues(ID));
        assertEquals(3L, sql.insertInto(TASK, TITLE, POINTS).values("ship", 3).returningResult(ID).fetchOne().value1());

        assertEquals(1, sql.update(TASK).set(DONE, true).where(TITLE.eq("fix bugs")).execute());

        List<String> byDue = sql.select(TITLE).from(TASK).where(DUE.isNotNull()).orderBy(DUE.asc()).fetch(TITLE);
        assertEquals(List.of("fix bugs", "write tests"), byDue);

        Record totals = sql.select(count(), sum(POINTS), sum(COST)).from(TASK).fetchOne();
        assertEquals(3, totals.get(0, Integer.class));
        assertEquals(16, totals.get(1, Integer.class));
        assertEquals(0, new BigDecimal("112.49").compareTo(totals.get(2, BigDecimal.class)));

        Record done = sql.select(ID, TITLE, DUE, COST, DONE).from(TASK).where(DONE).fetchOne();
        assertEquals(LocalDate.of(2025, 2, 1), done.get(DUE));
        assertEquals(0, new BigDecimal("99.99").compareTo(done.get(COST)));

        List<String> paged = sql.select(TITLE).from(TASK).orderBy(POINTS.desc()).limit(2).offset(1).fetch(TITLE);
        assertEquals(List.of("write tests", "ship"), paged);

        Record deleted = sql.deleteFrom(TASK).where(TITLE.eq("ship")).returning(ID).fetchOne();
        assertEquals(3L, deleted.get(ID));
    }

    @Test
    void transactionsCommitAndRollBack() {
        sql.transaction(configuration -> DSL.using(configuration)
                .insertInto(TASK, TITLE, POINTS).values("kept", 1).execute());
        assertThrows(IllegalStateException.class, () -> sql.transaction(configuration -> {
            DSLContext inner = DSL.using(configuration);
            inner.insertInto(TASK, TITLE, POINTS).values("discarded", 2).execute();
            inner.update(TASK).set(POINTS, 100).execute();
            throw new IllegalStateException("roll it all back");
        }));
        int nested = sql.transactionResult(configuration -> {
            DSLContext outer = DSL.using(configuration);
            outer.insertInto(TASK, TITLE, POINTS).values("outer", 3).execute();
            // A nested transaction is a savepoint: its failure leaves the outer work intact.
            assertThrows(IllegalStateException.class, () -> outer.transaction(inner -> {
                DSL.using(inner).insertInto(TASK, TITLE, POINTS).values("inner", 4).execute();
                throw new IllegalStateException("undo inner only");
            }));
            return outer.fetchCount(TASK);
        });
        assertEquals(2, nested);
        assertEquals(List.of("kept", "outer"), sql.select(TITLE).from(TASK).orderBy(ID).fetch(TITLE));
        assertEquals(List.of(1, 3), sql.select(POINTS).from(TASK).orderBy(ID).fetch(POINTS));
        assertTrue(sql.meta().getTables().stream().anyMatch(t -> t.getName().equalsIgnoreCase("task")),
                "jOOQ's Meta finds the table through DatabaseMetaData");
    }
}
