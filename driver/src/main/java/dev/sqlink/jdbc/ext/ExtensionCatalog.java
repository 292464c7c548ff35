package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Extension;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Every extension a connection can enable by name: those compiled into the engine and the
 * Java extensions on the class path ({@link ServiceLoader}). Wasm files are not in the
 * catalog: a connection names them by path and content hash.
 */
public final class ExtensionCatalog {
    private ExtensionCatalog() {}

    private static final class Holder {
        static final Map<String, Extension> JAVA = load(ExtensionCatalog.class.getClassLoader());
    }

    private static Map<String, Extension> load(ClassLoader loader) {
        Map<String, Extension> m = new LinkedHashMap<>();
        for (Extension e : ServiceLoader.load(Extension.class, loader)) {
            Extension previous = m.putIfAbsent(e.manifest().name(), e);
            if (previous != null && previous.getClass() != e.getClass()) {
                // Two jars claim one name: refuse to guess which one the operator meant.
                m.put(e.manifest().name(), new Ambiguous(previous, e));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The extension called {@code name}, or an error listing what is installed. */
    static Extension find(String name) throws SQLException {
        CompiledIn builtin = CompiledIn.find(name);
        if (builtin != null) {
            return builtin;
        }
        Extension e = Holder.JAVA.get(name);
        if (e == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null && context != ExtensionCatalog.class.getClassLoader()) {
                e = load(context).get(name);
            }
        }
        if (e == null) {
            throw new SQLException("no extension named '" + name + "' is installed; installed: " + names()
                    + " (Java extensions are found through META-INF/services/dev.sqlink.spi.Extension; a wasm "
                    + "extension is enabled as file:PATH#sha256=HEX)", "42704");
        }
        if (e instanceof Ambiguous) {
            throw new SQLException("two Java extensions on the class path are both named '" + name + "': "
                    + ((Ambiguous) e).describe() + "; remove one jar", "42710");
        }
        return e;
    }

    static boolean isInstalled(String name) {
        return CompiledIn.find(name) != null || Holder.JAVA.containsKey(name);
    }

    /** Names of every installed extension, sorted. */
    public static TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>(Holder.JAVA.keySet());
        for (CompiledIn c : CompiledIn.ALL) {
            names.add(c.manifest().name());
        }
        return names;
    }

    private static final class Ambiguous implements Extension {
        private final Extension a;
        private final Extension b;

        Ambiguous(Extension a, Extension b) {
            this.a = a;
            this.b = b;
        }

        String describe() {
            return a.getClass().getName() + " and " + b.getClass().getName();
        }

        @Override
        public dev.sqlink.spi.ExtensionManifest manifest() {
            return a.manifest();
        }

        @Override
        public void register(dev.sqlink.spi.ExtensionContext context) {
            throw new IllegalStateException("ambiguous extension " + describe());
        }
    }
}
