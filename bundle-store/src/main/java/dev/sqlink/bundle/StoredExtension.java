package dev.sqlink.bundle;

/**
 * An extension with its verified bytes, as saved into or read out of the store. {@code blob}
 * is null for class-path kinds; {@code built} is the built form for the requested target, or
 * null when there is none (or none was asked for).
 */
public record StoredExtension(BundleEntry entry, byte[] blob, byte[] built) {
    /** A wasm extension from its bytes; the hash is computed here. */
    public static StoredExtension wasm(String name, String version, byte[] wasm) {
        return new StoredExtension(BundleEntry.wasm(name, version, Sha256.hex(wasm)), wasm, null);
    }

    public static StoredExtension classPath(ExtensionKind kind, String name, String version) {
        return new StoredExtension(BundleEntry.classPath(kind, name, version), null, null);
    }
}
