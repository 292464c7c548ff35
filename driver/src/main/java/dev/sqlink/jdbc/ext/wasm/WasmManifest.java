package dev.sqlink.jdbc.ext.wasm;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlink.spi.Capability;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.FunctionFlag;
import dev.sqlink.spi.SqlObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A wasm extension's manifest (the JSON its {@code sqlink_manifest} export returns): the SPI
 * manifest plus, for each SQL object, the exports that implement it. Every mistake is reported
 * with the field it is in.
 */
final class WasmManifest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS =
            Set.of("abi", "name", "version", "description", "prefix", "provides", "capabilities", "requires");
    private static final Set<String> OBJECT_FIELDS = Set.of("kind", "name", "args", "flags", "export");

    /** One SQL object and the export (or export prefix, for aggregates) that implements it. */
    static final class Binding {
        final SqlObject object;
        final int args;
        final FunctionFlag[] flags;
        final String export;

        Binding(SqlObject object, int args, FunctionFlag[] flags, String export) {
            this.object = object;
            this.args = args;
            this.flags = flags;
            this.export = export;
        }

        /** The exports the ABI requires for this object, with their types. */
        Map<String, FunctionType> exports() {
            Map<String, FunctionType> m = new LinkedHashMap<>();
            switch (object.kind()) {
                case SCALAR_FUNCTION:
                    m.put(export, WasmAbi.SCALAR_TYPE);
                    break;
                case WINDOW_FUNCTION:
                    m.put(export + "_value", WasmAbi.FINAL_TYPE);
                    m.put(export + "_inverse", WasmAbi.STEP_TYPE);
                    // fall through: a window function is also an aggregate
                case AGGREGATE_FUNCTION:
                    m.put(export + "_step", WasmAbi.STEP_TYPE);
                    m.put(export + "_final", WasmAbi.FINAL_TYPE);
                    break;
                default:
                    m.put(export, WasmAbi.COLLATION_TYPE);
                    break;
            }
            return m;
        }
    }

    final ExtensionManifest manifest;
    final List<Binding> bindings;

    private WasmManifest(ExtensionManifest manifest, List<Binding> bindings) {
        this.manifest = manifest;
        this.bindings = List.copyOf(bindings);
    }

    /** Parses {@code json}; the message of the exception says what is wrong and where. */
    static WasmManifest parse(String json, String sha256) throws BadManifest {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadManifest("is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadManifest("must be a JSON object");
        }
        unknownFields(root, FIELDS, "");
        JsonNode abi = root.get("abi");
        if (abi == null || !abi.isInt() || abi.intValue() != WasmAbi.VERSION) {
            throw new BadManifest("field 'abi' must be " + WasmAbi.VERSION + " (this driver implements ABI version "
                    + WasmAbi.VERSION + "), found " + abi);
        }
        ExtensionManifest.Builder b;
        try {
            b = ExtensionManifest.builder(text(root, "name", true), text(root, "version", true));
            String description = text(root, "description", false);
            if (description != null) {
                b.description(description);
            }
            String prefix = text(root, "prefix", false);
            if (prefix != null) {
                b.prefix(prefix);
            }
        } catch (IllegalArgumentException e) {
            throw new BadManifest(e.getMessage());
        }
        List<Binding> bindings = new ArrayList<>();
        for (JsonNode o : array(root, "provides")) {
            Binding binding = binding(o, "provides[" + bindings.size() + "]");
            try {
                b.provides(binding.object);
            } catch (IllegalArgumentException e) {
                throw new BadManifest(e.getMessage());
            }
            bindings.add(binding);
        }
        for (JsonNode c : array(root, "capabilities")) {
            Capability cap = c.isTextual() ? Capability.fromId(c.textValue()) : null;
            if (cap == null) {
                throw new BadManifest("capabilities: unknown capability " + c + " (known: clock, random, env, fs.read,"
                        + " fs.write)");
            }
            if (cap == Capability.SQL) {
                throw new BadManifest("capabilities: 'sql' is not available to wasm extensions (a wasm function runs"
                        + " inside a statement and cannot run SQL on its connection)");
            }
            b.requiresCapability(cap);
        }
        for (JsonNode r : array(root, "requires")) {
            if (!r.isTextual()) {
                throw new BadManifest("requires: each entry is a string NAME or NAME@RANGE, found " + r);
            }
            String s = r.textValue();
            int at = s.indexOf('@');
            try {
                b.requiresExtension(at < 0 ? s.trim() : s.substring(0, at).trim(), at < 0 ? "*" : s.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new BadManifest("requires: '" + s + "': " + e.getMessage());
            }
        }
        return new WasmManifest(b.contentHash(sha256).build(), bindings);
    }

    private static Binding binding(JsonNode o, String where) throws BadManifest {
        if (!o.isObject()) {
            throw new BadManifest(where + " must be an object {\"kind\", \"name\", ...}");
        }
        unknownFields(o, OBJECT_FIELDS, where + ".");
        String kindText = text(o, "kind", true, where);
        SqlObject.Kind kind;
        switch (kindText) {
            case "scalar": kind = SqlObject.Kind.SCALAR_FUNCTION; break;
            case "aggregate": kind = SqlObject.Kind.AGGREGATE_FUNCTION; break;
            case "window": kind = SqlObject.Kind.WINDOW_FUNCTION; break;
            case "collation": kind = SqlObject.Kind.COLLATION; break;
            default:
                throw new BadManifest(where + ".kind must be scalar, aggregate, window or collation, found '"
                        + kindText + "'");
        }
        String name = text(o, "name", true, where);
        SqlObject object;
        try {
            object = SqlObject.of(kind, name);
        } catch (IllegalArgumentException e) {
            throw new BadManifest(where + ".name: " + e.getMessage());
        }
        String export = text(o, "export", false, where);
        if (export == null) {
            export = name;
        }
        int args = 0;
        List<FunctionFlag> flags = new ArrayList<>();
        if (kind == SqlObject.Kind.COLLATION) {
            if (o.has("args") || o.has("flags")) {
                throw new BadManifest(where + ": a collation takes no 'args' or 'flags'");
            }
        } else {
            JsonNode a = o.get("args");
            if (a == null || !a.isInt() || a.intValue() < -1 || a.intValue() > 127) {
                throw new BadManifest(where + ".args must be the number of arguments (0 to 127, or -1 for any), found "
                        + a);
            }
            args = a.intValue();
            for (JsonNode f : array(o, "flags")) {
                flags.add(flag(f, where));
            }
        }
        return new Binding(object, args, flags.toArray(new FunctionFlag[0]), export);
    }

    private static FunctionFlag flag(JsonNode f, String where) throws BadManifest {
        String s = f.isTextual() ? f.textValue().toLowerCase(Locale.ROOT) : "";
        switch (s) {
            case "deterministic": return FunctionFlag.DETERMINISTIC;
            case "innocuous": return FunctionFlag.INNOCUOUS;
            case "direct_only": return FunctionFlag.DIRECT_ONLY;
            default:
                throw new BadManifest(where + ".flags: unknown flag " + f + " (known: deterministic, innocuous,"
                        + " direct_only)");
        }
    }

    private static void unknownFields(JsonNode o, Set<String> known, String where) throws BadManifest {
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                // A typo ("capabilites") must not silently drop a requirement.
                throw new BadManifest("unknown field '" + where + f + "' (known: " + new java.util.TreeSet<>(known)
                        + ")");
            }
        }
    }

    private static String text(JsonNode o, String field, boolean required) throws BadManifest {
        return text(o, field, required, "");
    }

    private static String text(JsonNode o, String field, boolean required, String where) throws BadManifest {
        JsonNode v = o.get(field);
        String name = where.isEmpty() ? field : where + "." + field;
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadManifest("field '" + name + "' is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new BadManifest("field '" + name + "' must be a string, found " + v);
        }
        return v.textValue();
    }

    private static Iterable<JsonNode> array(JsonNode o, String field) throws BadManifest {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadManifest("field '" + field + "' must be an array, found " + v);
        }
        return v;
    }

    /** A manifest mistake; the message completes "the manifest ...". */
    static final class BadManifest extends Exception {
        private static final long serialVersionUID = 1L;

        BadManifest(String message) {
            super(message);
        }
    }
}
