package dev.sqlink.engine.internal;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import java.nio.charset.StandardCharsets;

/**
 * The wasm boundary of one connection: typed calls to the C functions the module exports,
 * and reads and writes of its linear memory. Nothing outside this package sees a pointer.
 * Not thread-safe: callers hold the connection's lock.
 */
public final class Native {
    public final SharedPageMemory memory;
    /** The same memory, typed as the compiled methods declare it: invokeExact matches static types. */
    private final Memory compiledMemory;
    private final Instance instance;

    private final ExportFunction open;
    private final ExportFunction close;
    private final ExportFunction closeUnlessBusy;
    private final ExportFunction errmsg;
    private final ExportFunction extendedErrcode;
    private final ExportFunction errstr;
    private final ExportFunction extendedResultCodes;
    private final ExportFunction prepare;
    private final ExportFunction finalizeStmt;
    private final ExportFunction bindParameterCount;
    private final ExportFunction bindParameterName;
    private final ExportFunction bindParameterIndex;
    private final ExportFunction bindZeroblob;
    private final ExportFunction columnName;
    private final ExportFunction columnDecltype;
    private final ExportFunction columnTableName;
    private final ExportFunction columnOriginName;
    private final ExportFunction columnDatabaseName;
    private final ExportFunction sql;
    private final ExportFunction expandedSql;
    private final ExportFunction stmtReadonly;
    private final ExportFunction stmtBusy;
    private final ExportFunction stmtIsExplain;
    private final ExportFunction limit;
    private final ExportFunction busyTimeout;
    private final ExportFunction libversion;
    private final ExportFunction sourceid;
    private final ExportFunction tableColumnMetadata;
    private final ExportFunction dbFilename;
    private final ExportFunction dbReadonly;
    private final ExportFunction dbStatus;
    private final ExportFunction exec;
    private final ExportFunction interruptFlag;
    private final ExportFunction resultError;
    private final ExportFunction resultErrorCode;
    private final ExportFunction resultZeroblob;
    private final ExportFunction createFunction;
    private final ExportFunction createFunctionV2;
    private final ExportFunction createCollation;
    private final ExportFunction createModule;
    private final ExportFunction declareVtab;
    private final ExportFunction vtabConfig;
    private final ExportFunction commitHook;
    private final ExportFunction rollbackHook;
    private final ExportFunction updateHook;
    private final ExportFunction preupdateHook;
    private final ExportFunction setAuthorizer;
    private final ExportFunction progressHandler;
    private final ExportFunction busyHandler;
    private final ExportFunction trace;
    private final ExportFunction preupdateOld;
    private final ExportFunction preupdateNew;
    private final ExportFunction preupdateCount;
    private final ExportFunction backupInit;
    private final ExportFunction backupStep;
    private final ExportFunction backupFinish;
    private final ExportFunction backupRemaining;
    private final ExportFunction backupPagecount;
    private final ExportFunction serialize;
    private final ExportFunction deserialize;
    private final ExportFunction blobOpen;
    private final ExportFunction blobClose;
    private final ExportFunction blobBytes;
    private final ExportFunction blobRead;
    private final ExportFunction blobWrite;
    private final ExportFunction blobReopen;

    /** Set once, by the first trap; the instance is never called again after it. */
    private volatile Throwable trap;
    /** Set by Database.abort(): the next thread interrupt seen inside wasm is ours. */
    private volatile boolean abortRequested;
    private Runnable onTrap = () -> { };

    public Native(Instance instance) {
        this.memory = (SharedPageMemory) instance.memory();
        this.compiledMemory = memory;
        this.instance = instance;
        open = guarded(instance, "sqlite3_open_v2");
        close = guarded(instance, "sqlite3_close_v2");
        closeUnlessBusy = guarded(instance, "sqlite3_close");
        errmsg = guarded(instance, "sqlite3_errmsg");
        extendedErrcode = guarded(instance, "sqlite3_extended_errcode");
        errstr = guarded(instance, "sqlite3_errstr");
        extendedResultCodes = guarded(instance, "sqlite3_extended_result_codes");
        prepare = guarded(instance, "sqlite3_prepare_v3");
        finalizeStmt = guarded(instance, "sqlite3_finalize");
        bindParameterCount = guarded(instance, "sqlite3_bind_parameter_count");
        bindParameterName = guarded(instance, "sqlite3_bind_parameter_name");
        bindParameterIndex = guarded(instance, "sqlite3_bind_parameter_index");
        bindZeroblob = guarded(instance, "sqlite3_bind_zeroblob64");
        columnName = guarded(instance, "sqlite3_column_name");
        columnDecltype = guarded(instance, "sqlite3_column_decltype");
        columnTableName = guarded(instance, "sqlite3_column_table_name");
        columnOriginName = guarded(instance, "sqlite3_column_origin_name");
        columnDatabaseName = guarded(instance, "sqlite3_column_database_name");
        sql = guarded(instance, "sqlite3_sql");
        expandedSql = guarded(instance, "sqlite3_expanded_sql");
        stmtReadonly = guarded(instance, "sqlite3_stmt_readonly");
        stmtBusy = guarded(instance, "sqlite3_stmt_busy");
        stmtIsExplain = guarded(instance, "sqlite3_stmt_isexplain");
        limit = guarded(instance, "sqlite3_limit");
        busyTimeout = guarded(instance, "sqlite3_busy_timeout");
        libversion = guarded(instance, "sqlite3_libversion");
        sourceid = guarded(instance, "sqlite3_sourceid");
        tableColumnMetadata = guarded(instance, "sqlite3_table_column_metadata");
        dbFilename = guarded(instance, "sqlite3_db_filename");
        dbReadonly = guarded(instance, "sqlite3_db_readonly");
        dbStatus = guarded(instance, "sqlite3_db_status");
        exec = guarded(instance, "sqlite3_exec");
        interruptFlag = guarded(instance, "sqlink_interrupt_flag");
        resultError = guarded(instance, "sqlite3_result_error");
        resultErrorCode = guarded(instance, "sqlite3_result_error_code");
        resultZeroblob = guarded(instance, "sqlite3_result_zeroblob64");
        createFunction = guarded(instance, "sqlink_create_function");
        createFunctionV2 = guarded(instance, "sqlite3_create_function_v2");
        createCollation = guarded(instance, "sqlink_create_collation");
        createModule = guarded(instance, "sqlink_create_module");
        declareVtab = guarded(instance, "sqlite3_declare_vtab");
        vtabConfig = guarded(instance, "sqlite3_vtab_config");
        commitHook = guarded(instance, "sqlink_commit_hook");
        rollbackHook = guarded(instance, "sqlink_rollback_hook");
        updateHook = guarded(instance, "sqlink_update_hook");
        preupdateHook = guarded(instance, "sqlink_preupdate_hook");
        setAuthorizer = guarded(instance, "sqlink_set_authorizer");
        progressHandler = guarded(instance, "sqlink_progress_handler");
        busyHandler = guarded(instance, "sqlink_busy_handler");
        trace = guarded(instance, "sqlink_trace");
        preupdateOld = guarded(instance, "sqlite3_preupdate_old");
        preupdateNew = guarded(instance, "sqlite3_preupdate_new");
        preupdateCount = guarded(instance, "sqlite3_preupdate_count");
        backupInit = guarded(instance, "sqlite3_backup_init");
        backupStep = guarded(instance, "sqlite3_backup_step");
        backupFinish = guarded(instance, "sqlite3_backup_finish");
        backupRemaining = guarded(instance, "sqlite3_backup_remaining");
        backupPagecount = guarded(instance, "sqlite3_backup_pagecount");
        serialize = guarded(instance, "sqlite3_serialize");
        deserialize = guarded(instance, "sqlink_deserialize");
        blobOpen = guarded(instance, "sqlite3_blob_open");
        blobClose = guarded(instance, "sqlite3_blob_close");
        blobBytes = guarded(instance, "sqlite3_blob_bytes");
        blobRead = guarded(instance, "sqlite3_blob_read");
        blobWrite = guarded(instance, "sqlite3_blob_write");
        blobReopen = guarded(instance, "sqlite3_blob_reopen");
    }

    /**
     * Wraps an export so that a trap inside wasm (a bug, a C stack overflow, a JVM stack
     * overflow in deeply recursive SQL) is caught at the one boundary every call crosses:
     * SQLite's state is unknown after it, so the instance is marked dead and the caller gets
     * an INTERNAL error instead of a raw runtime exception.
     */
    private ExportFunction guarded(Instance instance, String name) {
        ExportFunction f = instance.export(name);
        return args -> {
            enter();
            try {
                return f.apply(args);
            } catch (Throwable e) {
                throw failure(e, name);
            }
        };
    }

    /** Refuses calls into an instance that trapped before. */
    private void enter() {
        if (trap != null) {
            throw dead();
        }
    }

    /**
     * What a throwable leaving wasm becomes: a trap or an interrupt retires the instance and
     * turns into a SqliteException; anything else (a host callback's own exception) passes
     * through unchanged.
     */
    private RuntimeException failure(Throwable e, String name) {
        if (e instanceof ChicoryInterruptedException) {
            retire(e);
            if (abortRequested) {
                Thread.interrupted(); // the interrupt was the abort's own signal, not the caller's
                throw new SqliteException(ResultCode.INTERRUPT, "the statement did not stop when interrupted"
                        + " and was aborted; this connection can no longer be used, open a new one", e);
            }
            throw new SqliteException(ResultCode.INTERRUPT, "the thread was interrupted inside the engine;"
                    + " this connection can no longer be used, open a new one", e);
        }
        if (e instanceof ChicoryException || e instanceof StackOverflowError) {
            retire(e);
            throw new SqliteException(ResultCode.INTERNAL, "the engine trapped in " + name + " (" + e
                    + "); this connection can no longer be used, open a new one", e);
        }
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        throw new IllegalStateException("unexpected checked exception from " + name, e);
    }

    private void retire(Throwable e) {
        if (trap == null) {
            trap = e;
            onTrap.run();
        }
    }

    private SqliteException dead() {
        return new SqliteException(ResultCode.INTERNAL, "the engine trapped earlier (" + trap
                + "); this connection can no longer be used, open a new one", trap);
    }

    public void requestAbort() {
        abortRequested = true;
    }

    public boolean abortRequested() {
        return abortRequested;
    }

    public void clearAbortRequest() {
        abortRequested = false;
    }

    /** The trap that killed this instance, or null while it is healthy. */
    public Throwable trap() {
        return trap;
    }

    /** Runs once when the instance traps (the owner releases host resources). */
    public void onTrap(Runnable action) {
        this.onTrap = action;
    }

    private static int i(long[] r) {
        return (int) r[0];
    }

    // ------------------------------------------------------------------ memory

    /** Allocates with SQLite's allocator (so SQLite may free it); 0 when out of memory. */
    public int malloc(long size) {
        enter();
        try {
            return (int) CompiledExports.MALLOC.invokeExact(size, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_malloc64");
        }
    }

    /**
     * Frees SQLite memory. After a trap it does nothing: the instance's memory is dead, and
     * the frees in {@code finally} blocks must not replace the call's own error with "trapped
     * earlier". (A trap inside free itself, an abort landing there, still throws.)
     */
    public void free(int ptr) {
        if (ptr != 0 && trap == null) {
            freeNonNull(ptr);
        }
    }

    private void freeNonNull(int ptr) {
        enter();
        try {
            CompiledExports.FREE.invokeExact(ptr, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_free");
        }
    }

    /** A NUL-terminated UTF-8 copy of {@code s}, or 0 for null; the caller frees it. */
    public int cString(String s) {
        if (s == null) {
            return 0;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int p = mallocOrThrow(bytes.length + 1L);
        memory.write(p, bytes);
        memory.writeByte(p + bytes.length, (byte) 0);
        return p;
    }

    /** Copies {@code bytes} into fresh SQLite memory; the caller (or SQLite) frees it. */
    public int copyIn(byte[] bytes, int offset, int length) {
        int p = mallocOrThrow(Math.max(1, length));
        memory.write(p, bytes, offset, length);
        return p;
    }

    public int mallocOrThrow(long size) {
        int p = malloc(size);
        if (p == 0) {
            throw new OutOfWasmMemoryException(size);
        }
        return p;
    }

    public String readCString(int ptr) {
        if (ptr == 0) {
            return null;
        }
        int end = ptr;
        while (memory.read(end) != 0) {
            end++;
        }
        return memory.readString(ptr, end - ptr);
    }

    public int readInt(int ptr) {
        return memory.readInt(ptr);
    }

    public long readLong(int ptr) {
        return memory.readLong(ptr);
    }

    public void writeInt(int ptr, int value) {
        memory.writeI32(ptr, value);
    }

    public void writeLong(int ptr, long value) {
        memory.writeLong(ptr, value);
    }

    // ------------------------------------------------------------------ connection

    public int open(int filename, int ppDb, int flags, int vfs) {
        return i(open.apply(filename, ppDb, flags, vfs));
    }

    /** sqlite3_close_v2: closes now, or as soon as the last blob handle or backup using it ends. */
    public int close(int db) {
        return i(close.apply(db));
    }

    /** sqlite3_close: closes completely, or returns SQLITE_BUSY and leaves the connection open. */
    public int closeUnlessBusy(int db) {
        return i(closeUnlessBusy.apply(db));
    }

    public String errmsg(int db) {
        return readCString(i(errmsg.apply(db)));
    }

    public int extendedErrcode(int db) {
        return i(extendedErrcode.apply(db));
    }

    public String errstr(int code) {
        return readCString(i(errstr.apply(code)));
    }

    public void extendedResultCodes(int db, boolean on) {
        extendedResultCodes.apply(db, on ? 1 : 0);
    }

    public long changes(int db) {
        enter();
        try {
            return (long) CompiledExports.CHANGES.invokeExact(db, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_changes64");
        }
    }

    public long totalChanges(int db) {
        enter();
        try {
            return (long) CompiledExports.TOTAL_CHANGES.invokeExact(db, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_total_changes64");
        }
    }

    public long lastInsertRowid(int db) {
        enter();
        try {
            return (long) CompiledExports.LAST_INSERT_ROWID.invokeExact(db, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_last_insert_rowid");
        }
    }

    public boolean autocommit(int db) {
        return autocommitFlag(db) != 0;
    }

    private int autocommitFlag(int db) {
        enter();
        try {
            return (int) CompiledExports.GET_AUTOCOMMIT.invokeExact(db, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_get_autocommit");
        }
    }

    public int limit(int db, int id, int value) {
        return i(limit.apply(db, id, value));
    }

    public int busyTimeout(int db, int ms) {
        return i(busyTimeout.apply(db, ms));
    }

    public String libversion() {
        return readCString(i(libversion.apply()));
    }

    public String sourceid() {
        return readCString(i(sourceid.apply()));
    }

    public int tableColumnMetadata(int db, int zDb, int zTable, int zColumn, int pzType, int pzColl, int pNotNull,
            int pPk, int pAutoinc) {
        return i(tableColumnMetadata.apply(db, zDb, zTable, zColumn, pzType, pzColl, pNotNull, pPk, pAutoinc));
    }

    public String dbFilename(int db, int zName) {
        return readCString(i(dbFilename.apply(db, zName)));
    }

    public int dbReadonly(int db, int zName) {
        return i(dbReadonly.apply(db, zName));
    }

    public int dbStatus(int db, int op, int pCur, int pHigh, boolean reset) {
        return i(dbStatus.apply(db, op, pCur, pHigh, reset ? 1 : 0));
    }

    public int exec(int db, int zSql, int pzErrmsg) {
        return i(exec.apply(db, zSql, 0, 0, pzErrmsg));
    }

    public int interruptFlag(int db) {
        return i(interruptFlag.apply(db));
    }

    // ------------------------------------------------------------------ statements

    public int prepare(int db, int zSql, int nByte, int prepFlags, int ppStmt, int pzTail) {
        return i(prepare.apply(db, zSql, nByte, prepFlags, ppStmt, pzTail));
    }

    public int step(int stmt) {
        enter();
        try {
            return (int) CompiledExports.STEP.invokeExact(stmt, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_step");
        }
    }

    public int reset(int stmt) {
        enter();
        try {
            return (int) CompiledExports.RESET.invokeExact(stmt, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_reset");
        }
    }

    public int finalizeStmt(int stmt) {
        return i(finalizeStmt.apply(stmt));
    }

    public int clearBindings(int stmt) {
        enter();
        try {
            return (int) CompiledExports.CLEAR_BINDINGS.invokeExact(stmt, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_clear_bindings");
        }
    }

    public int bindParameterCount(int stmt) {
        return i(bindParameterCount.apply(stmt));
    }

    public String bindParameterName(int stmt, int index) {
        return readCString(i(bindParameterName.apply(stmt, index)));
    }

    public int bindParameterIndex(int stmt, int zName) {
        return i(bindParameterIndex.apply(stmt, zName));
    }

    public int bindLong(int stmt, int index, long value) {
        enter();
        try {
            return (int) CompiledExports.BIND_INT64.invokeExact(stmt, index, value, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_bind_int64");
        }
    }

    public int bindDouble(int stmt, int index, double value) {
        enter();
        try {
            return (int) CompiledExports.BIND_DOUBLE.invokeExact(stmt, index, value, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_bind_double");
        }
    }

    public int bindNull(int stmt, int index) {
        enter();
        try {
            return (int) CompiledExports.BIND_NULL.invokeExact(stmt, index, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_bind_null");
        }
    }

    public int bindZeroblob(int stmt, int index, long length) {
        return i(bindZeroblob.apply(stmt, index, length));
    }

    /**
     * Values up to this many bytes are bound by copy from one reusable buffer. SQLite copies
     * them at once (SQLITE_TRANSIENT) into its own, usually lookaside, memory: no malloc/free
     * pair through dlmalloc per bound value, and no size-limit call, since SQLite checks it.
     */
    public static final int COPY_BIND_MAX = 64 * 1024;
    /** SQLite's SQLITE_TRANSIENT destructor, ((sqlite3_destructor_type)-1). */
    private static final int SQLITE_TRANSIENT = -1;
    private int bindBuffer;
    private int bindBufferSize;

    /**
     * Forgets the buffers this side allocated in the instance's memory: that memory has just been
     * put back into a state in which they were never allocated (the instance is reused).
     */
    void forgetAllocations() {
        bindBuffer = 0;
        bindBufferSize = 0;
    }

    /** Binds text of at most COPY_BIND_MAX bytes; SQLite copies them before returning. */
    public int bindTextCopied(int stmt, int index, byte[] bytes) {
        int length = bytes.length;
        int p = toBindBuffer(bytes, 0, length);
        enter();
        try {
            return (int) CompiledExports.BIND_TEXT_COPY.invokeExact(stmt, index, p, length, SQLITE_TRANSIENT, compiledMemory,
                    instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_bind_text");
        }
    }

    /** Binds a blob of {@code length <= COPY_BIND_MAX} bytes; SQLite copies it before returning. */
    public int bindBlobCopied(int stmt, int index, byte[] bytes, int offset, int length) {
        int p = toBindBuffer(bytes, offset, length);
        enter();
        try {
            return (int) CompiledExports.BIND_BLOB_COPY.invokeExact(stmt, index, p, length, SQLITE_TRANSIENT, compiledMemory,
                    instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_bind_blob");
        }
    }

    private int toBindBuffer(byte[] bytes, int offset, int length) {
        if (length > COPY_BIND_MAX) {
            throw new IllegalArgumentException("a bind by copy takes at most " + COPY_BIND_MAX + " bytes, not " + length);
        }
        if (bindBuffer == 0 || length > bindBufferSize) {
            int size = Math.max(256, Integer.highestOneBit(length - 1) << 1); // the power of two >= length
            int p = mallocOrThrow(size);
            free(bindBuffer);
            bindBuffer = p;
            bindBufferSize = size;
        }
        memory.write(bindBuffer, bytes, offset, length);
        return bindBuffer;
    }

    /** Binds text whose bytes are already in SQLite memory at {@code ptr}; SQLite takes ownership. */
    public int bindTextOwned(int stmt, int index, int ptr, int length) {
        enter();
        try {
            return (int) CompiledExports.BIND_TEXT.invokeExact(stmt, index, ptr, length, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlink_bind_text");
        }
    }

    /** Binds a blob already in SQLite memory at {@code ptr}; SQLite takes ownership. */
    public int bindBlobOwned(int stmt, int index, int ptr, int length) {
        enter();
        try {
            return (int) CompiledExports.BIND_BLOB.invokeExact(stmt, index, ptr, length, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlink_bind_blob");
        }
    }

    public int columnCount(int stmt) {
        enter();
        try {
            return (int) CompiledExports.COLUMN_COUNT.invokeExact(stmt, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_column_count");
        }
    }

    public int dataCount(int stmt) {
        enter();
        try {
            return (int) CompiledExports.DATA_COUNT.invokeExact(stmt, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_data_count");
        }
    }

    public int columnType(int stmt, int col) {
        enter();
        try {
            return (int) CompiledExports.COLUMN_TYPE.invokeExact(stmt, col, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_column_type");
        }
    }

    public long columnLong(int stmt, int col) {
        enter();
        try {
            return (long) CompiledExports.COLUMN_INT64.invokeExact(stmt, col, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_column_int64");
        }
    }

    public double columnDouble(int stmt, int col) {
        enter();
        try {
            return (double) CompiledExports.COLUMN_DOUBLE.invokeExact(stmt, col, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_column_double");
        }
    }

    /** Column text decoded straight from linear memory: one copy, into the String. */
    public String columnText(int stmt, int col) {
        int p = columnTextPointer(stmt, col);
        if (p == 0) {
            return null;
        }
        return memory.readString(p, columnBytes(stmt, col));
    }

    public byte[] columnBlob(int stmt, int col) {
        int p = columnBlobPointer(stmt, col);
        int n = columnBytes(stmt, col);
        if (p == 0) {
            return n == 0 && columnType(stmt, col) != 5 ? new byte[0] : null;
        }
        return memory.readBytes(p, n);
    }

    private int columnTextPointer(int stmt, int col) {
        enter();
        try {
            return (int) CompiledExports.COLUMN_TEXT.invokeExact(stmt, col, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_column_text");
        }
    }

    private int columnBlobPointer(int stmt, int col) {
        enter();
        try {
            return (int) CompiledExports.COLUMN_BLOB.invokeExact(stmt, col, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_column_blob");
        }
    }

    public int columnBytes(int stmt, int col) {
        enter();
        try {
            return (int) CompiledExports.COLUMN_BYTES.invokeExact(stmt, col, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_column_bytes");
        }
    }

    public String columnName(int stmt, int col) {
        return readCString(i(columnName.apply(stmt, col)));
    }

    public String columnDecltype(int stmt, int col) {
        return readCString(i(columnDecltype.apply(stmt, col)));
    }

    public String columnTableName(int stmt, int col) {
        return readCString(i(columnTableName.apply(stmt, col)));
    }

    public String columnOriginName(int stmt, int col) {
        return readCString(i(columnOriginName.apply(stmt, col)));
    }

    public String columnDatabaseName(int stmt, int col) {
        return readCString(i(columnDatabaseName.apply(stmt, col)));
    }

    public String sql(int stmt) {
        return readCString(i(sql.apply(stmt)));
    }

    /** The SQL with bound values; the returned memory is freed here. */
    public String expandedSql(int stmt) {
        int p = i(expandedSql.apply(stmt));
        try {
            return readCString(p);
        } finally {
            free(p);
        }
    }

    public boolean stmtReadonly(int stmt) {
        return i(stmtReadonly.apply(stmt)) != 0;
    }

    public boolean stmtBusy(int stmt) {
        return i(stmtBusy.apply(stmt)) != 0;
    }

    public int stmtIsExplain(int stmt) {
        return i(stmtIsExplain.apply(stmt));
    }

    // ------------------------------------------------------------------ values and results (user functions)

    public int valueType(int value) {
        enter();
        try {
            return (int) CompiledExports.VALUE_TYPE.invokeExact(value, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_value_type");
        }
    }

    public long valueLong(int value) {
        enter();
        try {
            return (long) CompiledExports.VALUE_INT64.invokeExact(value, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_value_int64");
        }
    }

    public double valueDouble(int value) {
        enter();
        try {
            return (double) CompiledExports.VALUE_DOUBLE.invokeExact(value, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_value_double");
        }
    }

    public String valueText(int value) {
        int p = valueTextPointer(value);
        if (p == 0) {
            return null;
        }
        return memory.readString(p, valueBytes(value));
    }

    public byte[] valueBlob(int value) {
        int p = valueBlobPointer(value);
        int n = valueBytes(value);
        return p == 0 ? new byte[0] : memory.readBytes(p, n);
    }

    private int valueTextPointer(int value) {
        enter();
        try {
            return (int) CompiledExports.VALUE_TEXT.invokeExact(value, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_value_text");
        }
    }

    private int valueBlobPointer(int value) {
        enter();
        try {
            return (int) CompiledExports.VALUE_BLOB.invokeExact(value, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_value_blob");
        }
    }

    private int valueBytes(int value) {
        enter();
        try {
            return (int) CompiledExports.VALUE_BYTES.invokeExact(value, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_value_bytes");
        }
    }

    public void resultLong(int ctx, long v) {
        enter();
        try {
            CompiledExports.RESULT_INT64.invokeExact(ctx, v, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_result_int64");
        }
    }

    public void resultDouble(int ctx, double v) {
        enter();
        try {
            CompiledExports.RESULT_DOUBLE.invokeExact(ctx, v, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_result_double");
        }
    }

    public void resultNull(int ctx) {
        enter();
        try {
            CompiledExports.RESULT_NULL.invokeExact(ctx, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_result_null");
        }
    }

    public void resultError(int ctx, String message, int code) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int p = malloc(bytes.length + 1L);
        if (p != 0) {
            memory.write(p, bytes);
            resultError.apply(ctx, p, bytes.length);
            free(p);
        }
        if (code != 1) {
            resultErrorCode.apply(ctx, code);
        }
    }

    public void resultText(int ctx, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        resultTextOwned(ctx, copyIn(bytes, 0, bytes.length), bytes.length);
    }

    public void resultBlob(int ctx, byte[] b) {
        resultBlobOwned(ctx, copyIn(b, 0, b.length), b.length);
    }

    private void resultTextOwned(int ctx, int ptr, int length) {
        enter();
        try {
            CompiledExports.RESULT_TEXT.invokeExact(ctx, ptr, length, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlink_result_text");
        }
    }

    private void resultBlobOwned(int ctx, int ptr, int length) {
        enter();
        try {
            CompiledExports.RESULT_BLOB.invokeExact(ctx, ptr, length, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlink_result_blob");
        }
    }

    public void resultZeroblob(int ctx, long n) {
        resultZeroblob.apply(ctx, n);
    }

    public int aggregateContext(int ctx, int nBytes) {
        enter();
        try {
            return (int) CompiledExports.AGGREGATE_CONTEXT.invokeExact(ctx, nBytes, compiledMemory, instance);
        } catch (Throwable e) {
            throw failure(e, "sqlite3_aggregate_context");
        }
    }

    // ------------------------------------------------------------------ registration and hooks

    public int createFunction(int db, int zName, int nArg, int flags, int id, int kind) {
        return i(createFunction.apply(db, zName, nArg, flags, id, kind));
    }

    /** Removes a function: SQLite deletes it only when every callback pointer is NULL. */
    public int deleteFunction(int db, int zName, int nArg) {
        return i(createFunctionV2.apply(db, zName, nArg, 1 /* SQLITE_UTF8 */, 0, 0, 0, 0, 0));
    }

    public int createCollation(int db, int zName, int id) {
        return i(createCollation.apply(db, zName, id));
    }

    /** kind: 0 CREATE VIRTUAL TABLE only, 1 eponymous only, 2 both (see sqlink_glue.c). */
    public int createModule(int db, int zName, int id, int kind) {
        return i(createModule.apply(db, zName, id, kind));
    }

    public int declareVtab(int db, int zSql) {
        return i(declareVtab.apply(db, zSql));
    }

    /**
     * {@code sqlite3_vtab_config(db, op)} for an option without arguments (DIRECTONLY,
     * INNOCUOUS, USES_ALL_SCHEMAS). The C function is variadic; wasm passes variadic
     * arguments as a pointer to a buffer, which such an option never reads: 0.
     */
    public int vtabConfig(int db, int op) {
        return i(vtabConfig.apply(db, op, 0));
    }

    public void commitHook(int db, int id) {
        commitHook.apply(db, id);
    }

    public void rollbackHook(int db, int id) {
        rollbackHook.apply(db, id);
    }

    public void updateHook(int db, int id) {
        updateHook.apply(db, id);
    }

    public void preupdateHook(int db, int id) {
        preupdateHook.apply(db, id);
    }

    public int setAuthorizer(int db, int id) {
        return i(setAuthorizer.apply(db, id));
    }

    public void progressHandler(int db, int nOps, int id) {
        progressHandler.apply(db, nOps, id);
    }

    public int busyHandler(int db, int id) {
        return i(busyHandler.apply(db, id));
    }

    public int trace(int db, int mask, int id) {
        return i(trace.apply(db, mask, id));
    }

    public int preupdateOld(int db, int col, int ppValue) {
        return i(preupdateOld.apply(db, col, ppValue));
    }

    public int preupdateNew(int db, int col, int ppValue) {
        return i(preupdateNew.apply(db, col, ppValue));
    }

    public int preupdateCount(int db) {
        return i(preupdateCount.apply(db));
    }

    // ------------------------------------------------------------------ backup, serialize, blob I/O

    public int backupInit(int dest, int zDest, int src, int zSrc) {
        return i(backupInit.apply(dest, zDest, src, zSrc));
    }

    public int backupStep(int backup, int pages) {
        return i(backupStep.apply(backup, pages));
    }

    public int backupFinish(int backup) {
        return i(backupFinish.apply(backup));
    }

    public int backupRemaining(int backup) {
        return i(backupRemaining.apply(backup));
    }

    public int backupPagecount(int backup) {
        return i(backupPagecount.apply(backup));
    }

    public int serialize(int db, int zSchema, int piSize, int flags) {
        return i(serialize.apply(db, zSchema, piSize, flags));
    }

    public int deserialize(int db, int zSchema, int data, long size, boolean readOnly) {
        return i(deserialize.apply(db, zSchema, data, size, readOnly ? 1 : 0));
    }

    public int blobOpen(int db, int zDb, int zTable, int zColumn, long rowid, boolean write, int ppBlob) {
        return i(blobOpen.apply(db, zDb, zTable, zColumn, rowid, write ? 1 : 0, ppBlob));
    }

    public int blobClose(int blob) {
        return i(blobClose.apply(blob));
    }

    public int blobBytes(int blob) {
        return i(blobBytes.apply(blob));
    }

    public int blobRead(int blob, int buffer, int n, int offset) {
        return i(blobRead.apply(blob, buffer, n, offset));
    }

    public int blobWrite(int blob, int buffer, int n, int offset) {
        return i(blobWrite.apply(blob, buffer, n, offset));
    }

    public int blobReopen(int blob, long rowid) {
        return i(blobReopen.apply(blob, rowid));
    }
}
