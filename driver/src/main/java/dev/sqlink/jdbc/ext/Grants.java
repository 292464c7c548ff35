package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Capability;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code grants} property: capabilities granted per extension. Default deny: what is not
 * here is refused. Grammar (docs/extensions.md):
 * <pre>
 * grants = grant *("," grant)
 * grant  = extension ":" capability ["=" scope *("|" scope)]
 * </pre>
 * File capabilities take absolute paths (folders or files); {@code env} takes variable
 * names or {@code *}; the others take no scope.
 *
 * <p>The pseudo-extension {@value #CONNECTION} stands for the connection's own SQL: its
 * {@code fs.read}/{@code fs.write} grants (or {@code connection:confined}) confine the files
 * that ATTACH, VACUUM INTO and backups may open (see {@link ConnectionFilePolicy}), and they
 * are the only paths the bundle functions {@code sqlink_bundle_export} and
 * {@code sqlink_bundle_import} may write and read (those are refused without such a grant).
 */
public final class Grants {
    /** The name under which grants restrict the connection's own SQL rather than an extension. */
    public static final String CONNECTION = "connection";
    /** {@code connection:confined}: confine the connection's files without granting any folder. */
    static final String CONFINED = "confined";

    private final Map<String, Map<Capability, List<String>>> byExtension;
    private final boolean connectionConfined;

    private Grants(Map<String, Map<Capability, List<String>>> byExtension, boolean connectionConfined) {
        this.byExtension = byExtension;
        this.connectionConfined = connectionConfined;
    }

    static final Grants NONE = new Grants(Collections.emptyMap(), false);

    public static Grants parse(String value) throws SQLException {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        Map<String, Map<Capability, List<String>>> m = new HashMap<>();
        boolean confined = false;
        for (String raw : value.split(",")) {
            String grant = raw.trim();
            int colon = grant.indexOf(':');
            if (colon <= 0) {
                throw bad(grant, "expected EXTENSION:CAPABILITY[=SCOPE], e.g. csv:fs.read=/data/in");
            }
            String ext = grant.substring(0, colon);
            String rest = grant.substring(colon + 1);
            int eq = rest.indexOf('=');
            String capName = eq < 0 ? rest : rest.substring(0, eq);
            if (ext.equals(CONNECTION) && capName.equals(CONFINED) && eq < 0) {
                confined = true;
                continue;
            }
            Capability cap = Capability.fromId(capName);
            if (ext.equals(CONNECTION) && cap != Capability.FS_READ && cap != Capability.FS_WRITE) {
                throw bad(grant, "the connection's own SQL takes only " + CONNECTION + ":fs.read=PATH, "
                        + CONNECTION + ":fs.write=PATH or " + CONNECTION + ":" + CONFINED);
            }
            if (cap == null) {
                throw bad(grant, "unknown capability '" + capName + "' (known: " + known() + ")");
            }
            List<String> scopes = new ArrayList<>();
            if (eq >= 0) {
                if (!cap.isScoped()) {
                    throw bad(grant, "capability '" + capName + "' takes no scope: write " + ext + ":" + capName);
                }
                for (String s : rest.substring(eq + 1).split("\\|")) {
                    scopes.add(checkScope(grant, cap, s.trim()));
                }
            } else if (cap.isScoped()) {
                throw bad(grant, "capability '" + capName + "' needs a scope: " + ext + ":" + capName
                        + (cap == Capability.ENV ? "=NAME (or =*)" : "=/absolute/path"));
            }
            m.computeIfAbsent(ext, k -> new EnumMap<>(Capability.class))
                    .computeIfAbsent(cap, k -> new ArrayList<>()).addAll(scopes);
        }
        return new Grants(m, confined);
    }

    private static String checkScope(String grant, Capability cap, String scope) throws SQLException {
        if (cap == Capability.ENV) {
            if (!scope.equals("*") && !scope.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw bad(grant, "'" + scope + "' is not an environment variable name (or *)");
            }
            return scope;
        }
        try {
            Path p = Path.of(scope);
            if (scope.isEmpty() || !p.isAbsolute()) {
                throw bad(grant, "path '" + scope + "' must be absolute");
            }
            return p.normalize().toString();
        } catch (InvalidPathException e) {
            throw bad(grant, "malformed path '" + scope + "': " + e.getReason());
        }
    }

    private static String known() {
        StringBuilder b = new StringBuilder();
        for (Capability c : Capability.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(c.id());
        }
        return b.toString();
    }

    private static SQLException bad(String grant, String why) {
        return new SQLException("invalid grants property item '" + grant + "': " + why, "HY024");
    }

    /** Extensions that received grants (not the {@value #CONNECTION} pseudo-extension). */
    java.util.Set<String> extensions() {
        java.util.Set<String> names = new java.util.TreeSet<>(byExtension.keySet());
        names.remove(CONNECTION);
        return names;
    }

    /** Whether any {@value #CONNECTION} grant confines the files the connection's own SQL may open. */
    boolean confinesConnection() {
        return connectionConfined || byExtension.containsKey(CONNECTION);
    }

    boolean has(String extension, Capability c) {
        return byExtension.getOrDefault(extension, Map.of()).containsKey(c);
    }

    /** The scopes granted (paths, variable names); empty when not granted. */
    List<String> scopes(String extension, Capability c) {
        return byExtension.getOrDefault(extension, Map.of()).getOrDefault(c, List.of());
    }

    java.util.Set<Capability> capabilities(String extension) {
        return byExtension.getOrDefault(extension, Map.of()).keySet();
    }

    /** The property text that would grant {@code c} to {@code extension}. */
    static String example(String extension, Capability c) {
        switch (c) {
            case FS_READ:
            case FS_WRITE:
                return "grants=" + extension + ":" + c.id() + "=/absolute/folder";
            case ENV:
                return "grants=" + extension + ":env=VARIABLE";
            default:
                return "grants=" + extension + ":" + c.id();
        }
    }
}
