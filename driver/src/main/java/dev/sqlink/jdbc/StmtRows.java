package dev.sqlink.jdbc;

import dev.sqlink.engine.Datatype;
import dev.sqlink.engine.Stmt;

/**
 * Rows read straight from a running statement. The first row is stepped at execute time
 * (so errors surface from execute, as in sqlite-jdbc) and handed out by the first
 * {@link #next()}. When the rows run out the statement is rewound at once, so it does not
 * keep the database's read lock while the application still holds the result set.
 */
final class StmtRows implements Rows {
    private final Stmt stmt;
    private final boolean finalizeOnClose;
    private final int columnCount;
    private boolean primed;
    private boolean primedHasRow;
    private boolean hasRow;
    private boolean done;

    StmtRows(Stmt stmt, boolean finalizeOnClose) {
        this.stmt = stmt;
        this.finalizeOnClose = finalizeOnClose;
        this.columnCount = stmt.columnCount();
    }

    /** Executes the statement up to its first row. */
    void prime() {
        primedHasRow = stmt.step();
        primed = true;
        if (!primedHasRow) {
            release();
        }
    }

    @Override
    public boolean next() {
        if (done) {
            hasRow = false;
            return false;
        }
        if (primed) {
            primed = false;
            hasRow = primedHasRow;
            return hasRow;
        }
        try {
            hasRow = stmt.step();
        } catch (RuntimeException e) {
            hasRow = false;
            release();
            throw e;
        }
        if (!hasRow) {
            release();
        }
        return hasRow;
    }

    /** Rewinds the statement (which releases its locks) but keeps it for metadata until close. */
    private void release() {
        done = true;
        if (!stmt.isClosed()) {
            stmt.reset();
        }
    }

    @Override
    public boolean hasRow() {
        return hasRow;
    }

    @Override
    public int columnCount() {
        return columnCount;
    }

    /** Metadata reads need the statement even after the rows ran out; a finalized one has no names left. */
    private boolean metadataAvailable() {
        return !stmt.isClosed();
    }

    @Override
    public String columnName(int col) {
        return metadataAvailable() ? stmt.columnName(col) : null;
    }

    /**
     * The storage class of the current row's value; before the first {@link #next()} that of the
     * row already stepped at execute time, so ResultSetMetaData can type expression columns
     * before next(), as sqlite-jdbc does.
     */
    @Override
    public int type(int col) {
        return hasRow || (primed && primedHasRow) ? stmt.columnType(col) : Datatype.NULL;
    }

    @Override
    public long getLong(int col) {
        return stmt.getLong(col);
    }

    @Override
    public double getDouble(int col) {
        return stmt.getDouble(col);
    }

    @Override
    public String getText(int col) {
        return stmt.getText(col);
    }

    @Override
    public byte[] getBlob(int col) {
        return stmt.getBlob(col);
    }

    @Override
    public String declaredType(int col) {
        return metadataAvailable() ? stmt.columnDeclaredType(col) : null;
    }

    @Override
    public String tableName(int col) {
        return metadataAvailable() ? stmt.columnTableName(col) : null;
    }

    @Override
    public String originName(int col) {
        return metadataAvailable() ? stmt.columnOriginName(col) : null;
    }

    @Override
    public String databaseName(int col) {
        return metadataAvailable() ? stmt.columnDatabaseName(col) : null;
    }

    @Override
    public void close() {
        if (finalizeOnClose) {
            done = true;
            stmt.close();
        } else if (!done) {
            release();
        }
        hasRow = false;
    }
}
