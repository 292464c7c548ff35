package dev.sqlink.engine;

import com.dylibso.chicory.wasm.ChicoryException;
import dev.sqlink.engine.internal.EngineInstance;
import dev.sqlink.engine.internal.Native;
import dev.sqlink.engine.internal.OutOfWasmMemoryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One SQLite connection ({@code sqlite3*}) in its own wasm instance.
 *
 * <p>Every call takes the connection's {@link ReentrantLock} (not {@code synchronized}, so
 * a virtual thread waiting for it does not pin its carrier); {@link #interrupt()} alone is
 * lock-free so another thread can stop a running statement.
 */
public final class Database implements AutoCloseable {
    /** {@code sqlite3_limit} categories. */
    public static final int LIMIT_LENGTH = 0;
    public static final int LIMIT_SQL_LENGTH = 1;
    public static final int LIMIT_COLUMN = 2;
    public static final int LIMIT_EXPR_DEPTH = 3;
    public static final int LIMIT_COMPOUND_SELECT = 4;
    public static final int LIMIT_VDBE_OP = 5;
    public static final int LIMIT_FUNCTION_ARG = 6;
    public static final int LIMIT_ATTACHED = 7;
    public static final int LIMIT_LIKE_PATTERN_LENGTH = 8;
    public static final int LIMIT_VARIABLE_NUMBER = 9;
    public static final int LIMIT_TRIGGER_DEPTH = 10;
    public static final int LIMIT_WORKER_THREADS = 11;

    private static final int PREPARE_PERSISTENT = 0x01;
    private static final long CLOSE_WAIT_SECONDS = 5;

    final ReentrantLock lock = new ReentrantLock();
    final Native nat;
    private final EngineInstance engine;
    private final int db;
    private final int scratch; // 16 bytes for out-parameters, owned by this connection
    private final int interruptFlag;
    private final String filename;
    private final Set<Stmt> openStatements = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean closed;
    /** The thread inside a call on this connection (the lock holder), for {@link #abort()}. */
    private volatile Thread executing;
    private final Object abortMonitor = new Object();
    private volatile String brokenReason;

    private Database(EngineInstance engine, int db, int scratch, String filename) {
        this.engine = engine;
        this.nat = engine.nat;
        this.db = db;
        this.scratch = scratch;
        this.filename = filename;
        this.interruptFlag = nat.interruptFlag(db);
    }

    static Database open(EngineInstance engine, String filename, int flags) {
        Native nat = engine.nat;
        int scratch;
        int zName;
        try {
            scratch = nat.mallocOrThrow(16);
            zName = nat.cString(filename);
        } catch (OutOfWasmMemoryException e) {
            throw new SqliteException(ResultCode.NOMEM, "cannot open " + filename + ": " + e.getMessage(), e);
        }
        int rc;
        try {
            rc = nat.open(zName, scratch, flags | OpenFlags.EXRESCODE, 0);
        } catch (ChicoryException | StackOverflowError e) {
            engine.abandon();
            throw new SqliteException(ResultCode.INTERNAL, "the engine failed while opening " + filename + ": " + e, e);
        } finally {
            nat.free(zName);
        }
        int db = nat.readInt(scratch);
        if (rc != ResultCode.OK) {
            String message = db != 0 ? nat.errmsg(db) : ResultCode.describe(rc);
            int code = db != 0 ? nat.extendedErrcode(db) : rc;
            String detail = engine.vfs.takeLastError();
            if (db != 0) {
                nat.close(db);
            }
            throw new SqliteException(code, message + " (" + filename + ")" + (detail != null ? ": " + detail : ""));
        }
        nat.extendedResultCodes(db, true);
        return new Database(engine, db, scratch, filename);
    }

    // ------------------------------------------------------------------ lifecycle and errors

    /**
     * Takes the connection's lock for one call and marks the calling thread as running it.
     * Whatever happens between taking the lock and returning (a refusal, or even an Error),
     * the lock is released again unless the call is admitted: the caller's try/finally only
     * starts after this returns.
     */
    void acquire() {
        lock.lock();
        boolean admitted = false;
        try {
            if (lock.getHoldCount() == 1) {
                synchronized (abortMonitor) {
                    executing = Thread.currentThread();
                }
            }
            if (unusable()) {
                throw refusal();
            }
            admitted = true;
        } finally {
            if (!admitted) {
                release(); // a refused call must not stay marked as running (abort would hit it)
            }
        }
    }

    /**
     * As {@link #acquire()}, for short calls that run no SQL (reading a column of the current
     * row, binding a parameter): they skip the bookkeeping {@link #abort()} needs, which costs
     * two monitor round trips per call and dominated reading a row column by column. An abort
     * never targets them (they are not marked as executing); they finish on their own.
     * Pair with {@link #releaseBrief()}.
     */
    void acquireBrief() {
        lock.lock();
        if (unusable()) {
            lock.unlock();
            throw refusal();
        }
    }

    void releaseBrief() {
        lock.unlock();
    }

    private boolean unusable() {
        if (brokenReason == null && nat.trap() != null) {
            brokenReason = "the engine trapped (" + nat.trap() + "); open a new connection";
        }
        return closed || brokenReason != null;
    }

    private SqliteException refusal() {
        return new SqliteException(ResultCode.MISUSE, brokenReason != null
                ? "the connection is unusable: " + brokenReason : "the database connection is closed");
    }

    /**
     * Ends a call begun by {@link #acquire()}. Unlocks whatever happens before: a lock left
     * held by a thread that then ends can never be released, and close would wait for it.
     */
    void release() {
        try {
            if (lock.getHoldCount() == 1) {
                synchronized (abortMonitor) {
                    executing = null;
                    if (nat.abortRequested() && nat.trap() == null) {
                        // The abort came after the work finished: the connection is fine, and the
                        // caller's thread must not leave with an interrupt it never asked for.
                        Thread.interrupted();
                        nat.clearAbortRequest();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Frees a call's own allocations, then ends the call with {@link #release()}: the release
     * happens even when a free fails (an abort landing inside it).
     */
    void releaseFreeing(int... allocations) {
        try {
            for (int pointer : allocations) {
                nat.free(pointer);
            }
        } finally {
            release();
        }
    }

    /** Runs {@code body} holding the connection's lock, for callers that need several calls to be atomic. */
    public <T> T locked(Supplier<T> body) {
        acquire();
        try {
            return body.get();
        } finally {
            release();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Open and not broken by a trap or an {@link #abort()}: only then can it run anything. */
    public boolean isUsable() {
        return !closed && brokenReason == null && nat.trap() == null;
    }

    /** The filename given at open. */
    public String filename() {
        return filename;
    }

    /** Finalizes every open statement and closes the connection; idempotent. */
    @Override
    public void close() {
        if (!lockForClose()) {
            return;
        }
        try {
            if (closed) {
                return;
            }
            synchronized (abortMonitor) {
                // From here interrupt() writes nothing: the instance may serve another
                // connection once this one is closed.
                closed = true;
            }
            if (brokenReason != null || nat.trap() != null) {
                engine.abandon();
                return;
            }
            for (Stmt s : new ArrayList<>(openStatements)) {
                s.finalizeLocked();
            }
            openStatements.clear();
            // Only a connection that closes completely leaves an instance fit for the next one.
            // While blob handles or backups are open, sqlite3_close refuses (BUSY) and close_v2
            // closes as soon as they end; such an instance is not reused, and any file it still
            // holds is released now.
            int rc = nat.closeUnlessBusy(db);
            boolean complete = rc == ResultCode.OK;
            if ((rc & 0xff) == ResultCode.BUSY) {
                rc = nat.close(db);
            }
            if (!complete || !engine.recycle()) {
                engine.abandon();
            }
            if (rc != ResultCode.OK) {
                throw new SqliteException(rc, "close failed: " + ResultCode.describe(rc));
            }
        } catch (ChicoryException | StackOverflowError e) {
            engine.abandon();
            throw new SqliteException(ResultCode.INTERNAL, "the engine failed while closing: " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the lock for {@link #close()}, but never waits forever: if a call is still running
     * after an abort and a grace period, the instance is abandoned instead (its files released),
     * so closing a connection always returns.
     */
    private boolean lockForClose() {
        try {
            if (lock.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
            abort();
            if (lock.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        brokenReason = "closed while a call was still running inside the engine";
        engine.abandon();
        return false;
    }

    /** Why the VFS last failed (a refused or missing file), or null; for errors outside {@link #error}. */
    String takeVfsError() {
        return engine.vfs.takeLastError();
    }

    /** Builds the exception for result code {@code rc} from the connection's error state. */
    SqliteException error(int rc) {
        int code = nat.extendedErrcode(db);
        if ((code & 0xff) != (rc & 0xff)) {
            code = rc;
        }
        String message = nat.errmsg(db);
        String detail = engine.vfs.takeLastError();
        RuntimeException hook = engine.callbacks.takeHookFailure();
        // AUTH: an open policy refused a file (ATTACH outside the grants); its reason names the fix.
        if (detail != null && ((rc & 0xff) == ResultCode.IOERR || (rc & 0xff) == ResultCode.CANTOPEN
                || (rc & 0xff) == ResultCode.AUTH || (rc & 0xff) == ResultCode.FULL)) {
            message = message + ": " + detail;
        }
        SqliteException e = new SqliteException(code, message, hook);
        return e;
    }

    /** A hook (update, commit ...) that threw: its exception surfaces on the statement that fired it. */
    void throwHookFailure() {
        RuntimeException hook = engine.callbacks.takeHookFailure();
        if (hook != null) {
            throw new SqliteException(ResultCode.ERROR, "a callback failed: " + hook, hook);
        }
    }

    void check(int rc) {
        if (rc != ResultCode.OK) {
            throw error(rc);
        }
    }

    /**
     * A trap inside wasm (a bug, a stack overflow) leaves SQLite's state unknown: the
     * connection refuses further use rather than risk writing from a corrupted instance.
     */
    SqliteException broken(Throwable t) {
        brokenReason = "the engine trapped (" + t + "); open a new connection";
        engine.abandon();
        return new SqliteException(ResultCode.INTERNAL, brokenReason, t);
    }

    static SqliteException outOfMemory(OutOfWasmMemoryException e) {
        return new SqliteException(ResultCode.NOMEM, e.getMessage(), e);
    }

    // ------------------------------------------------------------------ statements

    /**
     * Compiles the first SQL statement in {@code sql}. The result may be
     * {@linkplain Stmt#isEmpty() empty} (only whitespace or comments); {@link Stmt#tail()}
     * holds the text after the statement, for running multi-statement scripts. As in C, the
     * text ends at its first NUL character: nothing after it is compiled or returned as tail.
     */
    public Stmt prepare(String sql) {
        return prepare(sql, false);
    }

    /** As {@link #prepare(String)}, hinting that the statement will be kept and reused (a cache). */
    public Stmt prepare(String sql, boolean persistent) {
        acquire();
        int zSql = 0;
        try {
            byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
            zSql = nat.copyIn(bytes, 0, bytes.length);
            int rc = nat.prepare(db, zSql, bytes.length, persistent ? PREPARE_PERSISTENT : 0, scratch, scratch + 4);
            if (rc != ResultCode.OK) {
                throw error(rc);
            }
            int stmt = nat.readInt(scratch);
            int consumed = nat.readInt(scratch + 4) - zSql;
            // SQLite reads SQL text only up to the first NUL, as any C string: what follows is not
            // SQL to it (nor to the sqlite3 shell or sqlite-jdbc). Handing it back as the tail
            // would make every "run the rest" loop prepare that same text again, forever.
            boolean ended = consumed >= bytes.length || bytes[consumed] == 0;
            String tail = ended ? "" : new String(bytes, consumed, bytes.length - consumed, StandardCharsets.UTF_8);
            Stmt s = new Stmt(this, stmt, tail);
            if (stmt != 0) {
                openStatements.add(s);
            }
            return s;
        } catch (OutOfWasmMemoryException e) {
            throw outOfMemory(e);
        } catch (ChicoryException | StackOverflowError e) {
            throw broken(e);
        } finally {
            releaseFreeing(zSql);
        }
    }

    void forget(Stmt s) {
        openStatements.remove(s);
    }

    /** Runs every statement in {@code sql}, discarding rows (as {@code sqlite3_exec}). */
    public void exec(String sql) {
        acquire();
        int zSql = 0;
        try {
            zSql = nat.cString(sql);
            nat.writeInt(scratch, 0);
            int rc = nat.exec(db, zSql, scratch);
            int zErr = nat.readInt(scratch);
            if (rc != ResultCode.OK) {
                SqliteException e = error(rc);
                if (zErr != 0 && !e.getMessage().startsWith(nat.readCString(zErr))) {
                    // keep error()'s VFS detail (why a write failed) when exec's text is the same message
                    e = new SqliteException(e.extendedCode(), nat.readCString(zErr), e.getCause());
                }
                nat.free(zErr);
                throw e;
            }
            throwHookFailure();
        } catch (OutOfWasmMemoryException e) {
            throw outOfMemory(e);
        } catch (ChicoryException | StackOverflowError e) {
            throw broken(e);
        } finally {
            releaseFreeing(zSql);
        }
    }

    /** Stops the running statement from any thread; it fails with {@link ResultCode#INTERRUPT}. */
    public void interrupt() {
        synchronized (abortMonitor) { // close() sets closed under it: no write after the instance moved on
            if (!closed && brokenReason == null) {
                nat.memory.writeI32FromAnotherThread(interruptFlag, 1);
            }
        }
    }

    /**
     * Whether {@link #interrupt()} was called for the statement now running (SQLite clears the
     * flag once no statement runs). Lock-free: a user function that may run long polls it
     * and stops by throwing {@link java.util.concurrent.CancellationException}.
     */
    public boolean isInterrupted() {
        return !closed && brokenReason == null && nat.memory.readIntFromAnotherThread(interruptFlag) != 0;
    }

    /**
     * The last resort when {@link #interrupt()} is not enough: SQLite checks its interrupt flag
     * only between VM instructions, so a single long C loop (a huge {@code printf} width, a
     * giant {@code zeroblob} copy) ignores it. This interrupts the thread running inside the
     * engine; the compiled wasm stops at its next loop back-edge. SQLite's state is unknown
     * after that, so the connection becomes unusable (open a new one). The running call fails
     * with {@link ResultCode#INTERRUPT}. Does nothing when no call is running.
     *
     * @return true when a running call was told to stop
     */
    public boolean abort() {
        return abort(null);
    }

    /** As {@link #abort()}, but only if {@code expected} (when not null) is the thread running the call. */
    public boolean abort(Thread expected) {
        synchronized (abortMonitor) {
            Thread running = executing;
            if (running == null || closed || (expected != null && running != expected)) {
                return false;
            }
            interrupt();
            nat.requestAbort();
            running.interrupt();
            return true;
        }
    }

    /** True while some thread is inside a call on this connection. */
    public boolean isExecuting() {
        return executing != null;
    }

    // ------------------------------------------------------------------ connection state

    public long changes() {
        acquireBrief();
        try {
            return nat.changes(db);
        } finally {
            releaseBrief();
        }
    }

    public long totalChanges() {
        acquireBrief();
        try {
            return nat.totalChanges(db);
        } finally {
            releaseBrief();
        }
    }

    public long lastInsertRowid() {
        acquireBrief();
        try {
            return nat.lastInsertRowid(db);
        } finally {
            releaseBrief();
        }
    }

    /** Whether no transaction is open. */
    public boolean isAutocommit() {
        acquireBrief();
        try {
            return nat.autocommit(db);
        } finally {
            releaseBrief();
        }
    }

    /** Sets limit {@code id} (a {@code LIMIT_*}) and returns its previous value; a negative value only reads it. */
    public int limit(int id, int value) {
        acquire();
        try {
            return nat.limit(db, id, value);
        } finally {
            release();
        }
    }

    public void busyTimeout(int millis) {
        acquire();
        try {
            check(nat.busyTimeout(db, millis));
        } finally {
            release();
        }
    }

    public String sqliteVersion() {
        acquire();
        try {
            return nat.libversion();
        } finally {
            release();
        }
    }

    public String sourceId() {
        acquire();
        try {
            return nat.sourceid();
        } finally {
            release();
        }
    }

    /** The file of attached database {@code schema} ("main", "temp", ...); empty for memory databases, null if unknown. */
    public String databaseFilename(String schema) {
        acquire();
        int z = 0;
        try {
            z = nat.cString(schema);
            return nat.dbFilename(db, z);
        } finally {
            releaseFreeing(z);
        }
    }

    /** 1 read-only, 0 read-write, -1 no such database. */
    public int databaseReadOnly(String schema) {
        acquire();
        int z = 0;
        try {
            z = nat.cString(schema);
            return nat.dbReadonly(db, z);
        } finally {
            releaseFreeing(z);
        }
    }

    /** {@code sqlite3_db_status}: {current, highwater} of counter {@code op}. */
    public int[] status(int op, boolean reset) {
        acquire();
        try {
            check(nat.dbStatus(db, op, scratch, scratch + 4, reset));
            return new int[] {nat.readInt(scratch), nat.readInt(scratch + 4)};
        } finally {
            release();
        }
    }

    /** What SQLite knows of a table column ({@code sqlite3_table_column_metadata}). */
    public ColumnMetadata columnMetadata(String schema, String table, String column) {
        acquire();
        int zDb = 0;
        int zTable = 0;
        int zColumn = 0;
        int out = 0;
        try {
            zDb = nat.cString(schema);
            zTable = nat.cString(table);
            zColumn = nat.cString(column);
            out = nat.mallocOrThrow(20);
            check(nat.tableColumnMetadata(db, zDb, zTable, zColumn, out, out + 4, out + 8, out + 12, out + 16));
            return new ColumnMetadata(nat.readCString(nat.readInt(out)), nat.readCString(nat.readInt(out + 4)),
                    nat.readInt(out + 8) != 0, nat.readInt(out + 12) != 0, nat.readInt(out + 16) != 0);
        } finally {
            releaseFreeing(zDb, zTable, zColumn, out);
        }
    }

    // ------------------------------------------------------------------ user functions and collations

    public void createFunction(String name, int nArgs, int flags, ScalarFunction function) {
        register(name, nArgs, flags, function, 0);
    }

    public void createAggregate(String name, int nArgs, int flags, Supplier<? extends Aggregate> factory) {
        register(name, nArgs, flags, factory, 1);
    }

    public void createWindowFunction(String name, int nArgs, int flags, Supplier<? extends WindowAggregate> factory) {
        register(name, nArgs, flags, factory, 2);
    }

    private void register(String name, int nArgs, int flags, Object callback, int kind) {
        acquire();
        int z = 0;
        try {
            int id = engine.callbacks.register(callback);
            z = nat.cString(name);
            // SQLite calls the destructor (which forgets the id) even when registration fails.
            check(nat.createFunction(db, z, nArgs, flags | FunctionFlags.UTF8, id, kind));
        } finally {
            releaseFreeing(z);
        }
    }

    /** Removes function {@code name} with {@code nArgs} arguments (-1 = any count). */
    public void removeFunction(String name, int nArgs) {
        acquire();
        int z = 0;
        try {
            z = nat.cString(name);
            check(nat.deleteFunction(db, z, nArgs));
        } finally {
            releaseFreeing(z);
        }
    }

    public void createCollation(String name, Comparator<String> comparator) {
        acquire();
        int z = 0;
        try {
            z = nat.cString(name);
            check(nat.createCollation(db, z, comparator == null ? 0 : engine.callbacks.register(comparator)));
        } finally {
            releaseFreeing(z);
        }
    }

    /** Registers a virtual table module ({@code sqlite3_create_module_v2}). */
    public void createModule(String name, VtabModule.Kind kind, VtabModule module) {
        acquire();
        int z = 0;
        try {
            z = nat.cString(name);
            // SQLite calls the module destructor (which forgets the id) even when registration fails.
            check(nat.createModule(db, z, engine.vtabs.register(module), kind.ordinal()));
        } finally {
            releaseFreeing(z);
        }
    }

    // ------------------------------------------------------------------ hooks

    public void setCommitHook(Hooks.CommitHook hook) {
        acquire();
        try {
            engine.callbacks.setCommitHook(hook);
            nat.commitHook(db, hook == null ? 0 : 1);
        } finally {
            release();
        }
    }

    public void setRollbackHook(Runnable hook) {
        acquire();
        try {
            engine.callbacks.setRollbackHook(hook);
            nat.rollbackHook(db, hook == null ? 0 : 1);
        } finally {
            release();
        }
    }

    public void setUpdateHook(Hooks.UpdateHook hook) {
        acquire();
        try {
            engine.callbacks.setUpdateHook(hook);
            nat.updateHook(db, hook == null ? 0 : 1);
        } finally {
            release();
        }
    }

    public void setPreupdateHook(Hooks.PreupdateHook hook) {
        acquire();
        try {
            engine.callbacks.setPreupdateHook(hook);
            nat.preupdateHook(db, hook == null ? 0 : 1);
        } finally {
            release();
        }
    }

    public void setAuthorizer(Hooks.Authorizer authorizer) {
        acquire();
        try {
            engine.callbacks.setAuthorizer(authorizer);
            check(nat.setAuthorizer(db, authorizer == null ? 0 : 1));
        } finally {
            release();
        }
    }

    /** Calls {@code handler} every {@code instructions} VM steps; null removes it. */
    public void setProgressHandler(int instructions, Hooks.ProgressHandler handler) {
        acquire();
        try {
            engine.callbacks.setProgressHandler(handler);
            nat.progressHandler(db, instructions, handler == null ? 0 : 1);
        } finally {
            release();
        }
    }

    /** Replaces the busy timeout with a handler; null removes it. */
    public void setBusyHandler(Hooks.BusyHandler handler) {
        acquire();
        try {
            engine.callbacks.setBusyHandler(handler);
            check(nat.busyHandler(db, handler == null ? 0 : 1));
        } finally {
            release();
        }
    }

    public void setTraceHandler(Hooks.TraceHandler handler) {
        acquire();
        try {
            engine.callbacks.setTraceHandler(handler);
            check(nat.trace(db, 0x1 | 0x2, handler == null ? 0 : 1));
        } finally {
            release();
        }
    }

    // ------------------------------------------------------------------ backup, serialize, blobs

    /**
     * Copies database {@code schema} into the file {@code path} (created or overwritten) with
     * the online backup API, {@code pagesPerStep} pages at a time (-1: all at once).
     */
    public void backupTo(String schema, String path, int pagesPerStep, BackupProgress progress) {
        acquire();
        try {
            new BackupRun(this, db, schema, path, pagesPerStep, progress).toFile();
        } finally {
            release();
        }
    }

    /** Replaces database {@code schema} with the content of the database file {@code path}. */
    public void restoreFrom(String schema, String path, int pagesPerStep, BackupProgress progress) {
        acquire();
        try {
            new BackupRun(this, db, schema, path, pagesPerStep, progress).fromFile();
        } finally {
            release();
        }
    }

    /** The bytes of database {@code schema} as a database file image. */
    public byte[] serialize(String schema) {
        acquire();
        int z = 0;
        int p = 0;
        try {
            z = nat.cString(schema);
            p = nat.serialize(db, z, scratch, 0);
            if (p == 0) {
                throw new SqliteException(ResultCode.NOMEM, "cannot serialize database '" + schema
                        + "': no such database or out of memory");
            }
            long size = nat.readLong(scratch);
            if (size > Integer.MAX_VALUE - 8) {
                throw new SqliteException(ResultCode.TOOBIG, "database '" + schema + "' is too large to serialize");
            }
            return nat.memory.readBytes(p, (int) size);
        } finally {
            releaseFreeing(p, z);
        }
    }

    /** Replaces database {@code schema} with an in-memory database holding {@code image}. */
    public void deserialize(String schema, byte[] image, boolean readOnly) {
        acquire();
        int z = 0;
        try {
            z = nat.cString(schema);
            int p = nat.copyIn(image, 0, image.length);
            check(nat.deserialize(db, z, p, image.length, readOnly)); // SQLite owns p from here
        } catch (OutOfWasmMemoryException e) {
            throw outOfMemory(e);
        } finally {
            releaseFreeing(z);
        }
    }

    /** Opens incremental I/O on one blob ({@code sqlite3_blob_open}). */
    public BlobHandle openBlob(String schema, String table, String column, long rowid, boolean writable) {
        acquire();
        int zDb = 0;
        int zTable = 0;
        int zColumn = 0;
        try {
            zDb = nat.cString(schema);
            zTable = nat.cString(table);
            zColumn = nat.cString(column);
            int rc = nat.blobOpen(db, zDb, zTable, zColumn, rowid, writable, scratch);
            int blob = nat.readInt(scratch);
            if (rc != ResultCode.OK) {
                SqliteException e = error(rc);
                nat.blobClose(blob);
                throw e;
            }
            return new BlobHandle(this, blob);
        } finally {
            releaseFreeing(zDb, zTable, zColumn);
        }
    }

    int handle() {
        return db;
    }
}
