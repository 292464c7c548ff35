package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionManifest;

/** An extension a connection enables: the code, its manifest and how the connection named it. */
final class EnabledExtension {
    final ExtensionRequest request;
    final Extension extension;
    final ExtensionManifest manifest;

    EnabledExtension(ExtensionRequest request, Extension extension, ExtensionManifest manifest) {
        this.request = request;
        this.extension = extension;
        this.manifest = manifest;
    }

    String name() {
        return manifest.name();
    }

    /** The prefix of qualified names: the connection's mapping, else the manifest's. */
    String prefix() {
        return request.prefix() != null ? request.prefix() : manifest.prefix();
    }

    boolean isCompiledIn() {
        return extension instanceof CompiledIn;
    }
}
