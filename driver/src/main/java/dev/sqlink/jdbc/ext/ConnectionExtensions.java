package dev.sqlink.jdbc.ext;

import dev.sqlink.engine.Database;
import dev.sqlink.jdbc.ext.wasm.WasmLimits;
import dev.sqlink.spi.Capability;
import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.Requirement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the extensions a connection asks for, before its first statement: resolve each name
 * or file, check dependencies, check grants (default deny), plan names, register. Any
 * failure refuses the whole connection; nothing is half-loaded into a connection that is
 * handed out.
 */
public final class ConnectionExtensions {
    private ConnectionExtensions() {}

    /**
     * @param extensionsText the {@code extensions} property (may be null)
     * @param grants the parsed {@code grants} property
     * @param bundle the opened {@code bundle} property (may be null): its extensions join those
     *     of {@code extensions}; an {@code extensions} item naming one of them gives its options
     * @param wasmLimits memory and time limits of this connection's wasm extensions
     * @return the enabled extensions, dependencies first
     */
    public static LoadedExtensions load(Database db, String extensionsText, Grants grants, OpenedBundle bundle,
            WasmLimits wasmLimits) throws SQLException {
        List<ExtensionRequest> requests = ExtensionRequest.parseAll(extensionsText);
        if (requests.isEmpty() && bundle == null) {
            if (!grants.extensions().isEmpty()) {
                throw new SQLException("grants name extension '" + grants.extensions().iterator().next()
                        + "' but the connection enables no extensions (add extensions=NAME)", "HY024");
            }
            return LoadedExtensions.NONE;
        }
        Map<String, EnabledExtension> enabled = resolve(requests, bundle);
        List<EnabledExtension> ordered = DependencyOrder.of(enabled, extensionsText);
        checkGrants(ordered, grants);
        NamePlan plan = NamePlan.build(ordered, BuiltinNames.of(db), extensionsText);
        EngineSqlRunner sql = new EngineSqlRunner(db);
        List<EnabledExtension> loaded = new ArrayList<>();
        for (EnabledExtension e : ordered) {
            Registration r = new Registration(db, e, plan, new GrantedHostServices(e.name(), grants, () -> sql),
                    wasmLimits);
            try {
                e.extension.register(r);
            } catch (SQLException x) {
                throw x;
            } catch (Exception x) {
                throw new SQLException("extension '" + e.name() + "' failed to register: " + x, "08001", x);
            }
            if (!e.isCompiledIn() && !r.missing().isEmpty()) {
                throw new SQLException("extension '" + e.name() + "' lists " + r.missing()
                        + " in its manifest but did not register them", "08001");
            }
            loaded.add(e);
        }
        return new LoadedExtensions(loaded);
    }

    private static Map<String, EnabledExtension> resolve(List<ExtensionRequest> requests, OpenedBundle bundle)
            throws SQLException {
        Map<String, Extension> fromBundle = new LinkedHashMap<>();
        if (bundle != null) {
            bundle.members().forEach(m -> fromBundle.put(m.entry.name(), m.extension));
        }
        Map<String, EnabledExtension> enabled = new LinkedHashMap<>();
        for (ExtensionRequest r : requests) {
            Extension ext = !r.isWasmFile() && fromBundle.containsKey(r.name()) ? fromBundle.remove(r.name())
                    : r.isWasmFile() ? WasmExtensions.load(r.wasmPath(), r.sha256()) : ExtensionCatalog.find(r.name());
            add(enabled, r, ext);
        }
        for (Map.Entry<String, Extension> b : fromBundle.entrySet()) {
            add(enabled, ExtensionRequest.implicit(b.getKey()), b.getValue());
        }
        return enabled;
    }

    private static void add(Map<String, EnabledExtension> enabled, ExtensionRequest r, Extension ext)
            throws SQLException {
        ExtensionManifest m = ext.manifest();
        if (m.name().equals(Grants.CONNECTION)) {
            throw new SQLException("an extension may not be called '" + Grants.CONNECTION + "': grants use that name "
                    + "for the connection itself", "HY024");
        }
        EnabledExtension previous = enabled.put(m.name(), new EnabledExtension(r, ext, m));
        if (previous != null) {
            throw new SQLException("extension '" + m.name() + "' is enabled twice ('" + previous.request.text()
                    + "' and '" + r.text() + "'); list it once", "HY024");
        }
    }

    /** Every required capability granted, and no grant that nothing asked for. */
    private static void checkGrants(List<EnabledExtension> ordered, Grants grants) throws SQLException {
        Set<String> names = new HashSet<>();
        for (EnabledExtension e : ordered) {
            names.add(e.name());
            for (Capability c : e.manifest.capabilities()) {
                if (!grants.has(e.name(), c)) {
                    throw new SQLException("extension '" + e.name() + "' requires capability '" + c.id()
                            + "', which this connection does not grant (nothing is granted by default); grant it with "
                            + Grants.example(e.name(), c), "42501");
                }
            }
            for (Capability c : grants.capabilities(e.name())) {
                if (!e.manifest.capabilities().contains(c)) {
                    throw new SQLException("grants give '" + c.id() + "' to extension '" + e.name()
                            + "', whose manifest does not ask for it (it asks for " + ids(e.manifest.capabilities())
                            + "); remove that grant", "HY024");
                }
            }
        }
        for (String g : grants.extensions()) {
            if (!names.contains(g)) {
                throw new SQLException("grants name extension '" + g + "', which this connection does not enable "
                        + "(enabled: " + names + "); fix the name or add it to extensions", "HY024");
            }
        }
    }

    private static String ids(Set<Capability> caps) {
        List<String> ids = new ArrayList<>();
        for (Capability c : caps) {
            ids.add(c.id());
        }
        return ids.isEmpty() ? "nothing" : String.join(", ", ids);
    }

    /** Orders extensions so that every one comes after what it requires; refuses missing ones and cycles. */
    static final class DependencyOrder {
        private final Map<String, EnabledExtension> enabled;
        private final String extensionsText;
        private final List<EnabledExtension> out = new ArrayList<>();
        private final Set<String> done = new HashSet<>();
        private final List<String> path = new ArrayList<>();

        private DependencyOrder(Map<String, EnabledExtension> enabled, String extensionsText) {
            this.enabled = enabled;
            this.extensionsText = extensionsText;
        }

        static List<EnabledExtension> of(Map<String, EnabledExtension> enabled, String extensionsText)
                throws SQLException {
            DependencyOrder d = new DependencyOrder(new LinkedHashMap<>(enabled), extensionsText);
            for (EnabledExtension e : new ArrayList<>(enabled.values())) {
                d.visit(e);
            }
            return d.out;
        }

        private void visit(EnabledExtension e) throws SQLException {
            if (done.contains(e.name())) {
                return;
            }
            if (path.contains(e.name())) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(e.name()), path.size()));
                cycle.add(e.name());
                throw new SQLException("extensions require each other in a cycle: " + String.join(" -> ", cycle)
                        + "; a cycle cannot be loaded in any order", "HY024");
            }
            path.add(e.name());
            for (Requirement r : e.manifest.requires()) {
                visit(required(e, r));
            }
            path.remove(path.size() - 1);
            done.add(e.name());
            out.add(e);
        }

        /**
         * The enabled extension {@code r} names. Compiled-in extensions are always present, so
         * they satisfy a requirement without being listed; anything else must be enabled
         * explicitly: loading code the operator did not name would widen the SQL surface behind
         * their back.
         */
        private EnabledExtension required(EnabledExtension by, Requirement r) throws SQLException {
            EnabledExtension dep = enabled.get(r.extension());
            if (dep == null) {
                CompiledIn builtin = CompiledIn.find(r.extension());
                if (builtin == null) {
                    String fix = ExtensionCatalog.isInstalled(r.extension())
                            ? "enable it too: extensions=" + extensionsText + "," + r.extension()
                            : "no extension of that name is installed (installed: " + ExtensionCatalog.names() + ")";
                    throw new SQLException("extension '" + by.name() + "' requires extension '" + r
                            + "', which this connection does not enable; " + fix, "42704");
                }
                dep = new EnabledExtension(ExtensionRequest.implicit(r.extension()), builtin, builtin.manifest());
                enabled.put(dep.name(), dep);
            }
            if (!r.versions().contains(dep.manifest.version())) {
                throw new SQLException("extension '" + by.name() + "' requires '" + r + "' but '" + dep.name()
                        + "' is version " + dep.manifest.version(), "42704");
            }
            return dep;
        }
    }

}
