package dev.sqlink.jdbc.ext;

import dev.sqlink.bundle.BundleStore;
import dev.sqlink.bundle.BundleStoreException;
import dev.sqlink.bundle.ExtensionKind;
import dev.sqlink.bundle.Sha256;
import dev.sqlink.bundle.StoredExtension;
import dev.sqlink.spi.ExtensionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The extensions a connection loaded, dependencies first, and what saving them as a bundle
 * needs: each one's kind and, for wasm, where its bytes come from again (the pinned file, or
 * the store the bundle came from). The bytes are not kept in memory per connection.
 */
public final class LoadedExtensions {
    public static final LoadedExtensions NONE = new LoadedExtensions(List.of());

    private final List<EnabledExtension> enabled;

    LoadedExtensions(List<EnabledExtension> enabled) {
        this.enabled = List.copyOf(enabled);
    }

    public List<ExtensionManifest> manifests() {
        List<ExtensionManifest> out = new ArrayList<>();
        enabled.forEach(e -> out.add(e.manifest));
        return List.copyOf(out);
    }

    /** The bundle content of these extensions, every wasm blob read and verified again. */
    public List<StoredExtension> content(BundleStore store) throws SQLException {
        if (enabled.isEmpty()) {
            throw new SQLException("this connection loaded no extensions, so there is nothing to save as a bundle "
                    + "(enable some with the extensions property)", "HY024");
        }
        List<StoredExtension> out = new ArrayList<>();
        for (EnabledExtension e : enabled) {
            ExtensionKind kind = OpenedBundle.kindOf(e.extension);
            String version = e.manifest.version().toString();
            if (!kind.isBlob()) {
                out.add(StoredExtension.classPath(kind, e.name(), version));
                continue;
            }
            String hash = e.manifest.contentHash();
            byte[] bytes;
            try {
                bytes = e.request.isWasmFile() ? Files.readAllBytes(Path.of(e.request.wasmPath()))
                        : store.readBlob(hash);
            } catch (BundleStoreException x) {
                throw BundleErrors.sql(x);
            } catch (IOException x) {
                throw new SQLException("cannot read wasm extension '" + e.name() + "' again to save it: " + x, "58030",
                        x);
            }
            if (!Sha256.hex(bytes).equals(hash)) {
                throw new SQLException("wasm extension '" + e.name() + "' changed since this connection loaded it ("
                        + e.request.wasmPath() + " no longer hashes to " + hash + "); reopen the connection", "XX001");
            }
            out.add(StoredExtension.wasm(e.name(), version, bytes));
        }
        return out;
    }
}
