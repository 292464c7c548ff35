package dev.sqlink.engine.internal;

import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.Vtab;
import dev.sqlink.engine.VtabCursor;
import dev.sqlink.engine.VtabModule;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the virtual table imports of one connection: finds the Java module, table or cursor
 * behind an id and calls it. An exception becomes the method's error code and message (SQLite
 * reports it on the statement) and is kept as the cause, as for user functions.
 */
public final class VtabBridge {
    private static final int SQLITE_VTAB_DIRECTONLY = 3;
    private final CallbackBridge callbacks;
    private final Map<Integer, VtabModule> modules = new HashMap<>();
    private final Map<Integer, Vtab> tables = new HashMap<>();
    private final Map<Integer, VtabCursor> cursors = new HashMap<>();
    private int nextId = 1;
    private Native nat;

    VtabBridge(CallbackBridge callbacks) {
        this.callbacks = callbacks;
    }

    void bind(Native nat) {
        this.nat = nat;
    }

    /** Keeps a module alive and returns the id the C side passes back. */
    public int register(VtabModule module) {
        int id = nextId++;
        modules.put(id, module);
        return id;
    }

    private int fail(Throwable t, int pzErr) {
        callbacks.remember(t);
        if (pzErr != 0) {
            nat.writeInt(pzErr, errorText(t));
        }
        return t instanceof OutOfWasmMemoryException ? ResultCode.NOMEM : ResultCode.ERROR;
    }

    private int errorText(Throwable t) {
        String m = t instanceof UnsupportedOperationException && t.getMessage() != null ? t.getMessage() : t.toString();
        try {
            return nat.cString(m);
        } catch (OutOfWasmMemoryException e) {
            return 0;
        }
    }

    int connect(int moduleId, int db, int argc, int argv, int create, int pTableId, int pzErr) {
        try {
            String[] args = new String[argc];
            for (int i = 0; i < argc; i++) {
                args[i] = nat.readCString(nat.readInt(argv + 4 * i));
            }
            Vtab table = modules.get(moduleId).connect(create != 0, args);
            int z = nat.cString(table.declaration());
            int rc;
            try {
                rc = nat.declareVtab(db, z);
            } finally {
                nat.free(z);
            }
            if (rc != ResultCode.OK) {
                throw new IllegalStateException("invalid virtual table declaration '" + table.declaration()
                        + "': " + nat.errmsg(db));
            }
            if (table.directOnly() && nat.vtabConfig(db, SQLITE_VTAB_DIRECTONLY) != ResultCode.OK) {
                throw new IllegalStateException("cannot make the virtual table direct-only: " + nat.errmsg(db));
            }
            int id = nextId++;
            tables.put(id, table);
            nat.writeInt(pTableId, id);
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, pzErr);
        }
    }

    int bestIndex(int tableId, int info, int pzErr) {
        try {
            tables.get(tableId).bestIndex(new IndexInfoView(nat, info));
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, pzErr);
        }
    }

    int disconnect(int tableId, int destroy) {
        Vtab table = tables.remove(tableId);
        try {
            table.disconnect(destroy != 0);
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, 0);
        }
    }

    int open(int tableId, int pCursorId, int pzErr) {
        try {
            VtabCursor cursor = tables.get(tableId).open();
            int id = nextId++;
            cursors.put(id, cursor);
            nat.writeInt(pCursorId, id);
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, pzErr);
        }
    }

    int close(int cursorId) {
        try {
            cursors.remove(cursorId).close();
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, 0);
        }
    }

    int filter(int cursorId, int idxNum, int idxStr, int argc, int argv, int pzErr) {
        try {
            cursors.get(cursorId).filter(idxNum, nat.readCString(idxStr), new CallContext(nat, 0, argc, argv));
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, pzErr);
        }
    }

    int next(int cursorId, int pzErr) {
        try {
            cursors.get(cursorId).next();
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, pzErr);
        }
    }

    /** xEof cannot fail: an exception ends the scan and surfaces as the statement's error. */
    int eof(int cursorId) {
        try {
            return cursors.get(cursorId).eof() ? 1 : 0;
        } catch (Throwable t) {
            callbacks.remember(t);
            return 1;
        }
    }

    int column(int cursorId, int ctx, int i) {
        CallContext call = new CallContext(nat, ctx, 0, 0);
        try {
            cursors.get(cursorId).column(i, call);
        } catch (Throwable t) {
            call.fail(t);
            callbacks.remember(t);
        }
        return ResultCode.OK;
    }

    int rowid(int cursorId, int pRowid, int pzErr) {
        try {
            nat.writeLong(pRowid, cursors.get(cursorId).rowid());
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, pzErr);
        }
    }

    int update(int tableId, int argc, int argv, int pRowid, int pzErr) {
        try {
            long rowid = tables.get(tableId).update(new CallContext(nat, 0, argc, argv));
            nat.writeLong(pRowid, rowid);
            return ResultCode.OK;
        } catch (Throwable t) {
            return fail(t, pzErr);
        }
    }

    void destroyModule(int moduleId) {
        modules.remove(moduleId);
    }
}
