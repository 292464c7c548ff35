package dev.sqlink.jdbc.ext;

import java.util.Locale;

/** The {@code bundle_mode} property: how a bundle's wasm extensions are turned into code. */
public enum BundleMode {
    /** The built form when the store has one for this target, else compile at open. */
    AUTO,
    /** Only built forms: a wasm extension without one for this target refuses the connection. */
    BUILT,
    /** Always compile at open; built forms are ignored. */
    LOAD;

    public static BundleMode of(String property) {
        return property == null ? AUTO : valueOf(property.toUpperCase(Locale.ROOT));
    }
}
