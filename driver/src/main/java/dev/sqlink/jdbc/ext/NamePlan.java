package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.SqlObject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides the SQL names of every object the enabled extensions provide. Each object gets
 * {@code prefix_name}; the bare {@code name} only when exactly one provider wants it and no
 * built-in SQLite object has it, or when one provider claims it with {@code bare=name}. Any
 * other overlap is an error naming both providers and the property text that resolves it:
 * a bare name never silently shadows another.
 */
final class NamePlan {
    private final Map<EnabledExtension, Map<SqlObject, List<String>>> names = new HashMap<>();

    private NamePlan() {}

    /** The names {@code object} of {@code e} is registered under (qualified first). */
    List<String> namesOf(EnabledExtension e, SqlObject object) {
        return names.getOrDefault(e, Map.of()).getOrDefault(object, List.of());
    }

    private void add(EnabledExtension e, SqlObject o, String name) {
        names.computeIfAbsent(e, k -> new HashMap<>()).computeIfAbsent(o, k -> new ArrayList<>()).add(name);
    }

    /**
     * @param enabled in the order the property lists them (compiled-in ones are skipped)
     * @param builtins names SQLite already has, per namespace ("function", "collation", "module")
     * @param extensionsText the {@code extensions} value, for suggestions
     */
    static NamePlan build(List<EnabledExtension> enabled, Map<String, Set<String>> builtins, String extensionsText)
            throws SQLException {
        NamePlan plan = new NamePlan();
        Map<String, EnabledExtension> qualified = new HashMap<>();
        Map<String, List<EnabledExtension>> bareClaims = new LinkedHashMap<>();
        Map<String, SqlObject> objectByKey = new HashMap<>();
        for (EnabledExtension e : enabled) {
            if (e.isCompiledIn()) {
                continue;
            }
            for (SqlObject o : e.manifest.provides()) {
                String ns = o.kind().namespace();
                String q = e.prefix() + "_" + o.name();
                EnabledExtension other = qualified.put(ns + " " + q, e);
                if (other != null || builtins.getOrDefault(ns, Set.of()).contains(q)) {
                    String who = other != null ? "extensions '" + other.name() + "' and '" + e.name() + "' both"
                            : "extension '" + e.name() + "' and SQLite's built-in " + ns + " both";
                    throw new SQLException(who + " define the " + ns + " " + q + "; give one a different prefix: "
                            + "extensions=" + rewrite(extensionsText, e, ";prefix=" + e.prefix() + "2"), "42710");
                }
                plan.add(e, o, q);
                boolean wants = e.request.bare() == ExtensionRequest.BareNames.ALL
                        || e.request.owned().contains(o.name());
                if (wants) {
                    bareClaims.computeIfAbsent(ns + " " + o.name(), k -> new ArrayList<>()).add(e);
                    objectByKey.put(ns + " " + o.name() + " " + e.name(), o);
                }
            }
        }
        for (Map.Entry<String, List<EnabledExtension>> claim : bareClaims.entrySet()) {
            String ns = claim.getKey().substring(0, claim.getKey().indexOf(' '));
            String name = claim.getKey().substring(ns.length() + 1);
            List<EnabledExtension> claimants = claim.getValue();
            List<EnabledExtension> owners = claimants.stream().filter(c -> c.request.owned().contains(name))
                    .collect(Collectors.toList());
            EnabledExtension winner;
            if (owners.size() > 1) {
                throw new SQLException("extensions '" + owners.get(0).name() + "' and '" + owners.get(1).name()
                        + "' both claim the bare " + ns + " name '" + name + "' with bare=" + name
                        + "; only one may own it", "42710");
            } else if (owners.size() == 1) {
                winner = owners.get(0);
            } else if (claimants.size() > 1 || builtins.getOrDefault(ns, Set.of()).contains(name)) {
                EnabledExtension a = claimants.get(0);
                String other = claimants.size() > 1 ? "extension '" + claimants.get(1).name() + "' (as "
                        + claimants.get(1).prefix() + "_" + name + ")" : "SQLite's built-in " + ns + " " + name;
                throw new SQLException("the bare " + ns + " name '" + name + "' is provided by extension '" + a.name()
                        + "' (as " + a.prefix() + "_" + name + ") and by " + other + "; use the prefixed names, and "
                        + "choose who owns the bare name: extensions=" + rewrite(extensionsText, a, ";bare=" + name)
                        + " (or register no bare names: extensions=" + rewrite(extensionsText, a, ";bare=none") + ")",
                        "42710");
            } else {
                winner = claimants.get(0);
            }
            if (qualified.containsKey(ns + " " + name)) {
                throw new SQLException("the bare " + ns + " name '" + name + "' of extension '" + winner.name()
                        + "' equals the prefixed name of extension '" + qualified.get(ns + " " + name).name()
                        + "'; drop the bare names: extensions=" + rewrite(extensionsText, winner, ";bare=none"), "42710");
            }
            plan.add(winner, objectByKey.get(ns + " " + name + " " + winner.name()), name);
        }
        return plan;
    }

    /** The extensions property with {@code option} appended to {@code e}'s item. */
    private static String rewrite(String extensionsText, EnabledExtension e, String option) {
        List<String> items = new ArrayList<>();
        for (String item : extensionsText.split(",")) {
            String t = item.trim();
            items.add(t.equals(e.request.text()) ? t + option : t);
        }
        return String.join(",", items);
    }
}
