/*
 * sqlink glue: the only C in the engine besides SQLite itself.
 *
 * The amalgamation is included into this translation unit so that the glue can
 * reach a few internals (the interrupt flag) without patching SQLite.
 *
 * Three jobs live here:
 *   1. A VFS whose every method is a host import ("sqlink" module): SQLite is built
 *      with SQLITE_OS_OTHER, so the Java host is the only way to reach storage.
 *   2. Trampolines: SQLite calls C function pointers; these forward to host
 *      imports, passing an integer handle the host uses to find its Java object.
 *   3. Small helpers that save the host a boundary crossing or a memory dance.
 */
#include <stdint.h>
#include <time.h>

#define localtime_r sqlink_localtime_r
static struct tm *sqlink_localtime_r(const time_t *t, struct tm *out);

#include "sqlite3.c"

#define HOST(name) __attribute__((import_module("sqlink"), import_name(#name)))
#define EXPORT(name) __attribute__((export_name(#name), visibility("default")))

/* ---------------------------------------------------------------- host imports */

HOST(vfs_open) int host_vfs_open(const char *zName, int flags, int *pOutFlags, int *pHandle);
HOST(vfs_delete) int host_vfs_delete(const char *zName, int syncDir);
HOST(vfs_access) int host_vfs_access(const char *zName, int flags, int *pResOut);
HOST(vfs_full_pathname) int host_vfs_full_pathname(const char *zName, int nOut, char *zOut);
HOST(vfs_randomness) int host_vfs_randomness(int nByte, char *zOut);
HOST(vfs_sleep) int host_vfs_sleep(int microseconds);
HOST(vfs_current_time) int host_vfs_current_time(sqlite3_int64 *piNow);
HOST(vfs_localtime) int host_vfs_localtime(sqlite3_int64 t, int *tmFields);
HOST(vfs_shm_supported) int host_vfs_shm_supported(void);

HOST(file_close) int host_file_close(int h);
HOST(file_read) int host_file_read(int h, void *pBuf, int iAmt, sqlite3_int64 iOfst);
HOST(file_write) int host_file_write(int h, const void *pBuf, int iAmt, sqlite3_int64 iOfst);
HOST(file_truncate) int host_file_truncate(int h, sqlite3_int64 size);
HOST(file_sync) int host_file_sync(int h, int flags);
HOST(file_size) int host_file_size(int h, sqlite3_int64 *pSize);
HOST(file_lock) int host_file_lock(int h, int level);
HOST(file_unlock) int host_file_unlock(int h, int level);
HOST(file_check_reserved_lock) int host_file_check_reserved_lock(int h, int *pResOut);
HOST(file_control) int host_file_control(int h, int op, void *pArg);
HOST(file_sector_size) int host_file_sector_size(int h);
HOST(file_device_characteristics) int host_file_device_characteristics(int h);
HOST(file_shm_map) int host_file_shm_map(int h, int iPg, int pgsz, int bExtend, void volatile **pp);
HOST(file_shm_lock) int host_file_shm_lock(int h, int offset, int n, int flags);
HOST(file_shm_barrier) void host_file_shm_barrier(int h);
HOST(file_shm_unmap) int host_file_shm_unmap(int h, int deleteFlag);

HOST(fn_func) void host_fn_func(int id, sqlite3_context *ctx, int argc, sqlite3_value **argv);
HOST(fn_step) void host_fn_step(int id, sqlite3_context *ctx, int argc, sqlite3_value **argv);
HOST(fn_final) void host_fn_final(int id, sqlite3_context *ctx);
HOST(fn_value) void host_fn_value(int id, sqlite3_context *ctx);
HOST(fn_inverse) void host_fn_inverse(int id, sqlite3_context *ctx, int argc, sqlite3_value **argv);
HOST(fn_destroy) void host_fn_destroy(int id);
HOST(collation_compare) int host_collation_compare(int id, int n1, const void *p1, int n2, const void *p2);
HOST(collation_destroy) void host_collation_destroy(int id);

HOST(hook_commit) int host_hook_commit(int id);
HOST(hook_rollback) void host_hook_rollback(int id);
HOST(hook_update) void host_hook_update(int id, int op, const char *zDb, const char *zTbl, sqlite3_int64 rowid);
HOST(hook_preupdate) void host_hook_preupdate(int id, sqlite3 *db, int op, const char *zDb, const char *zTbl,
                                              sqlite3_int64 oldRowid, sqlite3_int64 newRowid);
HOST(hook_authorizer) int host_hook_authorizer(int id, int action, const char *a1, const char *a2,
                                               const char *a3, const char *a4);
HOST(hook_progress) int host_hook_progress(int id);
HOST(hook_busy) int host_hook_busy(int id, int count);
HOST(hook_trace) int host_hook_trace(int id, unsigned mask, void *p, void *x);

/* ---------------------------------------------------------------- the VFS */

typedef struct SqlinkFile {
  sqlite3_file base;
  int handle; /* the host's id for this open file */
} SqlinkFile;

#define HANDLE(f) (((SqlinkFile *)(f))->handle)

static int xClose(sqlite3_file *f) { return host_file_close(HANDLE(f)); }
static int xRead(sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return host_file_read(HANDLE(f), b, n, o); }
static int xWrite(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) { return host_file_write(HANDLE(f), b, n, o); }
static int xTruncate(sqlite3_file *f, sqlite3_int64 size) { return host_file_truncate(HANDLE(f), size); }
static int xSync(sqlite3_file *f, int flags) { return host_file_sync(HANDLE(f), flags); }
static int xFileSize(sqlite3_file *f, sqlite3_int64 *p) { return host_file_size(HANDLE(f), p); }
static int xLock(sqlite3_file *f, int level) { return host_file_lock(HANDLE(f), level); }
static int xUnlock(sqlite3_file *f, int level) { return host_file_unlock(HANDLE(f), level); }
static int xCheckReservedLock(sqlite3_file *f, int *p) { return host_file_check_reserved_lock(HANDLE(f), p); }
static int xFileControl(sqlite3_file *f, int op, void *p) { return host_file_control(HANDLE(f), op, p); }
static int xSectorSize(sqlite3_file *f) { return host_file_sector_size(HANDLE(f)); }
static int xDeviceCharacteristics(sqlite3_file *f) { return host_file_device_characteristics(HANDLE(f)); }
static int xShmMap(sqlite3_file *f, int iPg, int pgsz, int bExtend, void volatile **pp) {
  return host_file_shm_map(HANDLE(f), iPg, pgsz, bExtend, pp);
}
static int xShmLock(sqlite3_file *f, int offset, int n, int flags) { return host_file_shm_lock(HANDLE(f), offset, n, flags); }
static void xShmBarrier(sqlite3_file *f) { host_file_shm_barrier(HANDLE(f)); }
static int xShmUnmap(sqlite3_file *f, int deleteFlag) { return host_file_shm_unmap(HANDLE(f), deleteFlag); }

/* Version 1 has no shared-memory methods: SQLite then refuses WAL unless the
 * connection holds an exclusive lock, which is the safe answer when the host
 * cannot share the wal-index between connections. */
static const sqlite3_io_methods ioMethodsNoShm = {
  1, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock, xUnlock,
  xCheckReservedLock, xFileControl, xSectorSize, xDeviceCharacteristics,
  0, 0, 0, 0, 0, 0
};
static const sqlite3_io_methods ioMethodsShm = {
  2, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock, xUnlock,
  xCheckReservedLock, xFileControl, xSectorSize, xDeviceCharacteristics,
  xShmMap, xShmLock, xShmBarrier, xShmUnmap, 0, 0
};
static const sqlite3_io_methods *ioMethods = &ioMethodsNoShm;

static int xOpen(sqlite3_vfs *vfs, sqlite3_filename zName, sqlite3_file *f, int flags, int *pOutFlags) {
  int handle = -1;
  int outFlags = 0;
  f->pMethods = 0; /* SQLite must not call xClose on a file that failed to open */
  int rc = host_vfs_open(zName, flags, &outFlags, &handle);
  if (rc != SQLITE_OK) return rc;
  ((SqlinkFile *)f)->handle = handle;
  f->pMethods = ioMethods;
  if (pOutFlags) *pOutFlags = outFlags;
  return SQLITE_OK;
}
static int xDelete(sqlite3_vfs *v, const char *z, int syncDir) { return host_vfs_delete(z, syncDir); }
static int xAccess(sqlite3_vfs *v, const char *z, int flags, int *pRes) { return host_vfs_access(z, flags, pRes); }
static int xFullPathname(sqlite3_vfs *v, const char *z, int nOut, char *zOut) {
  return host_vfs_full_pathname(z, nOut, zOut);
}
static int xRandomness(sqlite3_vfs *v, int n, char *zOut) { return host_vfs_randomness(n, zOut); }
static int xSleep(sqlite3_vfs *v, int micros) { return host_vfs_sleep(micros); }
static int xCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *p) { return host_vfs_current_time(p); }
static int xCurrentTime(sqlite3_vfs *v, double *p) {
  sqlite3_int64 now = 0;
  int rc = host_vfs_current_time(&now);
  *p = now / 86400000.0;
  return rc;
}
static int xGetLastError(sqlite3_vfs *v, int n, char *z) { return 0; }

static sqlite3_vfs sqlinkVfs = {
  2, sizeof(SqlinkFile), 1024, 0, "sqlink", 0,
  xOpen, xDelete, xAccess, xFullPathname,
  0, 0, 0, 0, /* no dynamic loading: extensions never come in as native code */
  xRandomness, xSleep, xCurrentTime, xGetLastError, xCurrentTimeInt64,
  0, 0, 0
};

int sqlite3_os_init(void) {
  if (host_vfs_shm_supported()) ioMethods = &ioMethodsShm;
  return sqlite3_vfs_register(&sqlinkVfs, 1);
}
int sqlite3_os_end(void) { return SQLITE_OK; }

/* SQLite's 'localtime' modifier: the host knows the JVM's time zone. */
static struct tm *sqlink_localtime_r(const time_t *t, struct tm *out) {
  int f[9];
  if (host_vfs_localtime((sqlite3_int64)*t, f) != 0) return 0;
  out->tm_sec = f[0]; out->tm_min = f[1]; out->tm_hour = f[2];
  out->tm_mday = f[3]; out->tm_mon = f[4]; out->tm_year = f[5];
  out->tm_wday = f[6]; out->tm_yday = f[7]; out->tm_isdst = f[8];
  return out;
}

/* ---------------------------------------------------------------- trampolines */

#define ID(p) ((int)(intptr_t)(p))

static void trFunc(sqlite3_context *c, int n, sqlite3_value **v) { host_fn_func(ID(sqlite3_user_data(c)), c, n, v); }
static void trStep(sqlite3_context *c, int n, sqlite3_value **v) { host_fn_step(ID(sqlite3_user_data(c)), c, n, v); }
static void trFinal(sqlite3_context *c) { host_fn_final(ID(sqlite3_user_data(c)), c); }
static void trValue(sqlite3_context *c) { host_fn_value(ID(sqlite3_user_data(c)), c); }
static void trInverse(sqlite3_context *c, int n, sqlite3_value **v) { host_fn_inverse(ID(sqlite3_user_data(c)), c, n, v); }
static void trFnDestroy(void *p) { host_fn_destroy(ID(p)); }

/* kind: 0 scalar, 1 aggregate, 2 window. flags: eTextRep | DETERMINISTIC | DIRECTONLY | INNOCUOUS ... */
EXPORT(sqlink_create_function)
int sqlink_create_function(sqlite3 *db, const char *zName, int nArg, int flags, int id, int kind) {
  void *p = (void *)(intptr_t)id;
  switch (kind) {
    case 0: return sqlite3_create_function_v2(db, zName, nArg, flags, p, trFunc, 0, 0, trFnDestroy);
    case 1: return sqlite3_create_function_v2(db, zName, nArg, flags, p, 0, trStep, trFinal, trFnDestroy);
    case 2: return sqlite3_create_window_function(db, zName, nArg, flags, p, trStep, trFinal, trValue, trInverse, trFnDestroy);
    default: return SQLITE_MISUSE;
  }
}

static int trCollate(void *p, int n1, const void *p1, int n2, const void *p2) {
  return host_collation_compare(ID(p), n1, p1, n2, p2);
}
static void trCollationDestroy(void *p) { host_collation_destroy(ID(p)); }

EXPORT(sqlink_create_collation)
int sqlink_create_collation(sqlite3 *db, const char *zName, int id) {
  if (id == 0) return sqlite3_create_collation_v2(db, zName, SQLITE_UTF8, 0, 0, 0);
  return sqlite3_create_collation_v2(db, zName, SQLITE_UTF8, (void *)(intptr_t)id, trCollate, trCollationDestroy);
}

/* Hooks: one of each kind per connection, as in SQLite; id 0 removes it. */
static int trCommit(void *p) { return host_hook_commit(ID(p)); }
static void trRollback(void *p) { host_hook_rollback(ID(p)); }
static void trUpdate(void *p, int op, const char *zDb, const char *zTbl, sqlite3_int64 rowid) {
  host_hook_update(ID(p), op, zDb, zTbl, rowid);
}
static void trPreupdate(void *p, sqlite3 *db, int op, const char *zDb, const char *zTbl,
                        sqlite3_int64 r1, sqlite3_int64 r2) {
  host_hook_preupdate(ID(p), db, op, zDb, zTbl, r1, r2);
}
static int trAuthorizer(void *p, int action, const char *a1, const char *a2, const char *a3, const char *a4) {
  return host_hook_authorizer(ID(p), action, a1, a2, a3, a4);
}
static int trProgress(void *p) { return host_hook_progress(ID(p)); }
static int trBusy(void *p, int count) { return host_hook_busy(ID(p), count); }
static int trTrace(unsigned mask, void *p, void *x, void *y) { return host_hook_trace(ID(p), mask, x, y); }

#define PTR(id) ((void *)(intptr_t)(id))

EXPORT(sqlink_commit_hook) void sqlink_commit_hook(sqlite3 *db, int id) { sqlite3_commit_hook(db, id ? trCommit : 0, PTR(id)); }
EXPORT(sqlink_rollback_hook) void sqlink_rollback_hook(sqlite3 *db, int id) { sqlite3_rollback_hook(db, id ? trRollback : 0, PTR(id)); }
EXPORT(sqlink_update_hook) void sqlink_update_hook(sqlite3 *db, int id) { sqlite3_update_hook(db, id ? trUpdate : 0, PTR(id)); }
EXPORT(sqlink_preupdate_hook) void sqlink_preupdate_hook(sqlite3 *db, int id) { sqlite3_preupdate_hook(db, id ? trPreupdate : 0, PTR(id)); }
EXPORT(sqlink_set_authorizer) int sqlink_set_authorizer(sqlite3 *db, int id) { return sqlite3_set_authorizer(db, id ? trAuthorizer : 0, PTR(id)); }
EXPORT(sqlink_progress_handler) void sqlink_progress_handler(sqlite3 *db, int nOps, int id) {
  sqlite3_progress_handler(db, nOps, id ? trProgress : 0, PTR(id));
}
EXPORT(sqlink_busy_handler) int sqlink_busy_handler(sqlite3 *db, int id) { return sqlite3_busy_handler(db, id ? trBusy : 0, PTR(id)); }
EXPORT(sqlink_trace) int sqlink_trace(sqlite3 *db, unsigned mask, int id) { return sqlite3_trace_v2(db, id ? mask : 0, id ? trTrace : 0, PTR(id)); }

/* ---------------------------------------------------------------- helpers */

/* The address of the connection's interrupt flag. The host writes it from any
 * thread to stop a running statement: calling into the instance from a second
 * thread is not allowed, writing one word of its memory is. */
EXPORT(sqlink_interrupt_flag) volatile int *sqlink_interrupt_flag(sqlite3 *db) {
  return (volatile int *)&db->u1.isInterrupted;
}

/* Binding text and blobs: the host copies the bytes into memory it allocated
 * with sqlite3_malloc and hands ownership to SQLite, which frees it. */
EXPORT(sqlink_bind_text) int sqlink_bind_text(sqlite3_stmt *s, int i, const char *z, int n) {
  return sqlite3_bind_text64(s, i, z, (sqlite3_uint64)n, sqlite3_free, SQLITE_UTF8);
}
EXPORT(sqlink_bind_blob) int sqlink_bind_blob(sqlite3_stmt *s, int i, const void *z, int n) {
  return sqlite3_bind_blob64(s, i, z, (sqlite3_uint64)n, sqlite3_free);
}
EXPORT(sqlink_result_text) void sqlink_result_text(sqlite3_context *c, const char *z, int n) {
  sqlite3_result_text64(c, z, (sqlite3_uint64)n, sqlite3_free, SQLITE_UTF8);
}
EXPORT(sqlink_result_blob) void sqlink_result_blob(sqlite3_context *c, const void *z, int n) {
  sqlite3_result_blob64(c, z, (sqlite3_uint64)n, sqlite3_free);
}
/* Deserialize with a buffer SQLite owns, so it can grow and free it. */
EXPORT(sqlink_deserialize) int sqlink_deserialize(sqlite3 *db, const char *zSchema, unsigned char *p, sqlite3_int64 n,
                                                  int readOnly) {
  unsigned flags = SQLITE_DESERIALIZE_FREEONCLOSE | (readOnly ? SQLITE_DESERIALIZE_READONLY : SQLITE_DESERIALIZE_RESIZEABLE);
  return sqlite3_deserialize(db, zSchema, p, n, n, flags);
}

/* ================================================================ virtual tables
 *
 * A self-contained section (issue 8): one sqlite3_module whose every method is a host
 * import. The host names modules, tables and cursors by integer ids; a method that fails
 * returns its result code and may hand back an error message it allocated with
 * sqlite3_malloc (SQLite frees it). The host reads and writes sqlite3_index_info directly,
 * at the offsets pinned by the static assertions below.
 */
#include <stddef.h>

_Static_assert(sizeof(void *) == 4, "the host assumes wasm32 pointers");
_Static_assert(offsetof(sqlite3_index_info, nConstraint) == 0, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, aConstraint) == 4, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, nOrderBy) == 8, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, aOrderBy) == 12, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, aConstraintUsage) == 16, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, idxNum) == 20, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, idxStr) == 24, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, needToFreeIdxStr) == 28, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, orderByConsumed) == 32, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, estimatedCost) == 40, "index_info layout");
_Static_assert(offsetof(sqlite3_index_info, estimatedRows) == 48, "index_info layout");
_Static_assert(sizeof(struct sqlite3_index_constraint) == 12, "constraint layout");
_Static_assert(offsetof(struct sqlite3_index_constraint, op) == 4, "constraint layout");
_Static_assert(offsetof(struct sqlite3_index_constraint, usable) == 5, "constraint layout");
_Static_assert(sizeof(struct sqlite3_index_orderby) == 8, "orderby layout");
_Static_assert(sizeof(struct sqlite3_index_constraint_usage) == 8, "usage layout");

HOST(vt_connect) int host_vt_connect(int moduleId, sqlite3 *db, int argc, const char *const *argv, int create,
                                     int *pTableId, char **pzErr);
HOST(vt_best_index) int host_vt_best_index(int tableId, sqlite3_index_info *info, char **pzErr);
HOST(vt_disconnect) int host_vt_disconnect(int tableId, int destroy);
HOST(vt_open) int host_vt_open(int tableId, int *pCursorId, char **pzErr);
HOST(vt_close) int host_vt_close(int cursorId);
HOST(vt_filter) int host_vt_filter(int cursorId, int idxNum, const char *idxStr, int argc, sqlite3_value **argv,
                                   char **pzErr);
HOST(vt_next) int host_vt_next(int cursorId, char **pzErr);
HOST(vt_eof) int host_vt_eof(int cursorId);
HOST(vt_column) int host_vt_column(int cursorId, sqlite3_context *ctx, int i);
HOST(vt_rowid) int host_vt_rowid(int cursorId, sqlite3_int64 *pRowid, char **pzErr);
HOST(vt_update) int host_vt_update(int tableId, int argc, sqlite3_value **argv, sqlite3_int64 *pRowid, char **pzErr);
HOST(vt_module_destroy) void host_vt_module_destroy(int moduleId);

typedef struct SqlinkVtab { sqlite3_vtab base; int id; } SqlinkVtab;
typedef struct SqlinkCursor { sqlite3_vtab_cursor base; int id; } SqlinkCursor;

#define VTAB_ID(p) (((SqlinkVtab *)(p))->id)
#define CURSOR_ID(p) (((SqlinkCursor *)(p))->id)

static int vtSetError(sqlite3_vtab *v, int rc, char *err) {
  if (err) {
    sqlite3_free(v->zErrMsg);
    v->zErrMsg = err;
  }
  return rc;
}

static int vtInit(sqlite3 *db, void *pAux, int argc, const char *const *argv, sqlite3_vtab **ppVtab,
                  char **pzErr, int create) {
  SqlinkVtab *v = sqlite3_malloc(sizeof(*v));
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof(*v));
  int id = 0;
  int rc = host_vt_connect(ID(pAux), db, argc, argv, create, &id, pzErr);
  if (rc != SQLITE_OK) {
    sqlite3_free(v);
    return rc;
  }
  v->id = id;
  *ppVtab = &v->base;
  return SQLITE_OK;
}
static int vtCreate(sqlite3 *db, void *p, int argc, const char *const *argv, sqlite3_vtab **pp, char **pzErr) {
  return vtInit(db, p, argc, argv, pp, pzErr, 1);
}
static int vtConnect(sqlite3 *db, void *p, int argc, const char *const *argv, sqlite3_vtab **pp, char **pzErr) {
  return vtInit(db, p, argc, argv, pp, pzErr, 0);
}
static int vtBestIndex(sqlite3_vtab *v, sqlite3_index_info *info) {
  char *err = 0;
  return vtSetError(v, host_vt_best_index(VTAB_ID(v), info, &err), err);
}
static int vtDisconnect(sqlite3_vtab *v) {
  host_vt_disconnect(VTAB_ID(v), 0);
  sqlite3_free(v);
  return SQLITE_OK;
}
static int vtDestroy(sqlite3_vtab *v) {
  int rc = host_vt_disconnect(VTAB_ID(v), 1);
  if (rc == SQLITE_OK) sqlite3_free(v);
  return rc;
}
static int vtOpen(sqlite3_vtab *v, sqlite3_vtab_cursor **ppCursor) {
  SqlinkCursor *c = sqlite3_malloc(sizeof(*c));
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  char *err = 0;
  int rc = host_vt_open(VTAB_ID(v), &c->id, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(c);
    return vtSetError(v, rc, err);
  }
  *ppCursor = &c->base;
  return SQLITE_OK;
}
static int vtClose(sqlite3_vtab_cursor *c) {
  host_vt_close(CURSOR_ID(c));
  sqlite3_free(c);
  return SQLITE_OK;
}
static int vtFilter(sqlite3_vtab_cursor *c, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  char *err = 0;
  return vtSetError(c->pVtab, host_vt_filter(CURSOR_ID(c), idxNum, idxStr, argc, argv, &err), err);
}
static int vtNext(sqlite3_vtab_cursor *c) {
  char *err = 0;
  return vtSetError(c->pVtab, host_vt_next(CURSOR_ID(c), &err), err);
}
static int vtEof(sqlite3_vtab_cursor *c) { return host_vt_eof(CURSOR_ID(c)); }
static int vtColumn(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int i) { return host_vt_column(CURSOR_ID(c), ctx, i); }
static int vtRowid(sqlite3_vtab_cursor *c, sqlite3_int64 *pRowid) {
  char *err = 0;
  return vtSetError(c->pVtab, host_vt_rowid(CURSOR_ID(c), pRowid, &err), err);
}
static int vtUpdate(sqlite3_vtab *v, int argc, sqlite3_value **argv, sqlite3_int64 *pRowid) {
  char *err = 0;
  return vtSetError(v, host_vt_update(VTAB_ID(v), argc, argv, pRowid, &err), err);
}
static void vtModuleDestroy(void *p) { host_vt_module_destroy(ID(p)); }

#define VT_METHODS(create, destroy) \
  { 1, create, vtConnect, vtBestIndex, vtDisconnect, destroy, vtOpen, vtClose, vtFilter, vtNext, vtEof, \
    vtColumn, vtRowid, vtUpdate, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/* kind 0: CREATE VIRTUAL TABLE only; 1: eponymous only (xCreate NULL); 2: both, which
 * SQLite recognises by xCreate == xConnect (the host then sees every open as a connect). */
static const sqlite3_module vtModules[3] = {
  VT_METHODS(vtCreate, vtDestroy),
  VT_METHODS(0, vtDisconnect),
  VT_METHODS(vtConnect, vtDestroy),
};

EXPORT(sqlink_create_module) int sqlink_create_module(sqlite3 *db, const char *zName, int id, int kind) {
  if (kind < 0 || kind > 2) return SQLITE_MISUSE;
  return sqlite3_create_module_v2(db, zName, &vtModules[kind], PTR(id), vtModuleDestroy);
}
