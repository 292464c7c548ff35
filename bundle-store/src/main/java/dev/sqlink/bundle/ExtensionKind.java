package dev.sqlink.bundle;

import java.util.Locale;

/**
 * How an extension in a bundle is delivered. Only {@link #WASM} extensions are blobs in the
 * store; the others are code on the class path, recorded by name and version.
 */
public enum ExtensionKind {
    /** A WebAssembly module; its content hash is the SHA-256 of its bytes, kept as a blob. */
    WASM,
    /** A Java extension found with ServiceLoader; resolved from the class path at open. */
    JAVA,
    /** Compiled into the SQLite engine; resolved from the engine at open. */
    BUILTIN;

    /** The spelling in bundle documents and exports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExtensionKind fromId(String id) {
        for (ExtensionKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown extension kind '" + id + "' (known: wasm, java, builtin)");
    }

    public boolean isBlob() {
        return this == WASM;
    }
}
