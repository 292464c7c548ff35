import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits oversized wasm functions into several smaller ones, so that every function Chicory's
 * build-time compiler turns into a JVM method stays under HotSpot's HugeMethodLimit (8000 bytes
 * of bytecode) and is JIT-compiled with default JVM flags.
 *
 * <p>Run by {@code build.sh} on the linked module ({@code java SplitHugeFunctions.java IN OUT
 * [maxBodyBytes] [--first NAMES.txt]...}); needs only a JDK 17. The output is a deterministic
 * function of the input. With {@code --first}, the split module's functions are then reordered
 * so that the listed ones come first (see {@link StartupOrder}).
 *
 * <p>How a region is outlined. A region is a run of consecutive complete statements of one block
 * body (each statement starts and ends with an empty operand stack). It becomes a new function:
 * <ul>
 *   <li>locals the region reads while live on entry, and locals it writes that are live after
 *       it, are passed in as parameters (liveness is computed on the function's control flow);
 *   <li>written locals that are live after the region come back as the new function's results
 *       (multi-value, the exit code last); inputs beyond the parameter limit come in through a
 *       pool of mutable "transfer" globals the caller sets just before the call;
 *   <li>branches leaving the region (to enclosing blocks or loops) become exit codes the new
 *       function returns; the call site dispatches them with a br_table to the same labels;
 *   <li>{@code return} becomes its own exit code, with the value passed in a global.
 * </ul>
 * A function built around a big switch on a byte (the VDBE's opcode loop) is first rebuilt into a
 * two-level dispatch whose case groups are outlined whole (see {@link CaseGroups}).
 *
 * <p>New functions and globals are appended after the existing ones, so splitting changes no
 * existing index and copies every other section byte for byte (DWARF sections, stale after
 * rewriting code, are dropped; the name section gains names like {@code sqlite3VdbeExec$split3}).
 * Only the start-up order renumbers functions, and it rewrites every reference it does.
 */
public final class SplitHugeFunctions {
    /** Wasm body size (bytes) above which a function is split; JVM bytecode is ~1.1-1.3x. */
    static final int DEFAULT_MAX_BODY = 3000;

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>(List.of(args));
        List<List<String>> firstTiers = new ArrayList<>();
        for (int option; (option = positional.indexOf("--first")) >= 0 && option + 1 < positional.size(); ) {
            firstTiers.add(StartupOrder.read(Path.of(positional.get(option + 1))));
            positional.subList(option, option + 2).clear();
        }
        List<DirectCalls.Pair> directCalls = new ArrayList<>();
        for (int option; (option = positional.indexOf("--direct-calls")) >= 0 && option + 1 < positional.size(); ) {
            directCalls.addAll(DirectCalls.read(Path.of(positional.get(option + 1))));
            positional.subList(option, option + 2).clear();
        }
        if (positional.size() < 2 || positional.size() > 3) {
            System.err.println("usage: java SplitHugeFunctions.java IN.wasm OUT.wasm [maxBodyBytes] [--first NAMES.txt]..."
                    + " [--direct-calls PAIRS.txt]");
            System.exit(2);
        }
        int maxBody = positional.size() == 3 ? Integer.parseInt(positional.get(2)) : DEFAULT_MAX_BODY;
        WasmModule module = WasmModule.parse(Files.readAllBytes(Path.of(positional.get(0))));
        Splitter splitter = new Splitter(module, maxBody);
        splitter.run();
        splitter.report(System.out); // before reordering: the report names functions by index
        if (!directCalls.isEmpty()) {
            DirectCalls.apply(module, directCalls).report(System.out);
        }
        if (!firstTiers.isEmpty()) {
            StartupOrder.apply(module, firstTiers).report(System.out);
        }
        Files.write(Path.of(positional.get(1)), module.encode());
        if (!splitter.leftOver().isEmpty()) {
            System.exit(1);
        }
    }
}

final class ValType {
    static final int I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C, EMPTY_BLOCK = 0x40;

    static int slots(int type) {
        return type == I64 || type == F64 ? 2 : 1;
    }

    private ValType() {}
}

/** A cursor over wasm bytes: LEB128 integers and raw bytes. */
final class WasmReader {
    final byte[] bytes;
    int pos;

    WasmReader(byte[] bytes, int pos) {
        this.bytes = bytes;
        this.pos = pos;
    }

    int u8() {
        return bytes[pos++] & 0xFF;
    }

    int u32() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return (int) result;
    }

    long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    String name() {
        int len = u32();
        String s = new String(bytes, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    byte[] slice(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }
}

/** Builds wasm bytes. */
final class WasmWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WasmWriter u8(int b) {
        out.write(b);
        return this;
    }

    WasmWriter u32(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    WasmWriter sleb(long v) {
        boolean more = true;
        while (more) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            more = !((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0));
            out.write(more ? b | 0x80 : b);
        }
        return this;
    }

    WasmWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    WasmWriter name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u32(b.length).bytes(b);
    }

    /** Appends {@code content} prefixed by its length. */
    WasmWriter sized(byte[] content) {
        return u32(content.length).bytes(content);
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}

/** A function signature. */
record FuncType(List<Integer> params, List<Integer> results) {}

/**
 * One decoded instruction. Immediates the splitter rewrites (labels, locals, block types,
 * function and global indices) are decoded; the others are kept as raw bytes.
 */
final class Instr {
    static final int UNREACHABLE = 0x00, BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05,
            END = 0x0B, BR = 0x0C, BR_IF = 0x0D, BR_TABLE = 0x0E, RETURN = 0x0F, CALL = 0x10,
            CALL_INDIRECT = 0x11, DROP = 0x1A, SELECT = 0x1B, LOCAL_GET = 0x20, LOCAL_SET = 0x21,
            LOCAL_TEE = 0x22, GLOBAL_GET = 0x23, GLOBAL_SET = 0x24, I32_CONST = 0x41, I32_EQ = 0x46,
            I32_LT_U = 0x49, I32_ADD = 0x6A,
            PREFIX_FC = 0xFC;

    final int op; // for 0xFC-prefixed instructions: 0xFC00 | sub-opcode
    final long imm; // label depth, local/global/function/type index, block type, constant
    final int[] labels; // br_table targets (the default is imm)
    final byte[] raw; // other immediates, verbatim

    Instr(int op, long imm, int[] labels, byte[] raw) {
        this.op = op;
        this.imm = imm;
        this.labels = labels;
        this.raw = raw;
    }

    static Instr of(int op) {
        return new Instr(op, 0, null, null);
    }

    static Instr of(int op, long imm) {
        return new Instr(op, imm, null, null);
    }

    Instr withImm(long newImm) {
        return new Instr(op, newImm, labels, raw);
    }

    boolean opensBlock() {
        return op == BLOCK || op == LOOP || op == IF;
    }

    /** Whether control never goes on to the next instruction. */
    boolean endsFlow() {
        return op == BR || op == BR_TABLE || op == RETURN || op == UNREACHABLE;
    }

    static Instr decode(WasmReader r) {
        int op = r.u8();
        switch (op) {
            case BLOCK: case LOOP: case IF: {
                int bt = r.u8();
                if (bt != ValType.EMPTY_BLOCK && bt != ValType.I32 && bt != ValType.I64
                        && bt != ValType.F32 && bt != ValType.F64) {
                    throw new IllegalStateException("unsupported block type " + bt + " (multi-value is not enabled)");
                }
                return of(op, bt);
            }
            case BR: case BR_IF: case LOCAL_GET: case LOCAL_SET: case LOCAL_TEE:
            case GLOBAL_GET: case GLOBAL_SET: case CALL:
                return of(op, r.u32() & 0xFFFFFFFFL);
            case BR_TABLE: {
                int n = r.u32();
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = r.u32();
                }
                return new Instr(op, r.u32(), labels, null);
            }
            case CALL_INDIRECT: {
                int type = r.u32();
                int table = r.u32();
                return new Instr(op, type, new int[] {table}, null);
            }
            case I32_CONST: case 0x42:
                return of(op, r.sleb());
            case PREFIX_FC: {
                int sub = r.u32();
                int start = r.pos;
                switch (sub) {
                    case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: break;
                    case 8: r.u32(); r.u8(); break; // memory.init data, mem
                    case 9: r.u32(); break; // data.drop
                    case 10: r.u8(); r.u8(); break; // memory.copy
                    case 11: r.u8(); break; // memory.fill
                    default: throw new IllegalStateException("unsupported 0xFC instruction " + sub);
                }
                return new Instr(0xFC00 | sub, 0, null, r.slice(start, r.pos));
            }
            default: {
                int start = r.pos;
                if (op >= 0x28 && op <= 0x3E) { // loads and stores: memarg
                    r.u32();
                    r.u32();
                } else if (op == 0x3F || op == 0x40) {
                    r.u8();
                } else if (op == 0x43) {
                    r.pos += 4;
                } else if (op == 0x44) {
                    r.pos += 8;
                } else if (!(op == UNREACHABLE || op == 0x01 || op == ELSE || op == END || op == RETURN
                        || op == DROP || op == SELECT || (op >= 0x45 && op <= 0xC4))) {
                    throw new IllegalStateException("unsupported opcode 0x" + Integer.toHexString(op));
                }
                return new Instr(op, 0, null, start == r.pos ? null : r.slice(start, r.pos));
            }
        }
    }

    void encode(WasmWriter w) {
        if (op >= 0xFC00) {
            w.u8(PREFIX_FC).u32(op & 0xFF).bytes(raw);
            return;
        }
        w.u8(op);
        switch (op) {
            case BLOCK: case LOOP: case IF: w.u8((int) imm); break;
            case BR: case BR_IF: case LOCAL_GET: case LOCAL_SET: case LOCAL_TEE:
            case GLOBAL_GET: case GLOBAL_SET: case CALL: w.u32(imm); break;
            case BR_TABLE:
                w.u32(labels.length);
                for (int l : labels) {
                    w.u32(l);
                }
                w.u32(imm);
                break;
            case CALL_INDIRECT: w.u32(imm).u32(labels[0]); break;
            case I32_CONST: case 0x42: w.sleb(imm); break;
            default:
                if (raw != null) {
                    w.bytes(raw);
                }
        }
    }

    int encodedSize() {
        WasmWriter w = new WasmWriter();
        encode(w);
        return w.size();
    }
}

/** A defined function: its type, its locals beyond the parameters, and its code. */
final class FunctionBody {
    final int typeIndex;
    final List<Integer> localTypes; // declared locals (not parameters), one entry per local
    List<Instr> code; // including the final end
    byte[] original; // the untouched encoding, reused when the function is not changed
    String name;

    FunctionBody(int typeIndex, List<Integer> localTypes, List<Instr> code, byte[] original) {
        this.typeIndex = typeIndex;
        this.localTypes = localTypes;
        this.code = code;
        this.original = original;
    }

    byte[] encode() {
        if (original != null) {
            return original;
        }
        WasmWriter w = new WasmWriter();
        List<int[]> runs = new ArrayList<>();
        for (int t : localTypes) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == t) {
                runs.get(runs.size() - 1)[0]++;
            } else {
                runs.add(new int[] {1, t});
            }
        }
        w.u32(runs.size());
        for (int[] run : runs) {
            w.u32(run[0]).u8(run[1]);
        }
        for (Instr i : code) {
            i.encode(w);
        }
        return w.toBytes();
    }

    int size() {
        return encode().length;
    }
}

/** The parts of a module the splitter reads and changes; other sections stay verbatim. */
final class WasmModule {
    record Section(int id, byte[] content) {}

    final List<Section> sections = new ArrayList<>();
    final List<FuncType> types = new ArrayList<>();
    final List<Integer> functionTypes = new ArrayList<>(); // imported then defined
    final List<Integer> globalTypes = new ArrayList<>(); // imported then defined
    final List<byte[]> definedGlobals = new ArrayList<>(); // raw entries
    final List<FunctionBody> bodies = new ArrayList<>();
    final Map<Integer, String> names = new HashMap<>();
    int importedFunctions;
    int importedGlobals;
    boolean hasLocalNames; // the name section's local names, keyed by function index
    boolean importsTable;

    static WasmModule parse(byte[] bytes) {
        WasmModule m = new WasmModule();
        WasmReader r = new WasmReader(bytes, 8);
        while (r.pos < bytes.length) {
            int id = r.u8();
            int size = r.u32();
            int start = r.pos;
            byte[] content = r.slice(start, start + size);
            WasmReader s = new WasmReader(content, 0);
            switch (id) {
                case 1: m.parseTypes(s); break;
                case 2: m.parseImports(s); break;
                case 3: for (int n = s.u32(), i = 0; i < n; i++) m.functionTypes.add(s.u32()); break;
                case 6: m.parseGlobals(s); break;
                case 10: m.parseCode(s); break;
                case 0: if ("name".equals(s.name())) m.parseNames(s); break;
                default: break;
            }
            m.sections.add(new Section(id, content));
            r.pos = start + size;
        }
        for (int i = 0; i < m.bodies.size(); i++) {
            m.bodies.get(i).name = m.names.getOrDefault(m.importedFunctions + i, "func" + (m.importedFunctions + i));
        }
        return m;
    }

    private void parseTypes(WasmReader s) {
        for (int n = s.u32(), i = 0; i < n; i++) {
            if (s.u8() != 0x60) {
                throw new IllegalStateException("unsupported type form");
            }
            List<Integer> params = new ArrayList<>();
            for (int k = s.u32(), j = 0; j < k; j++) params.add(s.u8());
            List<Integer> results = new ArrayList<>();
            for (int k = s.u32(), j = 0; j < k; j++) results.add(s.u8());
            types.add(new FuncType(params, results));
        }
    }

    private void parseImports(WasmReader s) {
        for (int n = s.u32(), i = 0; i < n; i++) {
            s.name();
            s.name();
            int kind = s.u8();
            switch (kind) {
                case 0: functionTypes.add(s.u32()); importedFunctions++; break;
                case 1: { s.u8(); int flags = s.u32(); s.u32(); if ((flags & 1) != 0) s.u32(); importsTable = true; break; } // table
                case 2: { int flags = s.u32(); s.u32(); if ((flags & 1) != 0) s.u32(); break; } // memory
                case 3: globalTypes.add(s.u8()); s.u8(); importedGlobals++; break;
                default: throw new IllegalStateException("unsupported import kind " + kind);
            }
        }
    }

    private void parseGlobals(WasmReader s) {
        for (int n = s.u32(), i = 0; i < n; i++) {
            int start = s.pos;
            globalTypes.add(s.u8());
            s.u8();
            Instr ins;
            do {
                ins = Instr.decode(s);
            } while (ins.op != Instr.END);
            definedGlobals.add(s.slice(start, s.pos));
        }
    }

    private void parseCode(WasmReader s) {
        int n = s.u32();
        for (int i = 0; i < n; i++) {
            int size = s.u32();
            int start = s.pos;
            int end = start + size;
            List<Integer> locals = new ArrayList<>();
            for (int runs = s.u32(), j = 0; j < runs; j++) {
                int count = s.u32();
                int type = s.u8();
                for (int k = 0; k < count; k++) locals.add(type);
            }
            List<Instr> code = new ArrayList<>();
            while (s.pos < end) {
                code.add(Instr.decode(s));
            }
            bodies.add(new FunctionBody(functionTypes.get(importedFunctions + i), locals, code, s.slice(start, end)));
        }
    }

    private void parseNames(WasmReader s) {
        while (s.pos < s.bytes.length) {
            int sub = s.u8();
            int size = s.u32();
            int end = s.pos + size;
            if (sub == 1) {
                for (int n = s.u32(), i = 0; i < n; i++) {
                    int idx = s.u32();
                    names.put(idx, s.name());
                }
            } else if (sub == 2) {
                hasLocalNames = true;
            }
            s.pos = end;
        }
    }

    FuncType typeOfFunction(int funcIndex) {
        return types.get(functionTypes.get(funcIndex));
    }

    int typeIndex(FuncType t) {
        int i = types.indexOf(t);
        if (i >= 0) {
            return i;
        }
        types.add(t);
        return types.size() - 1;
    }

    int addGlobal(int type) {
        WasmWriter w = new WasmWriter().u8(type).u8(1);
        switch (type) {
            case ValType.I32: w.u8(0x41).u8(0); break;
            case ValType.I64: w.u8(0x42).u8(0); break;
            case ValType.F32: w.u8(0x43).bytes(new byte[4]); break;
            default: w.u8(0x44).bytes(new byte[8]); break;
        }
        w.u8(Instr.END);
        definedGlobals.add(w.toBytes());
        globalTypes.add(type);
        return globalTypes.size() - 1;
    }

    int addFunction(FunctionBody body) {
        functionTypes.add(body.typeIndex);
        bodies.add(body);
        int index = functionTypes.size() - 1;
        names.put(index, body.name);
        return index;
    }

    byte[] encode() {
        WasmWriter out = new WasmWriter();
        out.bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (Section s : sections) {
            byte[] content = s.content();
            switch (s.id()) {
                case 1: content = encodeTypes(); break;
                case 3: content = encodeFunctions(); break;
                case 6: content = encodeGlobals(); break;
                case 10: content = encodeCode(); break;
                case 0: {
                    String name = new WasmReader(content, 0).name();
                    if (name.startsWith(".debug")) {
                        continue; // code offsets in DWARF no longer hold
                    }
                    if (name.equals("name")) {
                        content = encodeNames(content);
                    }
                    break;
                }
                default: break;
            }
            out.u8(s.id()).sized(content);
        }
        return out.toBytes();
    }

    private byte[] encodeTypes() {
        WasmWriter w = new WasmWriter().u32(types.size());
        for (FuncType t : types) {
            w.u8(0x60).u32(t.params().size());
            t.params().forEach(w::u8);
            w.u32(t.results().size());
            t.results().forEach(w::u8);
        }
        return w.toBytes();
    }

    private byte[] encodeFunctions() {
        WasmWriter w = new WasmWriter().u32(bodies.size());
        for (FunctionBody b : bodies) w.u32(b.typeIndex);
        return w.toBytes();
    }

    private byte[] encodeGlobals() {
        WasmWriter w = new WasmWriter().u32(definedGlobals.size());
        definedGlobals.forEach(w::bytes);
        return w.toBytes();
    }

    private byte[] encodeCode() {
        WasmWriter w = new WasmWriter().u32(bodies.size());
        for (FunctionBody b : bodies) w.sized(b.encode());
        return w.toBytes();
    }

    private byte[] encodeNames(byte[] content) {
        WasmReader r = new WasmReader(content, 0);
        WasmWriter w = new WasmWriter().name(r.name());
        while (r.pos < content.length) {
            int sub = r.u8();
            int size = r.u32();
            int end = r.pos + size;
            if (sub == 1) {
                WasmWriter names1 = new WasmWriter();
                List<Integer> indices = new ArrayList<>(names.keySet());
                Collections.sort(indices);
                names1.u32(indices.size());
                for (int idx : indices) names1.u32(idx).name(names.get(idx));
                w.u8(1).sized(names1.toBytes());
            } else {
                w.u8(sub).sized(r.slice(r.pos, end));
            }
            r.pos = end;
        }
        return w.toBytes();
    }
}

/**
 * Moves the functions a cold start runs to the front of the function index space, right after
 * the imports, and keeps everything else in its order. The functions come in tiers, each a file
 * of function names (from the name section), one per line, {@code #} starting a comment: the
 * first tier's functions come first, then the second's, then all the others.
 *
 * <p>Why: Chicory's build-time compiler puts the compiled functions into JVM classes by index
 * range, and a JVM reads and verifies a class whole before the first call into it. With the
 * start-up functions in the first class, a cold JVM reads and verifies that class only, about a
 * fifth of the bytecode, and the other classes wait for the first statement that needs them
 * (engine-wasm's build sizes the classes; its README says how the lists are made).
 *
 * <p>Renumbering touches every function index in the module: calls in every body, the
 * function and code sections, exports, the start function, element segments and function
 * names. Anything else that could hold one (ref.func, tail calls, local names) the decoder or
 * this pass rejects, so an unsupported module fails the build rather than coming out wrong.
 */
final class StartupOrder {
    private final List<Integer> tierSizes;
    private final List<String> missing;
    private final int first;

    private StartupOrder(List<Integer> tierSizes, List<String> missing, int first) {
        this.tierSizes = tierSizes;
        this.missing = missing;
        this.first = first;
    }

    static List<String> read(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    static StartupOrder apply(WasmModule module, List<List<String>> tiers) {
        if (module.hasLocalNames) {
            throw new IllegalStateException("the name section has local names, which reordering does not renumber");
        }
        int imported = module.importedFunctions;
        int defined = module.bodies.size();
        Map<String, Integer> tierOf = new HashMap<>();
        for (int t = tiers.size() - 1; t >= 0; t--) { // a name in two tiers counts in the earlier
            for (String name : tiers.get(t)) {
                tierOf.put(name, t);
            }
        }
        List<List<Integer>> positions = new ArrayList<>(); // defined positions by tier, then the rest
        for (int t = 0; t <= tiers.size(); t++) {
            positions.add(new ArrayList<>());
        }
        Set<String> found = new HashSet<>();
        for (int b = 0; b < defined; b++) {
            String name = module.bodies.get(b).name;
            Integer tier = tierOf.get(name);
            positions.get(tier == null ? tiers.size() : tier).add(b);
            if (tier != null) {
                found.add(name);
            }
        }
        List<Integer> order = new ArrayList<>();
        positions.forEach(order::addAll);
        int[] newIndex = new int[imported + defined];
        for (int i = 0; i < imported; i++) {
            newIndex[i] = i;
        }
        for (int n = 0; n < defined; n++) {
            newIndex[imported + order.get(n)] = imported + n;
        }

        List<FunctionBody> bodies = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        module.names.forEach((index, name) -> names.put(newIndex[index], name));
        for (int n = 0; n < defined; n++) {
            FunctionBody body = module.bodies.get(order.get(n));
            renumberCalls(body, newIndex);
            bodies.add(body);
            module.functionTypes.set(imported + n, body.typeIndex);
        }
        module.bodies.clear();
        module.bodies.addAll(bodies);
        module.names.clear();
        module.names.putAll(names);
        for (int s = 0; s < module.sections.size(); s++) {
            WasmModule.Section section = module.sections.get(s);
            byte[] content = switch (section.id()) {
                case 7 -> exports(section.content(), newIndex);
                case 8 -> new WasmWriter().u32(newIndex[new WasmReader(section.content(), 0).u32()]).toBytes();
                case 9 -> elements(section.content(), newIndex);
                default -> section.content();
            };
            module.sections.set(s, new WasmModule.Section(section.id(), content));
        }
        List<String> missing = new ArrayList<>(tierOf.keySet());
        missing.removeAll(found);
        Collections.sort(missing);
        List<Integer> tierSizes = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            tierSizes.add(positions.get(t).size());
        }
        return new StartupOrder(tierSizes, missing, imported);
    }

    void report(java.io.PrintStream out) {
        int from = first;
        for (int t = 0; t < tierSizes.size(); t++) {
            out.printf("start-up order: list %d, %d functions moved to indices %d..%d%n", t + 1, tierSizes.get(t), from,
                    from + tierSizes.get(t) - 1);
            from += tierSizes.get(t);
        }
        if (!missing.isEmpty()) {
            // not fatal: after a SQLite upgrade a list may name functions that are gone; the
            // cold-start test reports the cost (a second class loaded) until the lists are remade
            out.printf("  %d listed names are not in the module: %s%n", missing.size(),
                    String.join(", ", missing.subList(0, Math.min(10, missing.size()))));
        }
    }

    private static void renumberCalls(FunctionBody body, int[] newIndex) {
        boolean changed = false;
        List<Instr> code = new ArrayList<>(body.code.size());
        for (Instr in : body.code) {
            if (in.op == Instr.CALL && newIndex[(int) in.imm] != in.imm) {
                code.add(in.withImm(newIndex[(int) in.imm]));
                changed = true;
            } else {
                code.add(in);
            }
        }
        if (changed) {
            body.code = code;
            body.original = null;
        }
    }

    private static byte[] exports(byte[] content, int[] newIndex) {
        WasmReader r = new WasmReader(content, 0);
        int count = r.u32();
        WasmWriter w = new WasmWriter().u32(count);
        for (int i = 0; i < count; i++) {
            w.name(r.name());
            int kind = r.u8();
            int index = r.u32();
            w.u8(kind).u32(kind == 0 ? newIndex[index] : index);
        }
        return w.toBytes();
    }

    /** Element segments of function indices (flags 0-3); segments of expressions are rejected. */
    private static byte[] elements(byte[] content, int[] newIndex) {
        WasmReader r = new WasmReader(content, 0);
        int count = r.u32();
        WasmWriter w = new WasmWriter().u32(count);
        for (int i = 0; i < count; i++) {
            int flags = r.u32();
            w.u32(flags);
            if (flags > 3) {
                throw new IllegalStateException("unsupported element segment (flags " + flags + "): expressions");
            }
            if (flags == 2) {
                w.u32(r.u32()); // table index
            }
            if (flags == 0 || flags == 2) {
                int start = r.pos;
                while (Instr.decode(r).op != Instr.END) {
                    // the offset expression, copied as it is
                }
                w.bytes(r.slice(start, r.pos));
            }
            if (flags != 0) {
                w.u8(r.u8()); // element kind
            }
            int functions = r.u32();
            w.u32(functions);
            for (int f = 0; f < functions; f++) {
                w.u32(newIndex[r.u32()]);
            }
        }
        return w.toBytes();
    }
}

/**
 * Turns the hottest indirect calls into guarded direct calls: for a listed pair of a caller and a
 * target, every {@code call_indirect} in the caller whose type is the target's first compares the
 * table index with the target's slot and calls the target directly when they are equal, and only
 * otherwise makes the indirect call. The pairs come in a file, one {@code caller target} pair of
 * function names per line, {@code #} starting a comment; several targets of one caller are tested
 * in the order listed.
 *
 * <p>Why: Chicory compiles a {@code call_indirect} into a call of a dispatcher per function type,
 * which reads the table through the instance and then searches a switch over every function of
 * that type (458 cases for the commonest), and the JIT can inline neither the dispatcher into the
 * caller nor the target into the dispatcher. SQLite makes such calls on hot paths: the sorter's
 * comparison, an aggregate's step function, a b-tree page's cell parser, the page cache and the
 * allocator. A direct call costs a compare and a static call the JIT may inline.
 *
 * <p>Why it is exact: the module's table is filled once, from its element segments, and nothing
 * changes it afterwards: it is neither imported nor exported, and the code holds no instruction
 * that writes a table ({@link Instr#decode} rejects them all). So the function in a slot is known
 * at build time, and when the index equals the target's slot the indirect call would have called
 * the target, whose type is the call's (only such calls are rewritten). Any other index takes the
 * indirect call as before, with its checks and traps.
 */
final class DirectCalls {
    record Pair(String caller, String target) {}

    private final List<String> rewritten = new ArrayList<>();
    private final List<String> unused = new ArrayList<>();

    static List<Pair> read(Path file) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (String line : StartupOrder.read(file)) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException(file + ": expected \"caller target\", got \"" + line + "\"");
            }
            pairs.add(new Pair(parts[0], parts[1]));
        }
        return pairs;
    }

    static DirectCalls apply(WasmModule module, List<Pair> pairs) {
        Map<Integer, Integer> slots = tableSlots(module);
        Map<String, Integer> byName = new HashMap<>();
        module.names.forEach((index, name) -> byName.putIfAbsent(name, index));
        // caller -> targets, in list order
        Map<Integer, List<Integer>> targets = new LinkedHashMap<>();
        DirectCalls result = new DirectCalls();
        for (Pair pair : pairs) {
            Integer caller = byName.get(pair.caller());
            Integer target = byName.get(pair.target());
            if (caller == null || caller < module.importedFunctions || target == null || !slots.containsKey(target)) {
                result.unused.add(pair.caller() + " -> " + pair.target());
                continue;
            }
            targets.computeIfAbsent(caller, k -> new ArrayList<>()).add(target);
        }
        for (Map.Entry<Integer, List<Integer>> e : targets.entrySet()) {
            FunctionBody body = module.bodies.get(e.getKey() - module.importedFunctions);
            Set<Integer> used = new LinkedHashSet<>();
            int sites = rewrite(module, body, e.getValue(), slots, used);
            if (sites > 0) {
                result.rewritten.add(body.name + " -> " + used.stream().map(module.names::get).toList() + " ("
                        + sites + (sites == 1 ? " call)" : " calls)"));
            }
            e.getValue().stream().filter(t -> !used.contains(t))
                    .forEach(t -> result.unused.add(body.name + " -> " + module.names.get(t)));
        }
        return result;
    }

    /**
     * Function index -> a slot of table 0 that holds it once the element segments are applied
     * (a later segment overwrites an earlier one's slots, as at instantiation).
     */
    private static Map<Integer, Integer> tableSlots(WasmModule module) {
        if (module.importsTable) {
            throw new IllegalStateException("direct calls need a table the module owns; this one imports its table");
        }
        Map<Integer, Integer> contents = new HashMap<>(); // slot -> function
        for (WasmModule.Section section : module.sections) {
            if (section.id() == 7) {
                WasmReader r = new WasmReader(section.content(), 0);
                for (int n = r.u32(), i = 0; i < n; i++) {
                    r.name();
                    int kind = r.u8();
                    r.u32();
                    if (kind == 1) {
                        throw new IllegalStateException("direct calls need a table nobody else can change;"
                                + " this module exports its table");
                    }
                }
            } else if (section.id() == 9) {
                WasmReader r = new WasmReader(section.content(), 0);
                for (int n = r.u32(), i = 0; i < n; i++) {
                    int flags = r.u32();
                    if (flags != 0) {
                        throw new IllegalStateException("unsupported element segment (flags " + flags + ")");
                    }
                    Instr offset = Instr.decode(r);
                    if (offset.op != Instr.I32_CONST || Instr.decode(r).op != Instr.END) {
                        throw new IllegalStateException("unsupported element segment offset: not a constant");
                    }
                    for (int count = r.u32(), k = 0; k < count; k++) {
                        contents.put((int) offset.imm + k, r.u32());
                    }
                }
            }
        }
        Map<Integer, Integer> slots = new HashMap<>();
        contents.forEach((slot, function) -> slots.merge(function, slot, Math::min));
        return slots;
    }

    /** Rewrites the caller's indirect calls that some target can take; returns how many, and adds the targets used. */
    private static int rewrite(WasmModule module, FunctionBody body, List<Integer> targets, Map<Integer, Integer> slots,
            Set<Integer> used) {
        FuncType callerType = module.types.get(body.typeIndex);
        Map<Integer, Integer> scratch = new HashMap<>(); // (position << 8 | value type) -> local
        List<Instr> code = new ArrayList<>(body.code.size());
        int sites = 0;
        for (Instr in : body.code) {
            // the slots are those of table 0, the only table element segments of flags 0 fill
            FuncType type = in.op == Instr.CALL_INDIRECT && in.labels[0] == 0 ? module.types.get((int) in.imm) : null;
            List<Integer> matching = type == null || type.results().size() > 1 ? List.of()
                    : targets.stream().filter(target -> module.typeOfFunction(target).equals(type)).toList();
            if (matching.isEmpty()) {
                code.add(in);
                continue;
            }
            sites++;
            used.addAll(matching);
            int index = scratchLocal(body, callerType, scratch, type.params().size(), ValType.I32);
            int[] args = new int[type.params().size()];
            for (int p = 0; p < args.length; p++) {
                args[p] = scratchLocal(body, callerType, scratch, p, type.params().get(p));
            }
            code.add(Instr.of(Instr.LOCAL_SET, index));
            for (int p = args.length - 1; p >= 0; p--) {
                code.add(Instr.of(Instr.LOCAL_SET, args[p]));
            }
            int blockType = type.results().isEmpty() ? ValType.EMPTY_BLOCK : type.results().get(0);
            for (int target : matching) {
                code.add(Instr.of(Instr.LOCAL_GET, index));
                code.add(Instr.of(Instr.I32_CONST, slots.get(target)));
                code.add(Instr.of(Instr.I32_EQ));
                code.add(Instr.of(Instr.IF, blockType));
                pushAll(code, args);
                code.add(Instr.of(Instr.CALL, target));
                code.add(Instr.of(Instr.ELSE));
            }
            pushAll(code, args);
            code.add(Instr.of(Instr.LOCAL_GET, index));
            code.add(in);
            for (int k = 0; k < matching.size(); k++) {
                code.add(Instr.of(Instr.END));
            }
        }
        if (sites > 0) {
            body.code = code;
            body.original = null;
        }
        return sites;
    }

    private static void pushAll(List<Instr> code, int[] locals) {
        for (int local : locals) {
            code.add(Instr.of(Instr.LOCAL_GET, local));
        }
    }

    /** A new local of the function for one argument position and type, shared by all its rewritten calls. */
    private static int scratchLocal(FunctionBody body, FuncType callerType, Map<Integer, Integer> scratch, int position,
            int valType) {
        return scratch.computeIfAbsent(position << 8 | valType, k -> {
            body.localTypes.add(valType);
            return callerType.params().size() + body.localTypes.size() - 1;
        });
    }

    void report(java.io.PrintStream out) {
        out.printf("direct calls: %d callers rewritten%n", rewritten.size());
        rewritten.forEach(r -> out.println("  " + r));
        if (!unused.isEmpty()) {
            // not fatal, like the start-up lists: a rebuilt module may have renamed a split piece;
            // the call then stays indirect (slower, never wrong) until the list is remade
            out.printf("  %d listed pairs matched no call: %s%n", unused.size(), String.join(", ", unused));
        }
    }
}

/**
 * The block structure of one function: matching ends, and for every block body the list of its
 * complete statements (runs of instructions that start and end with an empty operand stack).
 */
final class FunctionShape {
    static final int FUNCTION_LABEL = -1;

    /** A statement [start, end] (inclusive instruction indices) of a block body. */
    record Statement(int start, int end, boolean endsUnreachable) {}

    /** A block body: its enclosing labels, innermost first (construct index or FUNCTION_LABEL). */
    record Body(int[] labels, List<Statement> statements) {}

    final List<Instr> code;
    final WasmModule module;
    final int[] matchingEnd; // for block/loop/if/else: index of the matching end
    final int[] elseOf; // for if: index of its else or -1
    final List<Body> bodies = new ArrayList<>();

    FunctionShape(WasmModule module, List<Instr> code) {
        this.module = module;
        this.code = code;
        this.matchingEnd = new int[code.size()];
        this.elseOf = new int[code.size()];
        Arrays.fill(elseOf, -1);
        int end = parseBody(0, new int[] {FUNCTION_LABEL});
        if (end != code.size() - 1) {
            throw new IllegalStateException("function does not end at its last instruction");
        }
    }

    /** Parses the body starting at {@code i}; returns the index of the end/else closing it. */
    private int parseBody(int i, int[] labels) {
        List<Statement> statements = new ArrayList<>();
        bodies.add(new Body(labels, statements));
        int height = 0;
        boolean dead = false;
        int start = i;
        while (true) {
            Instr in = code.get(i);
            if (in.op == Instr.END || in.op == Instr.ELSE) {
                return i;
            }
            int last = i;
            boolean stops = false;
            if (in.opensBlock()) {
                if (in.op == Instr.IF) {
                    height--;
                }
                int[] inner = new int[labels.length + 1];
                inner[0] = i;
                System.arraycopy(labels, 0, inner, 1, labels.length);
                int j = parseBody(i + 1, inner);
                if (code.get(j).op == Instr.ELSE) {
                    elseOf[i] = j;
                    int elseStart = j;
                    j = parseBody(j + 1, inner);
                    matchingEnd[elseStart] = j;
                }
                matchingEnd[i] = j;
                height += in.imm == ValType.EMPTY_BLOCK ? 0 : 1;
                last = j;
            } else if (in.endsFlow()) {
                stops = true;
            } else {
                int[] e = effect(in);
                height += e[1] - e[0];
            }
            if (!dead) {
                if (stops) {
                    statements.add(new Statement(start, last, true));
                    dead = true;
                } else if (height == 0) {
                    statements.add(new Statement(start, last, false));
                    start = last + 1;
                } else if (height < 0) {
                    throw new IllegalStateException("operand stack underflow at instruction " + i);
                }
            }
            i = last + 1;
        }
    }

    /** Arity of the label of a construct (loops take no values in MVP wasm). */
    int labelArity(int construct, FuncType functionType) {
        if (construct == FUNCTION_LABEL) {
            return functionType.results().size();
        }
        Instr c = code.get(construct);
        return c.op == Instr.LOOP || c.imm == ValType.EMPTY_BLOCK ? 0 : 1;
    }

    /** {pops, pushes} of a non-control instruction. */
    int[] effect(Instr in) {
        int op = in.op;
        if (op == Instr.CALL || op == Instr.CALL_INDIRECT) {
            FuncType t = op == Instr.CALL ? module.typeOfFunction((int) in.imm) : module.types.get((int) in.imm);
            return new int[] {t.params().size() + (op == Instr.CALL_INDIRECT ? 1 : 0), t.results().size()};
        }
        if (op >= 0xFC00) {
            int sub = op & 0xFF;
            return sub <= 7 ? new int[] {1, 1} : sub == 9 ? new int[] {0, 0} : new int[] {3, 0};
        }
        if (op == 0x01) return new int[] {0, 0};
        if (op == Instr.DROP) return new int[] {1, 0};
        if (op == Instr.SELECT) return new int[] {3, 1};
        if (op == Instr.BR_IF) return new int[] {1, 0};
        if (op == Instr.LOCAL_GET || op == Instr.GLOBAL_GET) return new int[] {0, 1};
        if (op == Instr.LOCAL_SET || op == Instr.GLOBAL_SET) return new int[] {1, 0};
        if (op == Instr.LOCAL_TEE) return new int[] {1, 1};
        if (op >= 0x28 && op <= 0x35) return new int[] {1, 1};
        if (op >= 0x36 && op <= 0x3E) return new int[] {2, 0};
        if (op == 0x3F) return new int[] {0, 1};
        if (op == 0x40) return new int[] {1, 1};
        if (op >= 0x41 && op <= 0x44) return new int[] {0, 1};
        if (op == 0x45 || op == 0x50) return new int[] {1, 1};
        if (op >= 0x46 && op <= 0x66) return new int[] {2, 1};
        if ((op >= 0x67 && op <= 0x69) || (op >= 0x79 && op <= 0x7B) || (op >= 0x8B && op <= 0x91)
                || (op >= 0x99 && op <= 0x9F) || (op >= 0xA7 && op <= 0xC4)) return new int[] {1, 1};
        if ((op >= 0x6A && op <= 0x78) || (op >= 0x7C && op <= 0x8A) || (op >= 0x92 && op <= 0x98)
                || (op >= 0xA0 && op <= 0xA6)) return new int[] {2, 1};
        throw new IllegalStateException("no stack effect known for opcode 0x" + Integer.toHexString(op));
    }

    /** Successor instruction indices of every instruction (the control-flow graph). */
    int[][] successors() {
        int n = code.size();
        int[][] succ = new int[n][];
        int[] stack = new int[n + 1];
        int top = 0;
        for (int i = 0; i < n; i++) {
            Instr in = code.get(i);
            switch (in.op) {
                case Instr.BLOCK: case Instr.LOOP:
                    stack[top++] = i;
                    succ[i] = new int[] {i + 1};
                    break;
                case Instr.IF:
                    stack[top++] = i;
                    succ[i] = new int[] {i + 1, elseOf[i] >= 0 ? elseOf[i] + 1 : matchingEnd[i]};
                    break;
                case Instr.ELSE:
                    succ[i] = new int[] {matchingEnd[i]};
                    break;
                case Instr.END:
                    if (top > 0) top--;
                    succ[i] = i + 1 < n ? new int[] {i + 1} : new int[0];
                    break;
                case Instr.BR:
                    succ[i] = new int[] {target(stack, top, (int) in.imm)};
                    break;
                case Instr.BR_IF:
                    succ[i] = new int[] {target(stack, top, (int) in.imm), i + 1};
                    break;
                case Instr.BR_TABLE: {
                    int[] t = new int[in.labels.length + 1];
                    for (int k = 0; k < in.labels.length; k++) t[k] = target(stack, top, in.labels[k]);
                    t[in.labels.length] = target(stack, top, (int) in.imm);
                    succ[i] = t;
                    break;
                }
                case Instr.RETURN: case Instr.UNREACHABLE:
                    succ[i] = new int[0];
                    break;
                default:
                    succ[i] = new int[] {i + 1};
            }
        }
        return succ;
    }

    private int target(int[] stack, int top, int depth) {
        if (depth >= top) {
            return code.size() - 1; // the function's own label: its final end
        }
        int construct = stack[top - 1 - depth];
        return code.get(construct).op == Instr.LOOP ? construct : matchingEnd[construct];
    }

    /** Locals live on entry to each instruction. */
    BitSet[] liveIn(int[][] succ) {
        int n = code.size();
        BitSet[] in = new BitSet[n];
        for (int i = 0; i < n; i++) in[i] = new BitSet();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                Instr ins = code.get(i);
                BitSet live = new BitSet();
                for (int s : succ[i]) live.or(in[s]);
                if (ins.op == Instr.LOCAL_SET || ins.op == Instr.LOCAL_TEE) {
                    live.clear((int) ins.imm);
                } else if (ins.op == Instr.LOCAL_GET) {
                    live.set((int) ins.imm);
                }
                if (!live.equals(in[i])) {
                    in[i] = live;
                    changed = true;
                }
            }
        }
        return in;
    }
}

/** Outlines regions of oversized functions until every function fits the size limit. */
final class Splitter {
    // Inputs beyond this many travel through transfer globals, and every global access is a
    // call into Chicory's Instance that C2 rarely inlines in these large methods: at 12, the
    // VDBE's per-opcode calls spent ~30% of the time there. C2 on JDK 17 compiles the
    // 28-parameter pieces (plus Memory and Instance) and their callers; measured with -Xcomp.
    private static final int MAX_PARAMS = Integer.getInteger("split.maxParams", 28);
    private static final int MIN_REGION = 48;
    private static final int MAX_OUTLINES = Integer.getInteger("split.maxOutlines", Integer.MAX_VALUE); // for bisecting

    private final WasmModule module;
    private final int maxBody;
    private final int maxRegion;
    private final Map<Integer, List<Integer>> transferGlobals = new HashMap<>();
    private final Map<Integer, Integer> returnGlobals = new HashMap<>();
    private final Map<Integer, Integer> splitCount = new LinkedHashMap<>();
    private final Map<Integer, Integer> sizeBefore = new LinkedHashMap<>();
    private final List<Integer> leftOver = new ArrayList<>();
    private final Map<Integer, String> caseGroupReport = new HashMap<>();
    private final Map<Integer, Integer> bodyLimit = new HashMap<>();
    private int newFunctions;

    Splitter(WasmModule module, int maxBody) {
        this.module = module;
        this.maxBody = maxBody;
        this.maxRegion = maxBody * 7 / 8;
    }

    void run() {
        int original = module.bodies.size();
        for (int b = 0; b < original; b++) {
            int funcIndex = module.importedFunctions + b;
            int size = module.bodies.get(b).size();
            if (size > maxBody) {
                sizeBefore.put(funcIndex, size);
                splitFunction(funcIndex);
            }
        }
        // Outlined functions are not split again: a region is at most 7/8 of the limit, and its
        // exits and transfers add little; anything still far over the limit is reported.
        for (int b = 0; b < module.bodies.size(); b++) {
            int limit = b < original ? bodyLimit.getOrDefault(module.importedFunctions + b, maxBody) : maxBody * 5 / 4;
            if (module.bodies.get(b).size() > limit) {
                leftOver.add(module.importedFunctions + b);
            }
        }
    }

    List<Integer> leftOver() {
        return leftOver;
    }

    void report(java.io.PrintStream out) {
        out.printf("split %d functions over %d bytes into %d new functions%n", sizeBefore.size(), maxBody, newFunctions);
        for (var e : sizeBefore.entrySet()) {
            FunctionBody f = module.bodies.get(e.getKey() - module.importedFunctions);
            out.printf("  %-40s %6d -> %5d bytes, %3d regions outlined%n", f.name, e.getValue(), f.size(),
                    splitCount.getOrDefault(e.getKey(), 0));
            if (caseGroupReport.containsKey(e.getKey())) {
                out.printf("  %-40s switch rebuilt: %s%n", "", caseGroupReport.get(e.getKey()));
            }
        }
        for (int idx : leftOver) {
            out.printf("STILL OVER THE LIMIT: %s%n", module.bodies.get(idx - module.importedFunctions).name);
        }
    }

    private void splitFunction(int funcIndex) {
        FunctionBody f = module.bodies.get(funcIndex - module.importedFunctions);
        // A group of case bodies may be as large as any region the splitter outlines.
        CaseGroups cases = CaseGroups.rebuild(f, module.types.get(f.typeIndex), maxRegion);
        int limit = maxBody;
        if (cases != null) {
            outlineCaseGroups(funcIndex, f, cases);
            // What is left is mostly the dispatch: its tables' entries take 1-2 bytes of wasm
            // but 4 of bytecode, and outlining the dispatch itself would bring back the chain
            // of calls the groups replaced. A sixth more still compiles to under 7000 bytes.
            limit = maxBody * 7 / 6;
            bodyLimit.put(funcIndex, limit);
        }
        Set<Instr> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
        while (f.size() > limit && newFunctions < MAX_OUTLINES) {
            FunctionShape shape = new FunctionShape(module, f.code);
            FuncType type = module.types.get(f.typeIndex);
            Region best = null;
            int[] offset = new int[f.code.size() + 1]; // byte offset of each instruction
            for (int i = 0; i < f.code.size(); i++) offset[i + 1] = offset[i] + f.code.get(i).encodedSize();
            for (FunctionShape.Body body : shape.bodies) {
                List<FunctionShape.Statement> st = body.statements();
                int[] sizes = new int[st.size()];
                boolean[] ok = new boolean[st.size()];
                for (int k = 0; k < st.size(); k++) {
                    sizes[k] = offset[st.get(k).end() + 1] - offset[st.get(k).start()];
                    // too big to outline whole: only its inner bodies are candidates
                    ok[k] = sizes[k] <= maxRegion && outlinable(shape, body, st.get(k), type);
                }
                for (int a = 0; a < st.size(); a++) {
                    if (!ok[a] || rejected.contains(f.code.get(st.get(a).start()))) continue;
                    int total = 0;
                    int b = a;
                    while (b < st.size() && ok[b] && total + sizes[b] <= maxRegion) {
                        total += sizes[b];
                        if (st.get(b).endsUnreachable()) {
                            b++;
                            break;
                        }
                        b++;
                    }
                    // Moving a switch's dispatch out of the function makes every case pay an
                    // extra call and re-dispatch; such regions rank after all others.
                    int score = total;
                    for (int k = a; k < b; k++) if (leavesThroughTable(shape, st.get(k))) score = total - maxRegion;
                    if (b > a && total >= MIN_REGION && (best == null || score > best.size)) {
                        best = new Region(body, a, b - 1, score);
                    }
                }
            }
            if (best == null) {
                return;
            }
            if (System.getenv("SPLIT_TRACE") != null) {
                System.err.printf("%s: %d bytes, region of %d bytes (%d statements)%n", f.name, f.size(), best.size,
                        best.last - best.first + 1);
            }
            // A shorter run of the same statements may still fit when the whole run does not.
            boolean done = false;
            for (int last = best.last; last >= best.first && !done; last--) {
                done = outline(funcIndex, f, shape, type, new Region(best.body, best.first, last, 0));
            }
            if (!done) {
                rejected.add(f.code.get(best.body.statements().get(best.first).start()));
            }
        }
    }

    /** Outlines each group of a rebuilt switch whole (see {@link CaseGroups}). */
    private void outlineCaseGroups(int funcIndex, FunctionBody f, CaseGroups cases) {
        int outlined = 0;
        for (Instr[] span : cases.regions) {
            FunctionShape shape = new FunctionShape(module, f.code);
            int first = indexOf(f.code, span[0]);
            int last = indexOf(f.code, span[1]);
            Region region = null;
            for (FunctionShape.Body body : shape.bodies) {
                List<FunctionShape.Statement> st = body.statements();
                for (int a = 0; a < st.size() && region == null; a++) {
                    if (st.get(a).start() != first) continue;
                    int b = a;
                    while (b + 1 < st.size() && st.get(b + 1).end() <= last) b++;
                    region = new Region(body, a, b, 0);
                }
            }
            if (region != null && outline(funcIndex, f, shape, module.types.get(f.typeIndex), region)) outlined++;
        }
        caseGroupReport.put(funcIndex, String.format("%d case groups, %d kept inline, %d of %d others outlined, %d bytes left",
                cases.groups, cases.inlineGroups, outlined, cases.regions.size(), f.size()));
    }

    private static int indexOf(List<Instr> code, Instr in) {
        for (int i = 0; i < code.size(); i++) if (code.get(i) == in) return i;
        return -1;
    }

    /** Statements first..last of a body; size ranks candidates (their encoded size, less a penalty). */
    private record Region(FunctionShape.Body body, int first, int last, int size) {}

    /** Whether the statement holds a br_table with a target outside the statement. */
    private static boolean leavesThroughTable(FunctionShape shape, FunctionShape.Statement s) {
        int nest = 0;
        for (int i = s.start(); i <= s.end(); i++) {
            Instr in = shape.code.get(i);
            if (in.opensBlock()) nest++;
            else if (in.op == Instr.END) nest--;
            else if (in.op == Instr.BR_TABLE) {
                if (in.imm >= nest) return true;
                for (int d : in.labels) if (d >= nest) return true;
            }
        }
        return false;
    }

    /** Whether every branch leaving the statement can become an exit code. */
    private boolean outlinable(FunctionShape shape, FunctionShape.Body body, FunctionShape.Statement s, FuncType type) {
        int nest = 0;
        for (int i = s.start(); i <= s.end(); i++) {
            Instr in = shape.code.get(i);
            if (in.opensBlock()) nest++;
            else if (in.op == Instr.END) nest--;
            else if (in.op == Instr.BR || in.op == Instr.BR_IF) {
                if (in.imm >= nest) {
                    int label = body.labels()[(int) in.imm - nest];
                    int arity = shape.labelArity(label, type);
                    if (arity > 0 && (in.op == Instr.BR_IF || label != FunctionShape.FUNCTION_LABEL)) return false;
                }
            } else if (in.op == Instr.BR_TABLE) {
                int[] all = Arrays.copyOf(in.labels, in.labels.length + 1);
                all[in.labels.length] = (int) in.imm;
                boolean outward = false;
                for (int d : all) outward |= d >= nest;
                if (outward) {
                    for (int d : all) {
                        int label = d >= nest ? body.labels()[d - nest] : -2;
                        if (label != -2 && shape.labelArity(label, type) > 0) return false;
                    }
                    // inner targets share the arity of the outer ones (validation), so none carry values
                }
            }
        }
        return true;
    }

    private int localType(FunctionBody f, FuncType type, int local) {
        return local < type.params().size() ? type.params().get(local) : f.localTypes.get(local - type.params().size());
    }

    private int transferGlobal(int type, int k) {
        List<Integer> pool = transferGlobals.computeIfAbsent(type, t -> new ArrayList<>());
        while (pool.size() <= k) pool.add(module.addGlobal(type));
        return pool.get(k);
    }

    /**
     * Pairs each input local with a transfer global of its type. The caller sets them just
     * before the call and the callee reads them first thing, so nested or re-entrant calls
     * cannot disturb them.
     */
    private List<int[]> transfers(FunctionBody f, FuncType type, BitSet locals) {
        Map<Integer, Integer> perType = new HashMap<>();
        List<int[]> result = new ArrayList<>();
        locals.stream().forEach(l -> {
            int t = localType(f, type, l);
            int k = perType.merge(t, 1, Integer::sum) - 1;
            result.add(new int[] {l, transferGlobal(t, k)});
        });
        return result;
    }

    private int returnGlobal(int type) {
        return returnGlobals.computeIfAbsent(type, module::addGlobal);
    }

    /**
     * Moves the region into a new function and puts a call in its place; false if not worth it,
     * or if a branch out of it carries a value (an exit code cannot): such a region stays, and
     * a case group refused here is left to the generic pass.
     */
    private boolean outline(int funcIndex, FunctionBody f, FunctionShape shape, FuncType type, Region region) {
        List<FunctionShape.Statement> st = region.body.statements();
        for (int k = region.first; k <= region.last; k++) {
            if (!outlinable(shape, region.body, st.get(k), type)) return false;
        }
        int start = st.get(region.first).start();
        int end = st.get(region.last).end();
        boolean endsUnreachable = st.get(region.last).endsUnreachable();

        // Data flow: which locals go in, which come back.
        int[][] succ = shape.successors();
        BitSet[] liveIn = shape.liveIn(succ);
        BitSet reads = new BitSet();
        BitSet writes = new BitSet();
        BitSet liveOut = new BitSet();
        for (int i = start; i <= end; i++) {
            Instr in = f.code.get(i);
            if (in.op == Instr.LOCAL_GET) reads.set((int) in.imm);
            if (in.op == Instr.LOCAL_SET || in.op == Instr.LOCAL_TEE) writes.set((int) in.imm);
            for (int s : succ[i]) if (s < start || s > end) liveOut.or(liveIn[s]);
        }
        BitSet outputs = (BitSet) writes.clone();
        outputs.and(liveOut);
        BitSet params = (BitSet) liveIn[start].clone();
        params.and(reads);
        params.or(outputs);
        // The most used inputs become parameters; HotSpot's C2 gives up on methods with many
        // arguments ("unsupported calling sequence"), so the rest come in through globals.
        int[] uses = new int[type.params().size() + f.localTypes.size()];
        for (int i = start; i <= end; i++) {
            Instr in = f.code.get(i);
            if (in.op == Instr.LOCAL_GET) uses[(int) in.imm]++;
        }
        List<Integer> ranked = new ArrayList<>();
        params.stream().forEach(ranked::add);
        ranked.sort((x, y) -> uses[x] != uses[y] ? Integer.compare(uses[y], uses[x]) : Integer.compare(x, y));
        BitSet direct = new BitSet();
        for (int k = 0; k < Math.min(MAX_PARAMS, ranked.size()); k++) direct.set(ranked.get(k));
        BitSet viaGlobal = (BitSet) params.clone();
        viaGlobal.andNot(direct);

        // Local numbering in the new function: parameters first, then the other locals it uses.
        Map<Integer, Integer> newLocal = new HashMap<>();
        List<Integer> paramTypes = new ArrayList<>();
        direct.stream().forEach(l -> {
            newLocal.put(l, paramTypes.size());
            paramTypes.add(localType(f, type, l));
        });
        List<Integer> localTypes = new ArrayList<>();
        BitSet others = (BitSet) reads.clone();
        others.or(writes);
        others.andNot(direct);
        others.stream().forEach(l -> {
            newLocal.put(l, paramTypes.size() + localTypes.size());
            localTypes.add(localType(f, type, l));
        });
        List<int[]> inputs = transfers(f, type, viaGlobal); // {original local, global}
        int codeLocal = paramTypes.size() + localTypes.size();
        localTypes.add(ValType.I32);
        int indexLocal = codeLocal + 1;
        boolean needsIndexLocal = false;

        // Exit codes: 1..k for the outer labels branched to, k+1 for return.
        List<Integer> exitLevels = new ArrayList<>();
        boolean hasReturn = false;
        int resultType = type.results().isEmpty() ? 0 : type.results().get(0);
        List<Instr> body = new ArrayList<>();
        for (int[] tr : inputs) {
            body.add(Instr.of(Instr.GLOBAL_GET, tr[1]));
            body.add(Instr.of(Instr.LOCAL_SET, newLocal.get(tr[0])));
        }
        body.add(Instr.of(Instr.BLOCK, ValType.EMPTY_BLOCK));
        int nest = 0;
        int[] labels = region.body.labels();
        // return code placeholder: patched after all exits are known
        List<Instr> returnCodes = new ArrayList<>();
        List<int[]> tableExits = new ArrayList<>(); // per br_table leaving the region: outer level per entry, -1 inner
        List<Instr> tableBases = new ArrayList<>();
        for (int i = start; i <= end; i++) {
            Instr in = f.code.get(i);
            switch (in.op) {
                case Instr.BLOCK: case Instr.LOOP: case Instr.IF:
                    nest++;
                    body.add(in);
                    break;
                case Instr.END:
                    nest--;
                    body.add(in);
                    break;
                case Instr.LOCAL_GET: case Instr.LOCAL_SET: case Instr.LOCAL_TEE:
                    body.add(in.withImm(newLocal.get((int) in.imm)));
                    break;
                case Instr.RETURN:
                    hasReturn = true;
                    emitReturnExit(body, resultType, codeLocal, nest, returnCodes);
                    break;
                case Instr.BR: case Instr.BR_IF: {
                    int d = (int) in.imm;
                    if (d < nest) {
                        body.add(in);
                        break;
                    }
                    int label = labels[d - nest];
                    boolean conditional = in.op == Instr.BR_IF;
                    if (conditional) body.add(Instr.of(Instr.IF, ValType.EMPTY_BLOCK));
                    int depth = nest + (conditional ? 1 : 0);
                    if (label == FunctionShape.FUNCTION_LABEL) {
                        hasReturn = true;
                        emitReturnExit(body, resultType, codeLocal, depth, returnCodes);
                    } else {
                        emitExit(body, exitCode(exitLevels, d - nest), codeLocal, depth);
                    }
                    if (conditional) body.add(Instr.of(Instr.END));
                    break;
                }
                case Instr.BR_TABLE: {
                    int[] all = Arrays.copyOf(in.labels, in.labels.length + 1);
                    all[in.labels.length] = (int) in.imm;
                    boolean outward = false;
                    for (int d : all) outward |= d >= nest;
                    if (!outward) {
                        body.add(in);
                        break;
                    }
                    // Inner targets stay; every outward one lands in one stub that returns
                    // base + index, and the call site repeats the dispatch on the index.
                    needsIndexLocal = true;
                    int[] mapped = new int[all.length];
                    int[] levels = new int[all.length];
                    for (int t = 0; t < all.length; t++) {
                        mapped[t] = all[t] < nest ? all[t] + 1 : 0;
                        levels[t] = all[t] < nest ? -1 : all[t] - nest;
                    }
                    tableExits.add(levels);
                    int n = in.labels.length;
                    body.add(Instr.of(Instr.LOCAL_SET, indexLocal));
                    body.add(Instr.of(Instr.BLOCK, ValType.EMPTY_BLOCK));
                    body.add(Instr.of(Instr.LOCAL_GET, indexLocal));
                    body.add(new Instr(Instr.BR_TABLE, mapped[n], Arrays.copyOf(mapped, n), null));
                    body.add(Instr.of(Instr.END));
                    // min(index, n): out-of-range indices take the default, entry n
                    body.add(Instr.of(Instr.LOCAL_GET, indexLocal));
                    body.add(Instr.of(Instr.I32_CONST, n));
                    body.add(Instr.of(Instr.LOCAL_GET, indexLocal));
                    body.add(Instr.of(Instr.I32_CONST, n));
                    body.add(Instr.of(Instr.I32_LT_U));
                    body.add(Instr.of(Instr.SELECT));
                    Instr base = Instr.of(Instr.I32_CONST, -1);
                    tableBases.add(base);
                    body.add(base);
                    body.add(Instr.of(Instr.I32_ADD));
                    body.add(Instr.of(Instr.LOCAL_SET, codeLocal));
                    body.add(Instr.of(Instr.BR, nest));
                    break;
                }
                default:
                    body.add(in);
            }
        }
        // Exit codes: 0 falls through, 1..E branch to exitLevels, E+1 returns, then one range
        // of codes per br_table that leaves the region (base + index).
        int returnCode = exitLevels.size() + 1;
        int[] bases = new int[tableExits.size()];
        int nextCode = returnCode + 1;
        for (int t = 0; t < tableExits.size(); t++) {
            bases[t] = nextCode;
            nextCode += tableExits.get(t).length;
        }
        for (int k = 0; k < body.size(); k++) {
            if (returnCodes.contains(body.get(k))) body.set(k, Instr.of(Instr.I32_CONST, returnCode));
            int t = tableBases.indexOf(body.get(k));
            if (t >= 0) body.set(k, Instr.of(Instr.I32_CONST, bases[t]));
        }
        body.add(Instr.of(Instr.END));
        // Outputs come back as results (the exit code last), not through globals: a global
        // access is a call into Chicory's Instance that C2 does not inline in these large
        // methods, while several results cost one small long[] the JIT allocates cheaply.
        List<Integer> resultTypes = new ArrayList<>();
        outputs.stream().forEach(l -> {
            body.add(Instr.of(Instr.LOCAL_GET, newLocal.get(l)));
            resultTypes.add(localType(f, type, l));
        });
        boolean returnsCode = hasReturn || !exitLevels.isEmpty() || !tableExits.isEmpty();
        if (returnsCode) {
            body.add(Instr.of(Instr.LOCAL_GET, codeLocal));
            resultTypes.add(ValType.I32);
        }
        body.add(Instr.of(Instr.END));
        if (needsIndexLocal) localTypes.add(ValType.I32);

        // The call site. Setting inputs, the call and storing its results sit in one block, so
        // they form one statement: a later region can move all of it or none, never separate
        // the transfer globals' writes from the call that reads them.
        List<Instr> call = new ArrayList<>();
        call.add(Instr.of(Instr.BLOCK, ValType.EMPTY_BLOCK));
        for (int[] tr : inputs) {
            call.add(Instr.of(Instr.LOCAL_GET, tr[0]));
            call.add(Instr.of(Instr.GLOBAL_SET, tr[1]));
        }
        direct.stream().forEach(l -> call.add(Instr.of(Instr.LOCAL_GET, l)));
        FuncType newType = new FuncType(paramTypes, resultTypes);
        int newTypeIndex = module.typeIndex(newType);
        FunctionBody g = new FunctionBody(newTypeIndex, localTypes, body, null);
        int calleeSlot = module.functionTypes.size();
        call.add(Instr.of(Instr.CALL, calleeSlot));
        int callerCode = -1;
        if (returnsCode) {
            // A fresh local per call site (added below once the outline is kept): a later region
            // may contain this call site, and its own code must not share a local with it.
            callerCode = type.params().size() + f.localTypes.size();
            call.add(Instr.of(Instr.LOCAL_SET, callerCode));
        }
        int[] outputLocals = outputs.stream().toArray();
        for (int k = outputLocals.length - 1; k >= 0; k--) call.add(Instr.of(Instr.LOCAL_SET, outputLocals[k]));
        if (hasReturn) {
            call.add(Instr.of(Instr.LOCAL_GET, callerCode));
            call.add(Instr.of(Instr.I32_CONST, returnCode));
            call.add(Instr.of(Instr.I32_EQ));
            call.add(Instr.of(Instr.IF, ValType.EMPTY_BLOCK));
            if (resultType != 0) call.add(Instr.of(Instr.GLOBAL_GET, returnGlobal(resultType)));
            call.add(Instr.of(Instr.RETURN));
            call.add(Instr.of(Instr.END));
        }
        call.add(Instr.of(Instr.END));
        if (exitLevels.size() == 1 && tableExits.isEmpty()) {
            call.add(Instr.of(Instr.LOCAL_GET, callerCode));
            call.add(Instr.of(Instr.BR_IF, exitLevels.get(0)));
        } else if (exitLevels.size() > 1 || !tableExits.isEmpty()) {
            call.add(Instr.of(Instr.BLOCK, ValType.EMPTY_BLOCK));
            call.add(Instr.of(Instr.LOCAL_GET, callerCode));
            int[] targets = new int[nextCode]; // 0: fall through (the block's end)
            for (int c = 1; c <= exitLevels.size(); c++) targets[c] = exitLevels.get(c - 1) + 1;
            for (int t = 0; t < tableExits.size(); t++) {
                int[] levels = tableExits.get(t);
                for (int k = 0; k < levels.length; k++) targets[bases[t] + k] = levels[k] < 0 ? 0 : levels[k] + 1;
            }
            call.add(new Instr(Instr.BR_TABLE, 0, targets, null));
            call.add(Instr.of(Instr.END));
        }
        if (endsUnreachable) call.add(Instr.of(Instr.UNREACHABLE));

        int callSize = call.stream().mapToInt(Instr::encodedSize).sum();
        int regionSize = 0;
        for (int i = start; i <= end; i++) regionSize += f.code.get(i).encodedSize();
        if (callSize >= regionSize || g.size() > maxBody * 5 / 4) {
            return false; // not worth a call, or the exits make the new function too big itself
        }
        g.name = f.name + "$split" + splitCount.merge(funcIndex, 1, Integer::sum);
        module.addFunction(g);
        newFunctions++;
        if (returnsCode) f.localTypes.add(ValType.I32);
        List<Instr> code = new ArrayList<>(f.code.subList(0, start));
        code.addAll(call);
        code.addAll(f.code.subList(end + 1, f.code.size()));
        f.code = code;
        f.original = null;
        return true;
    }

    private static int exitCode(List<Integer> exitLevels, int level) {
        int i = exitLevels.indexOf(level);
        if (i < 0) {
            exitLevels.add(level);
            i = exitLevels.size() - 1;
        }
        return i + 1;
    }

    private static void emitExit(List<Instr> body, int code, int codeLocal, int depthToEpilogue) {
        body.add(Instr.of(Instr.I32_CONST, code));
        body.add(Instr.of(Instr.LOCAL_SET, codeLocal));
        body.add(Instr.of(Instr.BR, depthToEpilogue));
    }

    private void emitReturnExit(List<Instr> body, int resultType, int codeLocal, int depth, List<Instr> returnCodes) {
        if (resultType != 0) body.add(Instr.of(Instr.GLOBAL_SET, returnGlobal(resultType)));
        Instr placeholder = Instr.of(Instr.I32_CONST, -1);
        returnCodes.add(placeholder);
        body.add(placeholder);
        body.add(Instr.of(Instr.LOCAL_SET, codeLocal));
        body.add(Instr.of(Instr.BR, depth));
    }
}

/**
 * Rebuilds a function's big switch as two levels of dispatch, so that its cases can be outlined
 * in groups that each take only the locals they use.
 *
 * <p>clang emits a C switch as a nest of blocks B0..BK with the br_table at the bottom of B0 and
 * case body i right after the end of Bi: a branch to Bj enters body j, and falling off body i
 * enters body i+1. Shared code that cases jump to (the rest of {@code OP_Column}, the VDBE's
 * {@code jump_to_p2}) sits in the same nest as bodies no opcode selects. Outlining such a nest
 * region by region (the generic way) left the VDBE's dispatch in a chain of pieces that every
 * opcode went through, each with ~27 arguments and ~16 results.
 *
 * <p>Here the bodies are first gathered into clusters: a body only one cluster ever enters (and
 * no opcode selects) joins that cluster, so a case and the shared code only it uses stay
 * together. Clusters are packed into groups up to a size budget. The br_table now selects the
 * group, and each group dispatches again on the same selector to its bodies, kept in case order.
 * A branch (or a fall-through) into another group's body sets the selector to a value that
 * group's table sends to that body, then branches to the group; groups are laid out so that such
 * branches always go forward. Small bodies that several clusters share stay in the dispatching
 * function (no table, no call); every other group is outlined afterwards as a whole.
 */
final class CaseGroups {
    /** Bodies up to this many bytes that no cluster owns stay in the dispatching function. */
    static final int INLINE_MAX = Integer.getInteger("split.inlineCase", 40);
    private static final int MIN_TABLE = 64;
    private static final Object FUNCTION = new Object();

    /** The outlinable groups after rebuilding: {first, last} instruction of each one's code. */
    final List<Instr[]> regions = new ArrayList<>();
    final int groups;
    final int inlineGroups;

    private CaseGroups(int groups, int inlineGroups) {
        this.groups = groups;
        this.inlineGroups = inlineGroups;
    }

    /** Rebuilds the function's switch in place; null when it has no switch of this shape. */
    static CaseGroups rebuild(FunctionBody f, FuncType type, int groupBudget) {
        Nest nest = Nest.find(f.code);
        if (nest == null) return null;
        List<List<Integer>> groups = nest.groups(groupBudget);
        if (groups == null) return null;
        return new Rebuild(f, type, nest, groups).emit();
    }

    /** The switch's nest of blocks, its case bodies, and where each body branches. */
    static final class Nest {
        final List<Instr> code;
        final Object[][] targets; // per branch instruction: the constructs it may branch to
        final int[] matchingEnd;
        final int table; // the big br_table
        final List<Integer> blocks = new ArrayList<>(); // B0..BK, innermost first
        final Map<Object, Integer> caseOf = new HashMap<>(); // Bj -> j, for j < K
        int k;
        int[] bodyStart;
        int[] bodyEnd; // inclusive
        int[] size;
        BitSet[] succ; // per body: the bodies it enters (see successors)
        int[] mainCase = new int[256]; // the case the br_table sends each byte value to, or -1

        private Nest(List<Instr> code, int table, Object[][] targets, int[] matchingEnd) {
            this.code = code;
            this.table = table;
            this.targets = targets;
            this.matchingEnd = matchingEnd;
        }

        static Nest find(List<Instr> code) {
            int n = code.size();
            int[] parent = new int[n];
            int[] matchingEnd = new int[n];
            Object[][] targets = new Object[n][];
            int[] stack = new int[n + 1];
            int top = 0;
            int table = -1;
            for (int i = 0; i < n; i++) {
                Instr in = code.get(i);
                parent[i] = top > 0 ? stack[top - 1] : -1;
                if (in.opensBlock()) {
                    stack[top++] = i;
                } else if (in.op == Instr.END) {
                    if (top > 0) matchingEnd[stack[--top]] = i;
                } else if (in.op == Instr.BR || in.op == Instr.BR_IF) {
                    targets[i] = new Object[] {target(stack, top, (int) in.imm)};
                } else if (in.op == Instr.BR_TABLE) {
                    Object[] t = new Object[in.labels.length + 1];
                    for (int k = 0; k < in.labels.length; k++) t[k] = target(stack, top, in.labels[k]);
                    t[in.labels.length] = target(stack, top, (int) in.imm);
                    targets[i] = t;
                    if (in.labels.length >= MIN_TABLE && (table < 0 || in.labels.length > code.get(table).labels.length)) table = i;
                }
            }
            if (table < 0 || !selectsByte(code, table)) return null;
            Nest nest = new Nest(code, table, targets, matchingEnd);
            int b0 = parent[table];
            if (b0 < 0 || !emptyBlock(code.get(b0)) || matchingEnd[b0] != table + 1) return null;
            nest.blocks.add(b0);
            for (int cur = b0, p = parent[cur]; p >= 0 && emptyBlock(code.get(p)) && p + 1 == cur; cur = p, p = parent[p]) {
                nest.blocks.add(p);
            }
            nest.k = nest.blocks.size() - 1;
            if (nest.k < MIN_TABLE / 2) return null;
            nest.measureBodies();
            return nest;
        }

        private void measureBodies() {
            for (int j = 0; j < k; j++) caseOf.put(blocks.get(j), j);
            bodyStart = new int[k];
            bodyEnd = new int[k];
            size = new int[k];
            for (int j = 0; j < k; j++) {
                bodyStart[j] = matchingEnd[blocks.get(j)] + 1;
                bodyEnd[j] = matchingEnd[blocks.get(j + 1)] - 1;
                for (int i = bodyStart[j]; i <= bodyEnd[j]; i++) size[j] += code.get(i).encodedSize();
            }
            succ = new BitSet[k];
            for (int j = 0; j < k; j++) succ[j] = successors(j);
            Instr dispatch = code.get(table);
            for (int t = 0; t < 256; t++) {
                Integer c = caseOf.get(targets[table][Math.min(t, dispatch.labels.length)]);
                mainCase[t] = c == null ? -1 : c;
            }
        }

        /** Whether body j can fall off its end into body j+1. */
        boolean fallsThrough(int j) {
            return bodyEnd[j] < bodyStart[j] || !code.get(bodyEnd[j]).endsFlow();
        }

        /** The bodies body j enters: by a branch, or by falling off its end. */
        private BitSet successors(int j) {
            BitSet to = entered(j, false);
            if (j + 1 < k && fallsThrough(j)) to.set(j + 1);
            return to;
        }

        /** Bodies that a br_table inside body j can enter: they must share its group. */
        BitSet tableTargets(int j) {
            return entered(j, true);
        }

        /** The bodies the branches (or only the br_tables) inside body j can enter. */
        private BitSet entered(int j, boolean tablesOnly) {
            BitSet to = new BitSet(k);
            for (int i = bodyStart[j]; i <= bodyEnd[j]; i++) {
                if (targets[i] == null || (tablesOnly && code.get(i).op != Instr.BR_TABLE)) continue;
                for (Object t : targets[i]) {
                    Integer c = caseOf.get(t);
                    if (c != null) to.set(c);
                }
            }
            return to;
        }

        /**
         * Groups of bodies (each in case order), listed so that every branch from one group into
         * another goes to a later group; null if no such order exists.
         */
        List<List<Integer>> groups(int budget) {
            List<BitSet> preds = new ArrayList<>();
            for (int j = 0; j < k; j++) preds.add(new BitSet(k));
            for (int j = 0; j < k; j++) {
                for (int s = succ[j].nextSetBit(0); s >= 0; s = succ[j].nextSetBit(s + 1)) preds.get(s).set(j);
            }
            // A body several clusters enter may join one of them only while the groups can still
            // be ordered; those that keep a cycle between groups stay on their own.
            BitSet apart = new BitSet(k);
            while (true) {
                BitSet joinedShared = new BitSet(k);
                int[] groupOf = new int[k];
                List<List<Integer>> groups = pack(clusters(preds, budget, apart, joinedShared), budget, groupOf);
                BitSet stuck = new BitSet();
                List<List<Integer>> order = forwardOrder(groups, groupOf, stuck);
                if (order != null) return order;
                BitSet undo = new BitSet(k);
                for (int g = stuck.nextSetBit(0); g >= 0; g = stuck.nextSetBit(g + 1)) {
                    for (int j : groups.get(g)) if (joinedShared.get(j)) undo.set(j);
                }
                if (undo.isEmpty()) return null;
                apart.or(undo);
            }
        }

        /**
         * Clusters of bodies (union-find roots): a body no opcode selects joins the cluster of the
         * bodies that enter it. When several clusters enter it, a small one stays shared (in the
         * dispatcher) and a larger one joins the first: the rest of OP_Column is also entered by
         * OP_Affinity. Bodies a br_table can enter join the table's cluster.
         */
        private int[] clusters(List<BitSet> preds, int budget, BitSet apart, BitSet joinedShared) {
            BitSet selected = new BitSet(k);
            for (int t = 0; t < 256; t++) if (mainCase[t] >= 0) selected.set(mainCase[t]);
            int[] cluster = new int[k];
            int[] clusterSize = new int[k];
            for (int j = 0; j < k; j++) {
                cluster[j] = j;
                clusterSize[j] = size[j];
            }
            for (int j = 0; j < k; j++) {
                if (selected.get(j) || preds.get(j).isEmpty()) continue;
                int owner = root(cluster, preds.get(j).nextSetBit(0));
                boolean shared = false;
                for (int p = preds.get(j).nextSetBit(0); p >= 0; p = preds.get(j).nextSetBit(p + 1)) {
                    shared |= root(cluster, p) != owner;
                }
                if (shared && (size[j] <= INLINE_MAX || apart.get(j))) continue;
                if (clusterSize[owner] + size[j] <= budget) {
                    cluster[j] = owner;
                    clusterSize[owner] += size[j];
                    if (shared) joinedShared.set(j);
                }
            }
            for (int j = 0; j < k; j++) {
                BitSet tt = tableTargets(j);
                for (int t = tt.nextSetBit(0); t >= 0; t = tt.nextSetBit(t + 1)) union(cluster, clusterSize, j, t);
            }
            return cluster;
        }

        /**
         * Groups: clusters in order of their first body, packed up to the budget; a body of its
         * own that is small stays a group of one, kept in the dispatcher. Bodies in case order.
         */
        private List<List<Integer>> pack(int[] cluster, int budget, int[] groupOf) {
            Map<Integer, List<Integer>> members = new LinkedHashMap<>();
            for (int j = 0; j < k; j++) members.computeIfAbsent(root(cluster, j), r -> new ArrayList<>()).add(j);
            List<List<Integer>> groups = new ArrayList<>();
            int open = -1;
            int openSize = 0;
            for (List<Integer> m : members.values()) {
                int bytes = 0;
                for (int j : m) bytes += size[j];
                boolean alone = m.size() == 1 && bytes <= INLINE_MAX;
                if (alone || open < 0 || openSize + bytes > budget) {
                    groups.add(new ArrayList<>());
                    open = alone ? -1 : groups.size() - 1;
                    openSize = 0;
                }
                int g = alone ? groups.size() - 1 : open;
                groups.get(g).addAll(m);
                for (int j : m) groupOf[j] = g;
                openSize += alone ? 0 : bytes;
            }
            for (List<Integer> g : groups) Collections.sort(g);
            return groups;
        }

        /**
         * The groups in an order where every branch between groups goes forward, or null (then
         * {@code stuck} holds the groups on or after a cycle).
         */
        private List<List<Integer>> forwardOrder(List<List<Integer>> groups, int[] groupOf, BitSet stuck) {
            int m = groups.size();
            List<BitSet> after = new ArrayList<>();
            int[] before = new int[m];
            for (int g = 0; g < m; g++) after.add(new BitSet(m));
            for (int j = 0; j < k; j++) {
                for (int s = succ[j].nextSetBit(0); s >= 0; s = succ[j].nextSetBit(s + 1)) {
                    int from = groupOf[j];
                    int to = groupOf[s];
                    if (from != to && !after.get(from).get(to)) {
                        after.get(from).set(to);
                        before[to]++;
                    }
                }
            }
            // Kahn's algorithm, taking the ready group with the lowest first body each time.
            List<List<Integer>> order = new ArrayList<>();
            PriorityQueue<Integer> ready = new PriorityQueue<>(
                    (a, b) -> Integer.compare(groups.get(a).get(0), groups.get(b).get(0)));
            for (int g = 0; g < m; g++) if (before[g] == 0) ready.add(g);
            while (!ready.isEmpty()) {
                int g = ready.poll();
                order.add(groups.get(g));
                for (int h = after.get(g).nextSetBit(0); h >= 0; h = after.get(g).nextSetBit(h + 1)) {
                    if (--before[h] == 0) ready.add(h);
                }
            }
            for (int g = 0; g < m; g++) if (before[g] > 0) stuck.set(g);
            return order.size() == m ? order : null;
        }

        private static int root(int[] parent, int x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }

        private static void union(int[] parent, int[] size, int a, int b) {
            int ra = root(parent, a);
            int rb = root(parent, b);
            if (ra == rb) return;
            int lo = Math.min(ra, rb);
            int hi = Math.max(ra, rb);
            parent[hi] = lo;
            size[lo] += size[hi];
        }
    }

    /** Writes the rebuilt function: the dispatch, then each group's region in order. */
    private static final class Rebuild {
        private final FunctionBody f;
        private final Nest nest;
        private final List<List<Integer>> groups;
        private final int selector;
        private final int[] groupOf;
        private final int[] entryValue;
        private final Object[] groupLabel;
        private final Emitter e = new Emitter();

        Rebuild(FunctionBody f, FuncType type, Nest nest, List<List<Integer>> groups) {
            this.f = f;
            this.nest = nest;
            this.groups = groups;
            this.selector = type.params().size() + f.localTypes.size();
            this.groupOf = new int[nest.k];
            for (int g = 0; g < groups.size(); g++) for (int j : groups.get(g)) groupOf[j] = g;
            this.entryValue = entryValues();
            this.groupLabel = new Object[groups.size()];
            for (int g = 0; g < groups.size(); g++) groupLabel[g] = new Object();
        }

        /**
         * The selector value that sends a group's table to each body entered from elsewhere (a
         * branch from another group, or the end of the previous group): a byte value the first
         * table never sends to that group. -1 where none is needed.
         */
        private int[] entryValues() {
            BitSet entered = new BitSet(nest.k);
            for (int j = 0; j < nest.k; j++) {
                BitSet s = nest.succ[j];
                for (int t = s.nextSetBit(0); t >= 0; t = s.nextSetBit(t + 1)) if (groupOf[t] != groupOf[j]) entered.set(t);
            }
            int[] value = new int[nest.k];
            Arrays.fill(value, -1);
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).size() == 1) continue; // a group of one needs no table
                int free = 0;
                for (int j : groups.get(g)) {
                    if (!entered.get(j)) continue;
                    while (free < 256 && nest.mainCase[free] >= 0 && groupOf[nest.mainCase[free]] == g) free++;
                    if (free == 256) throw new IllegalStateException("no selector value left for group " + g);
                    value[j] = free++;
                }
            }
            return value;
        }

        CaseGroups emit() {
            List<Instr> code = nest.code;
            int m = groups.size();
            if (System.getenv("SPLIT_TRACE") != null) {
                for (int g = 0; g < m; g++) {
                    StringBuilder line = new StringBuilder("group " + g + ":");
                    for (int j : groups.get(g)) {
                        line.append(" [").append(j).append(':').append(nest.size[j]);
                        for (int t = 0; t < 256; t++) if (nest.mainCase[t] == j) line.append(' ').append(t);
                        line.append(']');
                    }
                    System.err.println(line);
                }
            }
            int outer = nest.blocks.get(nest.k);
            e.copy(code, nest.targets, 0, outer, t -> t); // up to and including B_K's opening
            for (int g = m - 1; g >= 0; g--) e.open(Instr.of(Instr.BLOCK, ValType.EMPTY_BLOCK), groupLabel[g]);
            e.copy(code, nest.targets, nest.blocks.get(0) + 1, nest.table - 1, t -> t);
            e.plain(Instr.of(Instr.LOCAL_TEE, selector));
            Object[] first = nest.targets[nest.table].clone();
            for (int t = 0; t < first.length; t++) {
                Integer c = nest.caseOf.get(first[t]);
                if (c != null) first[t] = groupLabel[groupOf[c]];
            }
            e.branch(new Instr(Instr.BR_TABLE, 0, new int[first.length - 1], null), first);
            List<int[]> spans = new ArrayList<>();
            int inline = 0;
            for (int g = 0; g < m; g++) {
                e.end(); // the group's label: its region follows
                int start = e.size();
                emitGroup(g);
                int end = e.size() - 1;
                if (e.sizeFrom(start) <= INLINE_MAX) inline++;
                else spans.add(new int[] {start, end});
                emitFallOff(groups.get(g).get(groups.get(g).size() - 1));
            }
            e.copy(code, nest.targets, nest.matchingEnd[outer], code.size() - 1, t -> t); // B_K's end, the rest
            f.code = e.resolve();
            f.localTypes.add(ValType.I32);
            f.original = null;
            CaseGroups result = new CaseGroups(m, inline);
            for (int[] span : spans) result.regions.add(new Instr[] {f.code.get(span[0]), f.code.get(span[1])});
            return result;
        }

        /** A group's table (when it has more than one body) and its bodies, in case order. */
        private void emitGroup(int g) {
            List<Integer> bodies = groups.get(g);
            Function<Object, Object> retarget = t -> {
                Integer c = nest.caseOf.get(t);
                return c == null || groupOf[c] == g ? t : new CrossEntry(entryValue[c], groupLabel[groupOf[c]]);
            };
            if (bodies.size() == 1) {
                int j = bodies.get(0);
                e.copyBody(nest.code, nest.targets, nest.bodyStart[j], nest.bodyEnd[j], retarget, selector);
                return;
            }
            for (int x = bodies.size() - 1; x >= 0; x--) e.open(Instr.of(Instr.BLOCK, ValType.EMPTY_BLOCK), nest.blocks.get(bodies.get(x)));
            // A selector value this group does not own cannot arrive here; if a bug ever sent
            // one, it traps instead of running some body.
            Object misrouted = new Object();
            e.open(Instr.of(Instr.BLOCK, ValType.EMPTY_BLOCK), misrouted);
            e.plain(Instr.of(Instr.LOCAL_GET, selector));
            int len = 0;
            for (int t = 0; t < 256; t++) if (nest.mainCase[t] >= 0 && groupOf[nest.mainCase[t]] == g) len = t + 1;
            for (int j : bodies) len = Math.max(len, entryValue[j] + 1);
            Object[] table = new Object[len + 1];
            for (int t = 0; t < len; t++) {
                int c = nest.mainCase[t];
                table[t] = c >= 0 && groupOf[c] == g ? nest.blocks.get(c) : misrouted;
            }
            for (int j : bodies) if (entryValue[j] >= 0) table[entryValue[j]] = nest.blocks.get(j);
            int def = nest.mainCase[255];
            table[len] = def >= 0 && groupOf[def] == g ? nest.blocks.get(def) : misrouted;
            e.branch(new Instr(Instr.BR_TABLE, 0, new int[len], null), table);
            e.end();
            e.plain(Instr.of(Instr.UNREACHABLE));
            for (int x = 0; x < bodies.size(); x++) {
                int j = bodies.get(x);
                e.end(); // B_j: body j follows
                e.copyBody(nest.code, nest.targets, nest.bodyStart[j], nest.bodyEnd[j], retarget, selector);
                if (x + 1 < bodies.size() && bodies.get(x + 1) != j + 1) emitFallOff(j);
            }
        }

        /**
         * After body j, where the code would run into something other than body j+1 (another
         * body of the group, or the next group's table): go on to body j+1 through the dispatch.
         */
        private void emitFallOff(int j) {
            if (!nest.fallsThrough(j)) return;
            if (j + 1 == nest.k) {
                e.branch(Instr.of(Instr.BR), new Object[] {nest.blocks.get(nest.k)}); // out of the switch
                return;
            }
            e.crossEntry(entryValue[j + 1], groupLabel[groupOf[j + 1]], selector);
        }
    }

    /** Whether the value the big table dispatches on is a byte (so values 0..255 cover it). */
    private static boolean selectsByte(List<Instr> code, int table) {
        int i = table - 1;
        if (i >= 0 && code.get(i).op == Instr.LOCAL_TEE) i--;
        return i >= 0 && code.get(i).op == 0x2D; // i32.load8_u
    }

    private static boolean emptyBlock(Instr in) {
        return in.op == Instr.BLOCK && in.imm == ValType.EMPTY_BLOCK;
    }

    private static Object target(int[] stack, int top, int depth) {
        return depth >= top ? FUNCTION : (Object) stack[top - 1 - depth];
    }

    /** A branch into another group's body: set the selector, then branch to that group. */
    private record CrossEntry(int value, Object group) {}

    /** Builds code whose branches name their target construct; depths are worked out at the end. */
    private static final class Emitter {
        private final List<Instr> out = new ArrayList<>();
        private final List<Object> label = new ArrayList<>(); // per opening instruction: its identity
        private final List<Object[]> branchTargets = new ArrayList<>(); // per branch: target identities

        int size() {
            return out.size();
        }

        int sizeFrom(int from) {
            int s = 0;
            for (int i = from; i < out.size(); i++) s += out.get(i).encodedSize();
            return s;
        }

        void plain(Instr in) {
            out.add(in);
            label.add(null);
            branchTargets.add(null);
        }

        void open(Instr in, Object identity) {
            out.add(in);
            label.add(identity);
            branchTargets.add(null);
        }

        void end() {
            plain(Instr.of(Instr.END));
        }

        void branch(Instr in, Object[] identities) {
            out.add(in);
            label.add(null);
            branchTargets.add(identities);
        }

        void copy(List<Instr> code, Object[][] targets, int from, int to,
                Function<Object, Object> retarget) {
            copyBody(code, targets, from, to, retarget, -1);
        }

        /** Copies code; a branch retargeted to another group's body first sets the selector. */
        void copyBody(List<Instr> code, Object[][] targets, int from, int to,
                Function<Object, Object> retarget, int selector) {
            for (int i = from; i <= to; i++) {
                Instr in = code.get(i);
                if (in.opensBlock()) {
                    open(in, i);
                } else if (in.op == Instr.BR || in.op == Instr.BR_IF) {
                    Object t = retarget.apply(targets[i][0]);
                    if (t instanceof CrossEntry ce) {
                        boolean conditional = in.op == Instr.BR_IF;
                        if (conditional) open(Instr.of(Instr.IF, ValType.EMPTY_BLOCK), new Object());
                        crossEntry(ce.value(), ce.group(), selector);
                        if (conditional) end();
                    } else {
                        branch(in, new Object[] {t});
                    }
                } else if (in.op == Instr.BR_TABLE) {
                    Object[] mapped = new Object[targets[i].length];
                    for (int k = 0; k < mapped.length; k++) {
                        mapped[k] = retarget.apply(targets[i][k]);
                        if (mapped[k] instanceof CrossEntry) {
                            throw new IllegalStateException("a br_table leaves its case group");
                        }
                    }
                    branch(in, mapped);
                } else {
                    plain(in);
                }
            }
        }

        /** Sets the selector (unless the group has no table) and branches to the group. */
        void crossEntry(int value, Object group, int selector) {
            if (value >= 0) {
                plain(Instr.of(Instr.I32_CONST, value));
                plain(Instr.of(Instr.LOCAL_SET, selector));
            }
            branch(Instr.of(Instr.BR), new Object[] {group});
        }

        /** The code with every branch's depth filled in. */
        List<Instr> resolve() {
            List<Instr> code = new ArrayList<>(out.size());
            List<Object> open = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                Instr in = out.get(i);
                if (in.opensBlock()) {
                    open.add(label.get(i));
                    code.add(in);
                } else if (in.op == Instr.END) {
                    if (!open.isEmpty()) open.remove(open.size() - 1);
                    code.add(in);
                } else if (branchTargets.get(i) != null) {
                    Object[] t = branchTargets.get(i);
                    if (in.op == Instr.BR_TABLE) {
                        int[] labels = new int[t.length - 1];
                        for (int k = 0; k < labels.length; k++) labels[k] = depth(open, t[k]);
                        code.add(new Instr(Instr.BR_TABLE, depth(open, t[t.length - 1]), labels, null));
                    } else {
                        code.add(in.withImm(depth(open, t[0])));
                    }
                } else {
                    code.add(in);
                }
            }
            return code;
        }

        private static int depth(List<Object> open, Object identity) {
            if (identity == FUNCTION) return open.size();
            for (int d = 0; d < open.size(); d++) {
                if (open.get(open.size() - 1 - d).equals(identity)) return d;
            }
            throw new IllegalStateException("branch to a construct that does not enclose it");
        }
    }
}
