package dev.sqlink.jdbc.ext.wasm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.Import;
import dev.sqlink.spi.HostServices;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sqlink} host functions one instance links to: results go to a
 * {@link PendingResult}, services go through the connection's {@link HostServices}, which
 * checks the grants on every call. Only the functions the module imports are linked; which
 * ones it may import at all was checked when it was loaded ({@link ModuleCompiler}).
 */
final class HostImports {
    private HostImports() {}

    /**
     * @param host the granted services, or null while the manifest is read (no service then)
     */
    static ImportValues build(WasmModule module, PendingResult result, HostServices host) {
        List<HostFunction> functions = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            if (imp instanceof FunctionImport) {
                String name = imp.name();
                functions.add(new HostFunction(WasmAbi.IMPORT_MODULE, name, WasmAbi.IMPORTS.get(name).type,
                        handle(name, result, host)));
            }
        }
        return ImportValues.builder().withFunctions(new ArrayList<>(functions)).build();
    }

    private static WasmFunctionHandle handle(String name, PendingResult result, HostServices host) {
        switch (name) {
            case "result_null": return (inst, args) -> {
                result.setNull();
                return null;
            };
            case "result_int": return (inst, args) -> {
                result.setInteger(args[0]);
                return null;
            };
            case "result_double": return (inst, args) -> {
                result.setDouble(Double.longBitsToDouble(args[0]));
                return null;
            };
            case "result_text": return (inst, args) -> {
                result.setText(bytes(inst, args[0], args[1]));
                return null;
            };
            case "result_blob": return (inst, args) -> {
                result.setBlob(bytes(inst, args[0], args[1]));
                return null;
            };
            case "result_error": return (inst, args) -> {
                result.setError(bytes(inst, args[0], args[1]));
                return null;
            };
            case "clock_millis": return (inst, args) -> new long[] {services(host).clock().millis()};
            case "random_fill": return (inst, args) -> {
                byte[] b = new byte[length(args[1])];
                services(host).random().nextBytes(b);
                inst.memory().write((int) args[0], b);
                return null;
            };
            case "env_get": return (inst, args) -> {
                String value = services(host).environment(string(inst, args[0], args[1]));
                return new long[] {value == null ? -1 : copyOut(inst, value.getBytes(StandardCharsets.UTF_8),
                        args[2], args[3])};
            };
            case "fs_size": return (inst, args) -> new long[] {fileSize(services(host), string(inst, args[0], args[1]))};
            case "fs_read": return (inst, args) -> new long[] {readFile(inst, services(host),
                    string(inst, args[0], args[1]), args[2], (int) args[3], length(args[4]))};
            case "fs_write": return (inst, args) -> {
                HostServices h = services(host);
                String path = string(inst, args[0], args[1]);
                byte[] data = bytes(inst, args[2], args[3]);
                try (var out = h.files().openWrite(path, args[4] != 0)) {
                    out.write(data);
                    return new long[] {0};
                } catch (IOException e) {
                    return new long[] {-1};
                }
            };
            default: throw new IllegalArgumentException(name); // WasmAbi.IMPORTS and this switch agree
        }
    }

    private static HostServices services(HostServices host) {
        if (host == null) {
            throw new IllegalStateException("host services are not available while the manifest is read");
        }
        return host;
    }

    private static int length(long len) {
        if (len < 0 || len > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("negative or oversized length " + len + " passed to a sqlink import");
        }
        return (int) len;
    }

    private static byte[] bytes(Instance inst, long ptr, long len) {
        return inst.memory().readBytes((int) ptr, length(len));
    }

    private static String string(Instance inst, long ptr, long len) {
        return new String(bytes(inst, ptr, len), StandardCharsets.UTF_8);
    }

    /** Copies {@code value} to {@code dst} if it fits in {@code cap}; returns its full length either way. */
    private static int copyOut(Instance inst, byte[] value, long dst, long cap) {
        if (value.length <= length(cap)) {
            inst.memory().write((int) dst, value);
        }
        return value.length;
    }

    private static long fileSize(HostServices host, String path) {
        try (InputStream in = host.files().openRead(path)) {
            return in.skip(Long.MAX_VALUE);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int readFile(Instance inst, HostServices host, String path, long offset, int dst, int cap) {
        Memory memory = inst.memory();
        try (InputStream in = host.files().openRead(path)) {
            if (offset < 0 || in.skip(offset) < offset) {
                return 0;
            }
            byte[] b = in.readNBytes(cap);
            memory.write(dst, b);
            return b.length;
        } catch (IOException e) {
            return -1;
        }
    }
}
