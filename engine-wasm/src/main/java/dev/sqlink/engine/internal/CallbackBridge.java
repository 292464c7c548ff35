package dev.sqlink.engine.internal;

import dev.sqlink.engine.Aggregate;
import dev.sqlink.engine.Hooks;
import dev.sqlink.engine.ScalarFunction;
import dev.sqlink.engine.WindowAggregate;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the callback imports of one connection: finds the Java object behind the integer
 * id the C trampoline passes and calls it. Java exceptions never unwind through wasm: a
 * function's exception becomes its SQL error, a hook's is remembered and reported by the
 * connection after the statement.
 */
public final class CallbackBridge {
    private static final int AGGREGATE_SLOT = 8;

    private final Map<Integer, Object> registry = new HashMap<>();
    private final Map<Integer, Aggregate> aggregates = new HashMap<>();
    private int nextId = 1;
    private int nextAggregateId = 1;
    private Native nat;

    private Hooks.CommitHook commitHook;
    private Runnable rollbackHook;
    private Hooks.UpdateHook updateHook;
    private Hooks.PreupdateHook preupdateHook;
    private Hooks.Authorizer authorizer;
    private Hooks.ProgressHandler progressHandler;
    private Hooks.BusyHandler busyHandler;
    private Hooks.TraceHandler traceHandler;
    private RuntimeException hookFailure;

    void bind(Native nat) {
        this.nat = nat;
    }

    /** Keeps a callback object alive and returns the id the C side will pass back. */
    public int register(Object callback) {
        int id = nextId++;
        registry.put(id, callback);
        return id;
    }

    /** The first exception a hook threw since the last call, or null; clears it. */
    public RuntimeException takeHookFailure() {
        RuntimeException f = hookFailure;
        hookFailure = null;
        return f;
    }

    /** A user function threw: its statement fails with SQL error text, and the exception becomes the cause. */
    private void failed(CallContext call, Throwable t) {
        call.fail(t);
        hookFailed(t);
    }

    /** Keeps {@code t} as the cause of the statement's error (virtual table callbacks use this too). */
    void remember(Throwable t) {
        hookFailed(t);
    }

    private void hookFailed(Throwable t) {
        if (hookFailure == null) {
            hookFailure = t instanceof RuntimeException ? (RuntimeException) t : new RuntimeException(t);
        }
    }

    public void setCommitHook(Hooks.CommitHook h) {
        commitHook = h;
    }

    public void setRollbackHook(Runnable h) {
        rollbackHook = h;
    }

    public void setUpdateHook(Hooks.UpdateHook h) {
        updateHook = h;
    }

    public void setPreupdateHook(Hooks.PreupdateHook h) {
        preupdateHook = h;
    }

    public void setAuthorizer(Hooks.Authorizer h) {
        authorizer = h;
    }

    public void setProgressHandler(Hooks.ProgressHandler h) {
        progressHandler = h;
    }

    public void setBusyHandler(Hooks.BusyHandler h) {
        busyHandler = h;
    }

    public void setTraceHandler(Hooks.TraceHandler h) {
        traceHandler = h;
    }

    // ------------------------------------------------------------------ functions

    void func(int id, int ctx, int argc, int argv) {
        CallContext call = new CallContext(nat, ctx, argc, argv);
        try {
            ((ScalarFunction) registry.get(id)).apply(call, call);
        } catch (Throwable t) {
            failed(call, t);
        }
    }

    @SuppressWarnings("unchecked")
    private Aggregate aggregate(int id, int ctx, boolean create) {
        int slot = nat.aggregateContext(ctx, create ? AGGREGATE_SLOT : 0);
        if (slot == 0) {
            return create ? null : ((Supplier<? extends Aggregate>) registry.get(id)).get();
        }
        int key = nat.readInt(slot);
        if (key == 0) {
            key = nextAggregateId++;
            if (key == 0) {
                key = nextAggregateId++;
            }
            nat.writeInt(slot, key);
            aggregates.put(key, ((Supplier<? extends Aggregate>) registry.get(id)).get());
        }
        return aggregates.get(key);
    }

    private void releaseAggregate(int ctx) {
        int slot = nat.aggregateContext(ctx, 0);
        if (slot != 0) {
            aggregates.remove(nat.readInt(slot));
        }
    }

    void step(int id, int ctx, int argc, int argv) {
        CallContext call = new CallContext(nat, ctx, argc, argv);
        try {
            Aggregate a = aggregate(id, ctx, true);
            if (a == null) {
                throw new OutOfWasmMemoryException(AGGREGATE_SLOT);
            }
            a.step(call);
        } catch (Throwable t) {
            failed(call, t);
        }
    }

    void finish(int id, int ctx) {
        CallContext call = new CallContext(nat, ctx, 0, 0);
        try {
            aggregate(id, ctx, false).finish(call);
        } catch (Throwable t) {
            failed(call, t);
        } finally {
            releaseAggregate(ctx);
        }
    }

    void value(int id, int ctx) {
        CallContext call = new CallContext(nat, ctx, 0, 0);
        try {
            ((WindowAggregate) aggregate(id, ctx, true)).value(call);
        } catch (Throwable t) {
            failed(call, t);
        }
    }

    void inverse(int id, int ctx, int argc, int argv) {
        CallContext call = new CallContext(nat, ctx, argc, argv);
        try {
            ((WindowAggregate) aggregate(id, ctx, true)).inverse(call);
        } catch (Throwable t) {
            failed(call, t);
        }
    }

    void destroyFunction(int id) {
        registry.remove(id);
    }

    @SuppressWarnings("unchecked")
    int collate(int id, int n1, int p1, int n2, int p2) {
        try {
            String a = nat.memory.readString(p1, n1, StandardCharsets.UTF_8);
            String b = nat.memory.readString(p2, n2, StandardCharsets.UTF_8);
            return Integer.signum(((Comparator<String>) registry.get(id)).compare(a, b));
        } catch (Throwable t) {
            hookFailed(t);
            return 0;
        }
    }

    void destroyCollation(int id) {
        registry.remove(id);
    }

    // ------------------------------------------------------------------ hooks

    int commit(int id) {
        try {
            return commitHook != null && commitHook.onCommit() ? 1 : 0;
        } catch (Throwable t) {
            hookFailed(t);
            return 1; // a failing commit hook vetoes: safer than committing unseen
        }
    }

    void rollback(int id) {
        try {
            if (rollbackHook != null) {
                rollbackHook.run();
            }
        } catch (Throwable t) {
            hookFailed(t);
        }
    }

    void update(int id, int op, int zDb, int zTbl, long rowid) {
        try {
            if (updateHook != null) {
                updateHook.onUpdate(op, nat.readCString(zDb), nat.readCString(zTbl), rowid);
            }
        } catch (Throwable t) {
            hookFailed(t);
        }
    }

    void preupdate(int id, int db, int op, int zDb, int zTbl, long oldRowid, long newRowid) {
        try {
            if (preupdateHook != null) {
                preupdateHook.onPreupdate(new PreupdateView(nat, db, op, nat.readCString(zDb), nat.readCString(zTbl),
                        oldRowid, newRowid));
            }
        } catch (Throwable t) {
            hookFailed(t);
        }
    }

    int authorize(int id, int action, int a1, int a2, int a3, int a4) {
        try {
            if (authorizer == null) {
                return Hooks.Authorizer.OK;
            }
            return authorizer.authorize(action, nat.readCString(a1), nat.readCString(a2), nat.readCString(a3),
                    nat.readCString(a4));
        } catch (Throwable t) {
            hookFailed(t);
            return Hooks.Authorizer.DENY; // fail closed
        }
    }

    int progress(int id) {
        try {
            return progressHandler != null && progressHandler.onProgress() ? 1 : 0;
        } catch (Throwable t) {
            hookFailed(t);
            return 1;
        }
    }

    int busy(int id, int count) {
        try {
            return busyHandler != null && busyHandler.retry(count) ? 1 : 0;
        } catch (Throwable t) {
            hookFailed(t);
            return 0;
        }
    }

    int trace(int id, int mask, int p, int x) {
        try {
            if (traceHandler == null) {
                return 0;
            }
            if (mask == 1) { // SQLITE_TRACE_STMT: x is the SQL text
                traceHandler.onTrace(nat.readCString(x), -1);
            } else if (mask == 2) { // SQLITE_TRACE_PROFILE: x points at the run time in ns
                traceHandler.onTrace(nat.sql(p), nat.readLong(x));
            }
        } catch (Throwable t) {
            hookFailed(t);
        }
        return 0;
    }
}
