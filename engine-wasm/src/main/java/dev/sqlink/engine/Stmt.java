package dev.sqlink.engine;

import com.dylibso.chicory.wasm.ChicoryException;
import dev.sqlink.engine.internal.Native;
import dev.sqlink.engine.internal.OutOfWasmMemoryException;
import java.nio.charset.StandardCharsets;

/**
 * A compiled statement ({@code sqlite3_stmt*}). Parameter indexes are 1-based and column
 * indexes 0-based, as in the C API. Every call takes the owning connection's lock.
 */
public final class Stmt implements AutoCloseable {
    private final Database db;
    private final Native nat;
    private final String tail;
    private final boolean empty;
    private int stmt;
    private boolean hasRow;
    /** sqlite3_column_count as last seen; re-read only when an index falls outside it (see checkColumn). */
    private int columns;

    Stmt(Database db, int stmt, String tail) {
        this.db = db;
        this.nat = db.nat;
        this.stmt = stmt;
        this.tail = tail;
        this.empty = stmt == 0;
    }

    /** True when the SQL held no statement (only whitespace or comments). */
    public boolean isEmpty() {
        return empty;
    }

    /** The SQL text after this statement, or "" when none (or when the text ended at a NUL). */
    public String tail() {
        return tail;
    }

    public boolean isClosed() {
        return stmt == 0 || db.isClosed();
    }

    private void enter() {
        db.acquire();
        if (stmt == 0) {
            db.release();
            throw new SqliteException(ResultCode.MISUSE, empty
                    ? "the statement is empty: the SQL held only whitespace or comments (check isEmpty() first)"
                    : "the statement is closed");
        }
    }

    /** As {@link #enter()} for calls that run no SQL; pair with {@code db.releaseBrief()}. */
    private void enterBrief() {
        db.acquireBrief();
        if (stmt == 0) {
            db.releaseBrief();
            throw new SqliteException(ResultCode.MISUSE, empty
                    ? "the statement is empty: the SQL held only whitespace or comments (check isEmpty() first)"
                    : "the statement is closed");
        }
    }

    /** As checkBind; SQLite itself refused a value over the length limit: say which limit. */
    private void checkCopiedBind(int rc, int index, int length) {
        if (rc == ResultCode.TOOBIG) {
            checkLength(length);
        }
        checkBind(rc, index);
    }

    private void checkBind(int rc, int index) {
        if (rc == ResultCode.RANGE) {
            throw new SqliteException(ResultCode.RANGE, "parameter index " + index + " out of range (the statement has "
                    + nat.bindParameterCount(stmt) + " parameters)");
        }
        db.check(rc);
    }

    // ------------------------------------------------------------------ execution

    /** Runs to the next row: true when a row is available, false when the statement is done. */
    public boolean step() {
        enter();
        try {
            int rc = nat.step(stmt);
            if (rc == ResultCode.ROW) {
                hasRow = true;
                return true;
            }
            hasRow = false;
            if (rc == ResultCode.DONE) {
                db.throwHookFailure();
                return false;
            }
            SqliteException e = db.error(rc);
            nat.reset(stmt);
            throw e;
        } catch (OutOfWasmMemoryException e) {
            throw Database.outOfMemory(e);
        } catch (ChicoryException | StackOverflowError e) {
            throw db.broken(e);
        } finally {
            db.release();
        }
    }

    /** Whether the last {@link #step()} produced a row that can be read. */
    public boolean hasRow() {
        return hasRow;
    }

    /** Rewinds the statement; bindings stay. */
    public void reset() {
        enter();
        try {
            hasRow = false;
            nat.reset(stmt); // the result repeats the last step's error, already reported
        } finally {
            db.release();
        }
    }

    public void clearBindings() {
        enterBrief();
        try {
            nat.clearBindings(stmt);
        } finally {
            db.releaseBrief();
        }
    }

    /** Finalizes the statement; idempotent. */
    @Override
    public void close() {
        db.lock.lock();
        try {
            if (stmt != 0 && db.isUsable()) {
                finalizeLocked();
            }
            stmt = 0;
        } finally {
            db.lock.unlock();
        }
    }

    void finalizeLocked() {
        if (stmt != 0) {
            nat.finalizeStmt(stmt);
            db.forget(this);
            stmt = 0;
        }
    }

    // ------------------------------------------------------------------ parameters

    public int parameterCount() {
        enter();
        try {
            return nat.bindParameterCount(stmt);
        } finally {
            db.release();
        }
    }

    /** The name of parameter {@code index} with its prefix (":a", "@a", "$a", "?1"), or null for "?". */
    public String parameterName(int index) {
        enter();
        try {
            return nat.bindParameterName(stmt, index);
        } finally {
            db.release();
        }
    }

    /** The index of the named parameter (with its prefix), or 0 if there is none. */
    public int parameterIndex(String name) {
        enter();
        int z = 0;
        try {
            z = nat.cString(name);
            return nat.bindParameterIndex(stmt, z);
        } finally {
            db.releaseFreeing(z);
        }
    }

    public void bindLong(int index, long value) {
        enterBrief();
        try {
            checkBind(nat.bindLong(stmt, index, value), index);
        } finally {
            db.releaseBrief();
        }
    }

    public void bindDouble(int index, double value) {
        enterBrief();
        try {
            checkBind(nat.bindDouble(stmt, index, value), index);
        } finally {
            db.releaseBrief();
        }
    }

    public void bindNull(int index) {
        enterBrief();
        try {
            checkBind(nat.bindNull(stmt, index), index);
        } finally {
            db.releaseBrief();
        }
    }

    public void bindText(int index, String value) {
        if (value == null) {
            bindNull(index);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        enterBrief();
        try {
            if (bytes.length <= Native.COPY_BIND_MAX) {
                checkCopiedBind(nat.bindTextCopied(stmt, index, bytes), index, bytes.length);
                return;
            }
            checkLength(bytes.length);
            int p = nat.copyIn(bytes, 0, bytes.length);
            checkBind(nat.bindTextOwned(stmt, index, p, bytes.length), index); // SQLite frees p, even on error
        } catch (OutOfWasmMemoryException e) {
            throw Database.outOfMemory(e);
        } finally {
            db.releaseBrief();
        }
    }

    public void bindBlob(int index, byte[] value) {
        if (value == null) {
            bindNull(index);
            return;
        }
        bindBlob(index, value, 0, value.length);
    }

    public void bindBlob(int index, byte[] value, int offset, int length) {
        enterBrief();
        try {
            if (length <= Native.COPY_BIND_MAX) {
                checkCopiedBind(nat.bindBlobCopied(stmt, index, value, offset, length), index, length);
                return;
            }
            checkLength(length);
            int p = nat.copyIn(value, offset, length);
            checkBind(nat.bindBlobOwned(stmt, index, p, length), index);
        } catch (OutOfWasmMemoryException e) {
            throw Database.outOfMemory(e);
        } finally {
            db.releaseBrief();
        }
    }

    public void bindZeroBlob(int index, long length) {
        enter();
        try {
            checkBind(nat.bindZeroblob(stmt, index, length), index);
        } finally {
            db.release();
        }
    }

    /** Refuses a value over SQLITE_LIMIT_LENGTH before copying it into the engine. */
    private void checkLength(int length) {
        int max = nat.limit(db.handle(), Database.LIMIT_LENGTH, -1);
        if (length > max) {
            throw new SqliteException(ResultCode.TOOBIG, "string or blob too big: " + length
                    + " bytes exceeds the limit of " + max + " bytes (SQLITE_LIMIT_LENGTH)");
        }
    }

    // ------------------------------------------------------------------ result columns

    public int columnCount() {
        enterBrief();
        try {
            return nat.columnCount(stmt);
        } finally {
            db.releaseBrief();
        }
    }

    /** The number of columns in the current row (0 when there is no row). */
    public int dataCount() {
        enterBrief();
        try {
            return nat.dataCount(stmt);
        } finally {
            db.releaseBrief();
        }
    }

    /**
     * Checks a column index without a call into the engine per read: the count is cached and
     * re-read only for an index outside it (an automatic re-prepare after a schema change may
     * have changed it; an index inside a stale, larger count only reads NULL from SQLite).
     */
    private void checkColumn(int col) {
        if (col >= 0 && col < columns) {
            return;
        }
        columns = nat.columnCount(stmt);
        if (col < 0 || col >= columns) {
            throw new SqliteException(ResultCode.RANGE, "column index " + col + " out of range (the statement has "
                    + columns + " columns)");
        }
    }

    /** The {@link Datatype} of column {@code col} in the current row. */
    public int columnType(int col) {
        enterBrief();
        try {
            checkColumn(col);
            return nat.columnType(stmt, col);
        } finally {
            db.releaseBrief();
        }
    }

    public long getLong(int col) {
        enterBrief();
        try {
            checkColumn(col);
            return nat.columnLong(stmt, col);
        } finally {
            db.releaseBrief();
        }
    }

    public double getDouble(int col) {
        enterBrief();
        try {
            checkColumn(col);
            return nat.columnDouble(stmt, col);
        } finally {
            db.releaseBrief();
        }
    }

    /** The column as text (numbers converted as SQLite does), or null for NULL. */
    public String getText(int col) {
        enterBrief();
        try {
            checkColumn(col);
            return nat.columnText(stmt, col);
        } catch (OutOfWasmMemoryException e) {
            throw Database.outOfMemory(e);
        } finally {
            db.releaseBrief();
        }
    }

    /** The column as bytes, or null for NULL. */
    public byte[] getBlob(int col) {
        enterBrief();
        try {
            checkColumn(col);
            if (nat.columnType(stmt, col) == Datatype.NULL) {
                return null;
            }
            return nat.columnBlob(stmt, col);
        } finally {
            db.releaseBrief();
        }
    }

    /** Long, Double, String, byte[] or null, by the value's datatype. */
    public Object getObject(int col) {
        enterBrief();
        try {
            checkColumn(col);
            switch (nat.columnType(stmt, col)) {
                case Datatype.INTEGER: return nat.columnLong(stmt, col);
                case Datatype.FLOAT: return nat.columnDouble(stmt, col);
                case Datatype.TEXT: return nat.columnText(stmt, col);
                case Datatype.BLOB: return nat.columnBlob(stmt, col);
                default: return null;
            }
        } finally {
            db.releaseBrief();
        }
    }

    public String columnName(int col) {
        enter();
        try {
            checkColumn(col);
            return nat.columnName(stmt, col);
        } finally {
            db.release();
        }
    }

    /** The declared type of the column's origin ("VARCHAR(20)"), or null for expressions. */
    public String columnDeclaredType(int col) {
        enter();
        try {
            checkColumn(col);
            return nat.columnDecltype(stmt, col);
        } finally {
            db.release();
        }
    }

    public String columnTableName(int col) {
        enter();
        try {
            checkColumn(col);
            return nat.columnTableName(stmt, col);
        } finally {
            db.release();
        }
    }

    public String columnOriginName(int col) {
        enter();
        try {
            checkColumn(col);
            return nat.columnOriginName(stmt, col);
        } finally {
            db.release();
        }
    }

    public String columnDatabaseName(int col) {
        enter();
        try {
            checkColumn(col);
            return nat.columnDatabaseName(stmt, col);
        } finally {
            db.release();
        }
    }

    // ------------------------------------------------------------------ statement facts

    public String sql() {
        enter();
        try {
            return nat.sql(stmt);
        } finally {
            db.release();
        }
    }

    /** The SQL with current bindings substituted. */
    public String expandedSql() {
        enter();
        try {
            return nat.expandedSql(stmt);
        } finally {
            db.release();
        }
    }

    /** True if the statement cannot change the database. */
    public boolean isReadOnly() {
        enter();
        try {
            return nat.stmtReadonly(stmt);
        } finally {
            db.release();
        }
    }

    /** True while the statement has started and not been reset or run to completion. */
    public boolean isBusy() {
        enter();
        try {
            return nat.stmtBusy(stmt);
        } finally {
            db.release();
        }
    }

    /** 0 normal, 1 EXPLAIN, 2 EXPLAIN QUERY PLAN. */
    public int explainMode() {
        enter();
        try {
            return nat.stmtIsExplain(stmt);
        } finally {
            db.release();
        }
    }

    /** The connection this statement belongs to. */
    public Database database() {
        return db;
    }
}
