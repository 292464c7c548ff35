package dev.sqlink.engine.internal;

import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.ActiveElement;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.DataCountSection;
import com.dylibso.chicory.wasm.types.DataSection;
import com.dylibso.chicory.wasm.types.ElementSection;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionSection;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.GlobalSection;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.Memory;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import com.dylibso.chicory.wasm.types.SectionId;
import com.dylibso.chicory.wasm.types.StartSection;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableImport;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.TableSection;
import com.dylibso.chicory.wasm.types.TypeSection;
import com.dylibso.chicory.wasm.types.ValType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the module metadata ({@code SqliteModule.meta}) into the model Chicory builds
 * instances from, for exactly the subset of the wasm binary format that metadata uses.
 *
 * <p>Why not Chicory's {@code Parser}: in a cold JVM it is the slowest step before the first
 * instance can be built, and that step is on the critical path of a cold start. Loading and
 * interpreting the general parser (section-order validation, the GC proposal's recursive
 * types, a builder and a resolution pass per type, identifier checks, an LEB128 reader that
 * the JIT then compiles for nothing) cost a cold start 30-45 ms of CPU, for a file this build
 * produced and Chicory's compiler already validated. This reader makes the same objects with
 * the same constructors, and {@code ModuleMetadataTest} holds it to Chicory's parse, section
 * by section, on the metadata the build ships.
 *
 * <p>Anything outside that subset (a GC type, a tag, an unusual constant expression) is
 * refused with a {@link MalformedException} naming it rather than approximated: the metadata
 * comes from this project's build, so it means the build changed and this reader must follow.
 * The code section holds only stub bodies (see {@link ModuleMetadata}); it is skipped and one
 * placeholder body per function stands in for it.
 */
final class MetaReader {
    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    private static final FunctionBody PLACEHOLDER_BODY = new FunctionBody(List.of(), List.of());
    private static final long[] NO_OPERANDS = new long[0];
    /** The element type Chicory gives a function-index element segment: (ref func), not funcref. */
    private static final ValType FUNCTION_REFERENCE =
            ValType.builder().withOpcode(ValType.ID.Ref).withTypeIdx(ValType.TypeIdxCode.FUNC.code()).build();

    private final byte[] bytes;
    private int position;

    private MetaReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The module {@code meta} describes, with a placeholder body for each function. */
    static WasmModule read(byte[] meta) {
        return new MetaReader(meta).module();
    }

    private WasmModule module() {
        if (bytes.length < HEADER.length || !Arrays.equals(bytes, 0, HEADER.length, HEADER, 0, HEADER.length)) {
            throw malformed("it does not start with the wasm magic number and version 1");
        }
        position = HEADER.length;
        WasmModule.Builder module = WasmModule.builder().withValidation(false);
        int functions = 0;
        while (position < bytes.length) {
            int id = readByte();
            int size = readU32();
            if (size > bytes.length - position) {
                throw malformed("section " + id + " claims " + size + " bytes, past the end of the file");
            }
            int end = position + size;
            switch (id) {
                case SectionId.CUSTOM -> position = end; // names and the like: nothing an instance reads
                case SectionId.TYPE -> module.setTypeSection(types());
                case SectionId.IMPORT -> module.setImportSection(imports());
                case SectionId.FUNCTION -> {
                    FunctionSection section = functions();
                    functions = section.functionCount();
                    module.setFunctionSection(section);
                }
                case SectionId.TABLE -> module.setTableSection(tables());
                case SectionId.MEMORY -> module.setMemorySection(memories());
                case SectionId.GLOBAL -> module.setGlobalSection(globals());
                case SectionId.EXPORT -> module.setExportSection(exports());
                case SectionId.START -> module.setStartSection(StartSection.builder().setStartIndex(readU32()).build());
                case SectionId.ELEMENT -> module.setElementSection(elements());
                case SectionId.CODE -> position = end; // stub bodies only, replaced below
                case SectionId.DATA -> module.setDataSection(data());
                case SectionId.DATA_COUNT ->
                        module.setDataCountSection(DataCountSection.builder().withDataCount(readU32()).build());
                default -> throw malformed("section id " + id + " is not one this reader knows");
            }
            if (position != end) {
                throw malformed("section " + id + " ends at byte " + position + ", its size says " + end);
            }
        }
        CodeSection.Builder placeholders = CodeSection.builder();
        for (int i = 0; i < functions; i++) {
            placeholders.addFunctionBody(PLACEHOLDER_BODY);
        }
        module.setCodeSection(placeholders.build());
        return module.build();
    }

    // ------------------------------------------------------------------ sections

    private TypeSection types() {
        int count = count();
        TypeSection.Builder section = TypeSection.builder();
        for (int i = 0; i < count; i++) {
            int form = readByte();
            if (form != 0x60) {
                throw malformed("type " + i + " is not a plain function type (form 0x" + Integer.toHexString(form) + ")");
            }
            List<ValType> params = valueTypes();
            List<ValType> results = valueTypes();
            section.addFunctionType(FunctionType.of(params, results));
        }
        return section.build();
    }

    private List<ValType> valueTypes() {
        int count = count();
        List<ValType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(valueType());
        }
        return types;
    }

    private ImportSection imports() {
        int count = count();
        ImportSection.Builder section = ImportSection.builder();
        for (int i = 0; i < count; i++) {
            String module = name();
            String name = name();
            int kind = readByte();
            switch (kind) {
                case 0x00 -> section.addImport(new FunctionImport(module, name, readU32()));
                case 0x01 -> section.addImport(new TableImport(module, name, valueType(), tableLimits()));
                case 0x02 -> section.addImport(new MemoryImport(module, name, memoryLimits()));
                case 0x03 -> section.addImport(globalImport(module, name));
                default -> throw malformed("import " + module + "." + name + " has kind " + kind);
            }
        }
        return section.build();
    }

    private GlobalImport globalImport(String module, String name) {
        ValType type = valueType();
        return new GlobalImport(module, name, MutabilityType.forId(readByte()), type);
    }

    private FunctionSection functions() {
        int count = count();
        FunctionSection.Builder section = FunctionSection.builder();
        for (int i = 0; i < count; i++) {
            section.addFunctionType(readU32());
        }
        return section.build();
    }

    private TableSection tables() {
        int count = count();
        TableSection.Builder section = TableSection.builder();
        for (int i = 0; i < count; i++) {
            section.addTable(new Table(valueType(), tableLimits()));
        }
        return section.build();
    }

    private MemorySection memories() {
        int count = count();
        MemorySection.Builder section = MemorySection.builder();
        for (int i = 0; i < count; i++) {
            section.addMemory(new Memory(memoryLimits()));
        }
        return section.build();
    }

    private GlobalSection globals() {
        int count = count();
        GlobalSection.Builder section = GlobalSection.builder();
        for (int i = 0; i < count; i++) {
            ValType type = valueType();
            MutabilityType mutability = MutabilityType.forId(readByte());
            section.addGlobal(new Global(type, mutability, constantExpression()));
        }
        return section.build();
    }

    private ExportSection exports() {
        int count = count();
        ExportSection.Builder section = ExportSection.builder();
        for (int i = 0; i < count; i++) {
            String name = name();
            int kind = readByte();
            if (kind > ExternalType.GLOBAL.id()) {
                throw malformed("export " + name + " has kind " + kind);
            }
            section.addExport(new Export(name, readU32(), ExternalType.byId(kind)));
        }
        return section.build();
    }

    /** Only the form a linker writes for a function table: active, table 0, function indices. */
    private ElementSection elements() {
        int count = count();
        ElementSection.Builder section = ElementSection.builder();
        for (int i = 0; i < count; i++) {
            int flags = readU32();
            if (flags != 0) {
                throw malformed("element segment " + i + " has flags " + flags + "; only active function lists are read");
            }
            List<Instruction> offset = constantExpression();
            int entries = count();
            List<List<Instruction>> initializers = new ArrayList<>(entries);
            for (int e = 0; e < entries; e++) {
                // the shape Chicory gives a function index: ref.func, then end, at no address
                initializers.add(List.of(new Instruction(-1, OpCode.REF_FUNC, new long[] {readU32()}),
                        new Instruction(-1, OpCode.END, NO_OPERANDS)));
            }
            section.addElement(new ActiveElement(FUNCTION_REFERENCE, initializers, 0, offset));
        }
        return section.build();
    }

    private DataSection data() {
        int count = count();
        DataSection.Builder section = DataSection.builder();
        for (int i = 0; i < count; i++) {
            int mode = readU32();
            switch (mode) {
                case 0 -> {
                    List<Instruction> offset = constantExpression();
                    section.addDataSegment(new ActiveDataSegment(0, offset, byteVector()));
                }
                case 1 -> section.addDataSegment(new PassiveDataSegment(byteVector()));
                case 2 -> {
                    long memory = readU32();
                    List<Instruction> offset = constantExpression();
                    section.addDataSegment(new ActiveDataSegment(memory, offset, byteVector()));
                }
                default -> throw malformed("data segment " + i + " has mode " + mode);
            }
        }
        return section.build();
    }

    // ------------------------------------------------------------------ pieces

    private ValType valueType() {
        int code = readByte();
        return switch (code) {
            case ValType.ID.I32 -> ValType.I32;
            case ValType.ID.I64 -> ValType.I64;
            case ValType.ID.F32 -> ValType.F32;
            case ValType.ID.F64 -> ValType.F64;
            case ValType.ID.V128 -> ValType.V128;
            case ValType.ID.FuncRef -> ValType.FuncRef;
            case ValType.ID.ExternRef -> ValType.ExternRef;
            default -> throw malformed("value type 0x" + Integer.toHexString(code) + " is not one this reader knows");
        };
    }

    private TableLimits tableLimits() {
        int flags = readByte();
        return switch (flags) {
            case 0x00 -> new TableLimits(readU32AsLong());
            case 0x01 -> new TableLimits(readU32AsLong(), readU32AsLong());
            default -> throw malformed("table limits with flags " + flags);
        };
    }

    private MemoryLimits memoryLimits() {
        int flags = readByte();
        return switch (flags) {
            case 0x00 -> new MemoryLimits(readU32());
            case 0x01 -> new MemoryLimits(readU32(), readU32(), false);
            default -> throw malformed("memory limits with flags " + flags);
        };
    }

    /**
     * A constant expression, as Chicory keeps it: its instructions without the final end, each
     * at its byte offset in the file.
     */
    private List<Instruction> constantExpression() {
        List<Instruction> instructions = new ArrayList<>(1);
        while (true) {
            int address = position;
            int opcode = readByte();
            switch (opcode) {
                case 0x0B -> {
                    return instructions;
                }
                case 0x41 -> instructions.add(new Instruction(address, OpCode.I32_CONST, new long[] {readS32()}));
                case 0x42 -> instructions.add(new Instruction(address, OpCode.I64_CONST, new long[] {readS64()}));
                case 0x23 -> instructions.add(new Instruction(address, OpCode.GLOBAL_GET, new long[] {readU32AsLong()}));
                default -> throw malformed("opcode 0x" + Integer.toHexString(opcode) + " at byte " + address
                        + " in a constant expression is not one this reader knows");
            }
        }
    }

    /**
     * The length of a vector. Every item takes at least one byte, so a count beyond the bytes
     * left is damage, refused here before it sizes a list.
     */
    private int count() {
        int count = readU32();
        if (count > bytes.length - position) {
            throw malformed("a count of " + count + " at byte " + position + " is more than the bytes left");
        }
        return count;
    }

    private String name() {
        return new String(byteVector(), StandardCharsets.UTF_8);
    }

    private byte[] byteVector() {
        int length = readU32();
        byte[] vector = Arrays.copyOfRange(bytes, position, position + checkedLength(length));
        position += length;
        return vector;
    }

    private int checkedLength(int length) {
        if (length < 0 || length > bytes.length - position) {
            throw malformed("a " + length + "-byte field at byte " + position + " runs past the end of the file");
        }
        return length;
    }

    // ------------------------------------------------------------------ bytes

    private int readByte() {
        if (position >= bytes.length) {
            throw malformed("it ends in the middle of a section");
        }
        return bytes[position++] & 0xff;
    }

    private int readU32() {
        long value = readU32AsLong();
        if (value > Integer.MAX_VALUE) {
            throw malformed("a count or index at byte " + position + " is too large: " + value);
        }
        return (int) value;
    }

    private long readU32AsLong() {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw malformed("an unsigned LEB128 number at byte " + position + " is longer than 5 bytes");
    }

    private int readS32() {
        return (int) readSigned(32);
    }

    private long readS64() {
        return readSigned(64);
    }

    private long readSigned(int bits) {
        int maxShift = (bits + 6) / 7 * 7;
        long result = 0;
        int shift = 0;
        int b;
        do {
            if (shift >= maxShift) {
                throw malformed("a signed LEB128 number at byte " + position + " is too long");
            }
            b = readByte();
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    private MalformedException malformed(String what) {
        return new MalformedException(ModuleMetadata.RESOURCE + " is damaged or from another build: " + what
                + "; rebuild engine-wasm, or use the released jar");
    }
}
