package dev.sqlink.jdbc.ext.wasm;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import dev.sqlink.spi.CapabilityDeniedException;
import dev.sqlink.spi.HostServices;
import dev.sqlink.spi.SqlArguments;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One wasm extension on one connection: its own Chicory instance (its own memory, separate
 * from SQLite's), the boundary every call crosses, and the limits on each call. A call that
 * traps, runs out of time or memory, or is refused a host service fails with a
 * {@link WasmCallException}; the instance is then retired (its state is unknown) and the next
 * call gets a fresh one, so the connection stays usable.
 *
 * <p>Not thread-safe, and need not be: SQLite calls a connection's functions under that
 * connection's lock, one at a time.
 */
final class ExtensionRuntime {
    private final CompiledModule compiled;
    private final String who;
    private final WasmLimits limits;
    private final HostServices host;
    private final PendingResult pending = new PendingResult();
    private final CallWatchdog.Guard guard = new CallWatchdog.Guard();
    private final Map<String, ExportFunction> exports = new HashMap<>();

    private Instance instance;
    private int bufferPointer;
    private int bufferSize;
    private int nextGroup = 1;

    /**
     * @param who how messages name the extension, e.g. "extension 'stats'"
     * @param host the connection's granted services; null for none at all
     */
    ExtensionRuntime(CompiledModule compiled, String who, WasmLimits limits, HostServices host) {
        this.compiled = compiled;
        this.who = who;
        this.limits = limits;
        this.host = host;
    }

    PendingResult pending() {
        return pending;
    }

    /** A fresh id for one aggregate group (the ABI's context id). */
    int newGroup() {
        return nextGroup++;
    }

    /** Creates the instance now, so a module that cannot start fails the connection at open. */
    void start() {
        instance();
    }

    private Instance instance() {
        if (instance == null) {
            guarded("its start-up", () -> {
                Instance created = compiled.instantiate(HostImports.build(compiled.module, pending, host), limits, who);
                instance = created;
                if (created.exports().function(WasmAbi.INITIALIZE_EXPORT) != null) {
                    created.export(WasmAbi.INITIALIZE_EXPORT).apply();
                }
                return null;
            });
        }
        return instance;
    }

    /** The current instance, for load-time checks of its exports and reading its memory. */
    Instance instanceForChecks() {
        return instance();
    }

    private ExportFunction export(String name) {
        ExportFunction f = exports.get(name);
        if (f == null) {
            f = instance().export(name);
            exports.put(name, f);
        }
        return f;
    }

    /** Calls export {@code name} (checked to exist with the right type at load) under the limits. */
    long[] call(String name, long... args) {
        ExportFunction f = export(name);
        return guarded(name, () -> f.apply(args));
    }

    /** Writes the arguments where the module's {@code sqlink_buffer} says, as ABI records; returns argv. */
    int writeArguments(SqlArguments args) {
        int n = args.count();
        byte[][] data = new byte[n][];
        int size = n * WasmAbi.VALUE_SIZE;
        for (int i = 0; i < n; i++) {
            switch (args.type(i)) {
                case TEXT:
                    data[i] = args.getText(i).getBytes(StandardCharsets.UTF_8);
                    size += data[i].length + 1; // C code may rely on the NUL
                    break;
                case BLOB:
                    data[i] = args.getBlob(i);
                    size += data[i].length;
                    break;
                default:
                    break;
            }
        }
        if (size == 0) {
            return 0;
        }
        int argv = buffer(size);
        Memory m = instance.memory();
        int at = argv + n * WasmAbi.VALUE_SIZE;
        for (int i = 0; i < n; i++) {
            int record = argv + i * WasmAbi.VALUE_SIZE;
            switch (args.type(i)) {
                case INTEGER:
                    m.writeI32(record, WasmAbi.TYPE_INTEGER);
                    m.writeI32(record + 4, 0);
                    m.writeLong(record + 8, args.getLong(i));
                    break;
                case FLOAT:
                    m.writeI32(record, WasmAbi.TYPE_FLOAT);
                    m.writeI32(record + 4, 0);
                    m.writeF64(record + 8, args.getDouble(i));
                    break;
                case TEXT:
                case BLOB:
                    m.writeI32(record, args.type(i) == dev.sqlink.spi.SqlType.TEXT ? WasmAbi.TYPE_TEXT : WasmAbi.TYPE_BLOB);
                    m.writeI32(record + 4, data[i].length);
                    m.writeLong(record + 8, at);
                    m.write(at, data[i]);
                    at += data[i].length;
                    if (args.type(i) == dev.sqlink.spi.SqlType.TEXT) {
                        m.writeByte(at++, (byte) 0);
                    }
                    break;
                default:
                    m.writeI32(record, WasmAbi.TYPE_NULL);
                    m.writeI32(record + 4, 0);
                    m.writeLong(record + 8, 0);
                    break;
            }
        }
        return argv;
    }

    /** Two strings side by side in the buffer, for a collation; returns {aPtr, aLen, bPtr, bLen}. */
    long[] writePair(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int p = buffer(Math.max(1, x.length + y.length));
        instance.memory().write(p, x);
        instance.memory().write(p + x.length, y);
        return new long[] {p, x.length, p + x.length, y.length};
    }

    /** At least {@code size} bytes of the module's scratch buffer, reused while it is big enough. */
    private int buffer(int size) {
        if (size > bufferSize || instance == null) {
            int want = Math.max(size, 256);
            long[] r = call(WasmAbi.BUFFER_EXPORT, want);
            int p = (int) r[0];
            if (p == 0) {
                throw new WasmCallException(who + " could not allocate " + want + " bytes for arguments (sqlink_buffer"
                        + " returned 0); its memory limit is " + limits.memoryMb() + " MiB (wasm_memory_limit_mb)");
            }
            bufferPointer = p;
            bufferSize = want;
        }
        return bufferPointer;
    }

    /** Throws the error the extension reported with {@code result_error}, if any. */
    void throwReportedError(String function) {
        String error = pending.error();
        pending.reset();
        if (error != null) {
            throw new WasmCallException(error);
        }
    }

    private interface Body {
        long[] run();
    }

    /**
     * Runs wasm code under the time limit and turns every way it can fail into a
     * {@link WasmCallException}, retiring the instance. An interrupt that was pending before the
     * call (someone cancelling the statement) is kept for SQLite to see afterwards; the one the
     * watchdog delivered is cleared before returning, so it can never reach SQLite's engine.
     */
    private long[] guarded(String function, Body body) {
        boolean interruptedBefore = Thread.interrupted();
        guard.arm(limits.callTimeoutMillis());
        try {
            return body.run();
        } catch (ChicoryInterruptedException e) {
            boolean timedOut = guard.disarm();
            retire();
            if (timedOut) {
                throw new WasmCallException(who + ": " + function + " ran longer than the time limit of "
                        + limits.callTimeoutMillis() + " ms and was stopped (raise wasm_call_timeout_ms if it needs"
                        + " longer); the extension was reset", e);
            }
            interruptedBefore = true; // not ours: pass the interrupt on
            throw new WasmCallException(who + ": " + function + " was interrupted", e);
        } catch (CapabilityDeniedException e) {
            retire();
            throw new WasmCallException(e.getMessage(), e);
        } catch (WasmCallException e) {
            retire();
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Traps (ChicoryException), bad pointers handed to imports, anything else: the
            // instance's state is unknown from here on.
            String memory = memoryNote();
            retire();
            throw new WasmCallException(who + ": " + function + " failed (" + e + ")" + memory
                    + "; the extension was reset", e);
        } finally {
            if (guard.disarm()) {
                Thread.interrupted(); // the watchdog's interrupt: consumed here, never seen by SQLite
            }
            if (interruptedBefore) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * After a trap: how full the memory was, when that is the likely cause. (A refused
     * memory.grow is invisible to the host; the module sees -1 and usually traps soon after.)
     */
    private String memoryNote() {
        if (instance == null) {
            return "";
        }
        int pages = instance.memory().pages();
        if (pages * 2 < limits.memoryPages()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, " with its memory at %.1f MiB of the limit of %d MiB: it probably ran"
                + " out of memory (raise wasm_memory_limit_mb if it needs more)", pages / 16.0, limits.memoryMb());
    }

    /** Drops the instance after a failure: its memory may hold half-done state. */
    private void retire() {
        instance = null;
        exports.clear();
        bufferSize = 0;
        pending.reset();
    }
}
