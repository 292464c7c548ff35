package dev.sqlink.engine.internal;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.CustomSection;
import com.dylibso.chicory.wasm.types.DataCountSection;
import com.dylibso.chicory.wasm.types.DataSection;
import com.dylibso.chicory.wasm.types.ElementSection;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.FunctionSection;
import com.dylibso.chicory.wasm.types.GlobalSection;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.Section;
import com.dylibso.chicory.wasm.types.SectionId;
import com.dylibso.chicory.wasm.types.StartSection;
import com.dylibso.chicory.wasm.types.TableSection;
import com.dylibso.chicory.wasm.types.TagSection;
import com.dylibso.chicory.wasm.types.TypeSection;
import dev.sqlink.engine.generated.SqliteModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Parses the stripped module the build-time compiler leaves next to the generated classes
 * ({@code SqliteModule.meta}: types, imports, exports, tables, data, and stub function bodies),
 * which every instance is built from.
 *
 * <p>Why not the generated {@code SqliteModule.load()}: it runs Chicory's default parse, which
 * also hashes the whole file with SHA-256 (initialising the JDK's security providers) for a
 * digest only run-time compilation caches read, and validates every section again, although
 * the compiler validated the very same module when it generated the classes. In a cold JVM
 * those two cost about as much as the parse itself. This parse builds the same module
 * ({@code ModuleMetadataTest} compares them) without either.
 */
final class ModuleMetadata {
    static final String RESOURCE = "SqliteModule.meta";

    private ModuleMetadata() {}

    static WasmModule parse() {
        return parse(readResource());
    }

    static WasmModule parse(byte[] meta) {
        WasmModule.Builder module = WasmModule.builder().withValidation(false);
        Parser.builder().withValidation(false).build()
                .parse(new ByteArrayInputStream(meta), section -> add(module, section));
        return module.build();
    }

    private static byte[] readResource() {
        try (InputStream in = SqliteModule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + SqliteModule.class.getName()
                        + ": the engine jar is incomplete; rebuild engine-wasm or use the released jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    private static void add(WasmModule.Builder module, Section section) {
        switch (section.sectionId()) {
            case SectionId.CUSTOM -> module.addCustomSection(((CustomSection) section).name(), (CustomSection) section);
            case SectionId.TYPE -> module.setTypeSection((TypeSection) section);
            case SectionId.IMPORT -> module.setImportSection((ImportSection) section);
            case SectionId.FUNCTION -> module.setFunctionSection((FunctionSection) section);
            case SectionId.TABLE -> module.setTableSection((TableSection) section);
            case SectionId.MEMORY -> module.setMemorySection((MemorySection) section);
            case SectionId.GLOBAL -> module.setGlobalSection((GlobalSection) section);
            case SectionId.EXPORT -> module.setExportSection((ExportSection) section);
            case SectionId.START -> module.setStartSection((StartSection) section);
            case SectionId.ELEMENT -> module.setElementSection((ElementSection) section);
            case SectionId.CODE -> module.setCodeSection((CodeSection) section);
            case SectionId.DATA -> module.setDataSection((DataSection) section);
            case SectionId.DATA_COUNT -> module.setDataCountSection((DataCountSection) section);
            case SectionId.TAG -> module.setTagSection((TagSection) section);
            default -> module.addIgnoredSection(section.sectionId());
        }
    }
}
