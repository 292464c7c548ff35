package dev.sqlink.jdbc;

import dev.sqlink.bundle.Bundle;
import dev.sqlink.bundle.BundleStore;
import dev.sqlink.bundle.GcPolicy;
import dev.sqlink.bundle.GcReport;
import dev.sqlink.jdbc.ext.BundleBuilds;
import dev.sqlink.jdbc.ext.BundleErrors;
import dev.sqlink.jdbc.ext.LoadedExtensions;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The bundle store of a connection ({@code bundle_store}, else the default under the user's
 * cache folder), reached with {@code connection.unwrap(SqlinkConnection.class).bundles()}.
 * Saving captures the extensions this connection loaded; everything else works on the store.
 * Paths given here are the caller's business: the Java API is not confined by grants (the SQL
 * functions for export and import are; see docs/bundles.md).
 */
public final class SqlinkBundles {
    private final Path location;
    private final LoadedExtensions loaded;
    private volatile BundleStore store;

    SqlinkBundles(Path location, LoadedExtensions loaded) {
        this.location = location;
        this.loaded = loaded;
    }

    /** The store folder, created at first use. */
    public Path location() {
        return location;
    }

    public BundleStore store() throws SQLException {
        BundleStore s = store;
        if (s == null) {
            try {
                s = BundleStore.open(location);
            } catch (IOException e) {
                throw BundleErrors.sql(e);
            }
            store = s;
        }
        return s;
    }

    /** Saves the extensions this connection loaded as a bundle named {@code name} (null: hash only). */
    public Bundle save(String name) throws SQLException {
        return onStore(s -> s.save(name, loaded.content(s)));
    }

    /** Every bundle in the store, most recently used first. */
    public List<Bundle> list() throws SQLException {
        return onStore(s -> s.list());
    }

    /** The bundle an alias or hash prefix names; ambiguous or unknown references are errors. */
    public Bundle show(String ref) throws SQLException {
        return onStore(s -> s.resolve(ref));
    }

    /** Removes an alias; the bundle stays reachable by hash until gc drops it. */
    public boolean deleteAlias(String name) throws SQLException {
        return onStore(s -> s.deleteAlias(name));
    }

    public GcReport gc(GcPolicy policy) throws SQLException {
        return onStore(s -> s.gc(policy));
    }

    /** Writes a bundle and its blobs to one file, for {@link #importFrom} on another machine. */
    public Bundle export(String ref, Path file) throws SQLException {
        return onStore(s -> s.export(ref, file));
    }

    /** Imports an export, every hash verified first; {@code alias} null keeps the exported names. */
    public Bundle importFrom(Path file, String alias) throws SQLException {
        return onStore(s -> s.importFrom(file, alias));
    }

    /** One store operation; its I/O failures become SQLExceptions with a SQLState per reason. */
    private interface StoreCall<T> {
        T on(BundleStore store) throws IOException, SQLException;
    }

    private <T> T onStore(StoreCall<T> call) throws SQLException {
        try {
            return call.on(store());
        } catch (IOException e) {
            throw BundleErrors.sql(e);
        }
    }

    /** Compiles the bundle's wasm extensions for this JVM and keeps the result; returns how many. */
    public int build(String ref) throws SQLException {
        return BundleBuilds.build(store(), ref);
    }
}
