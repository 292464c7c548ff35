package dev.sqlink.jdbc.ext;

import dev.sqlink.bundle.Bundle;
import dev.sqlink.bundle.BundleEntry;
import dev.sqlink.bundle.BundleStore;
import dev.sqlink.bundle.ExtensionKind;
import dev.sqlink.bundle.StoredExtension;
import dev.sqlink.spi.Extension;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A bundle resolved, verified and turned into extensions, ready for {@link ConnectionExtensions}
 * to plan, grant-check and register like any other. Every blob is read and re-hashed before
 * any of them is compiled, so a tampered or missing blob refuses the connection with nothing
 * loaded. Java and compiled-in entries are looked up by name and must have the pinned version.
 */
public final class OpenedBundle {
    /** One extension of the bundle with its code. */
    static final class Member {
        final BundleEntry entry;
        final Extension extension;

        Member(BundleEntry entry, Extension extension) {
            this.entry = entry;
            this.extension = extension;
        }
    }

    private final String ref;
    private final Bundle bundle;
    private final List<Member> members;

    private OpenedBundle(String ref, Bundle bundle, List<Member> members) {
        this.ref = ref;
        this.bundle = bundle;
        this.members = members;
    }

    public Bundle bundle() {
        return bundle;
    }

    List<Member> members() {
        return members;
    }

    /** How the connection named the bundle, for error messages. */
    String ref() {
        return ref;
    }

    public static OpenedBundle open(BundleStore store, String ref, BundleMode mode) throws SQLException {
        Bundle bundle;
        List<StoredExtension> content;
        try {
            bundle = store.resolve(ref);
            boolean hasWasm = bundle.entries().stream().anyMatch(e -> e.kind().isBlob());
            String target = hasWasm && mode != BundleMode.LOAD ? BundleWasm.buildTarget() : null;
            content = store.load(bundle, target);
        } catch (IOException e) {
            throw BundleErrors.sql(e);
        }
        List<Member> members = new ArrayList<>();
        for (StoredExtension s : content) {
            members.add(new Member(s.entry(), code(ref, s, mode)));
        }
        return new OpenedBundle(ref, bundle, List.copyOf(members));
    }

    private static Extension code(String ref, StoredExtension s, BundleMode mode) throws SQLException {
        BundleEntry e = s.entry();
        Extension ext;
        switch (e.kind()) {
            case BUILTIN:
                ext = CompiledIn.find(e.name());
                if (ext == null) {
                    throw new SQLException("bundle '" + ref + "' lists compiled-in extension '" + e.name()
                            + "', which this engine does not have (compiled in: " + compiledInNames() + ")", "42704");
                }
                break;
            case JAVA:
                ext = ExtensionCatalog.find(e.name());
                if (ext instanceof CompiledIn) {
                    throw new SQLException("bundle '" + ref + "' lists '" + e.name() + "' as a Java extension, but "
                            + "here it is compiled into the engine; save the bundle again", "42704");
                }
                break;
            default:
                ext = wasm(ref, s, mode);
                if (!ext.manifest().name().equals(e.name())) {
                    throw new SQLException("bundle '" + ref + "': the wasm module stored for '" + e.name()
                            + "' calls itself '" + ext.manifest().name() + "'; save the bundle again", "XX001");
                }
                return ext;
        }
        String version = ext.manifest().version().toString();
        if (!version.equals(e.version())) {
            throw new SQLException("bundle '" + ref + "' pins " + e.kind().id() + " extension '" + e.name()
                    + "' at version " + e.version() + ", but this class path has version " + version
                    + "; put version " + e.version() + " on the class path, or save the bundle again from a "
                    + "connection that uses " + version, "42704");
        }
        return ext;
    }

    private static Extension wasm(String ref, StoredExtension s, BundleMode mode) throws SQLException {
        String hash = s.entry().contentHash();
        switch (mode) {
            case LOAD:
                return BundleWasm.load(s.blob(), hash);
            case BUILT:
                if (s.built() == null) {
                    throw new SQLException("bundle '" + ref + "' is not built for " + BundleWasm.buildTarget()
                            + ": wasm extension '" + s.entry().name() + "' has no built form in the store; build it "
                            + "first (SqlinkBundles.build or SELECT sqlink_bundle_build('" + ref + "')), or open "
                            + "with bundle_mode=auto", "55000");
                }
                return BundleWasm.loadBuilt(s.blob(), hash, s.built());
            default:
                return s.built() != null ? BundleWasm.loadBuilt(s.blob(), hash, s.built())
                        : BundleWasm.load(s.blob(), hash);
        }
    }

    private static String compiledInNames() {
        List<String> names = new ArrayList<>();
        CompiledIn.ALL.forEach(c -> names.add(c.manifest().name()));
        return String.join(", ", names);
    }

    static ExtensionKind kindOf(Extension e) {
        if (e instanceof CompiledIn) {
            return ExtensionKind.BUILTIN;
        }
        return e.manifest().contentHash() != null ? ExtensionKind.WASM : ExtensionKind.JAVA;
    }
}
