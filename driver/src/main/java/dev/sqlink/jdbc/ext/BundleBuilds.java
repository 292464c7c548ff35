package dev.sqlink.jdbc.ext;

import dev.sqlink.bundle.Bundle;
import dev.sqlink.bundle.BundleEntry;
import dev.sqlink.bundle.BundleStore;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Builds a bundle: compiles each of its wasm blobs to JVM bytecode once and keeps the result
 * in the store for this target, so connections opening the bundle compile nothing.
 */
public final class BundleBuilds {
    private BundleBuilds() {}

    /** @return how many wasm extensions were built (0 for a bundle of class-path extensions) */
    public static int build(BundleStore store, String ref) throws SQLException {
        try {
            Bundle b = store.resolve(ref);
            int n = 0;
            String target = null;
            for (BundleEntry e : b.entries()) {
                if (!e.kind().isBlob()) {
                    continue;
                }
                target = target != null ? target : BundleWasm.buildTarget();
                byte[] blob = store.readBlob(e.contentHash());
                store.putBuilt(e.contentHash(), target, BundleWasm.build(blob));
                n++;
            }
            return n;
        } catch (IOException e) {
            throw BundleErrors.sql(e);
        }
    }
}
