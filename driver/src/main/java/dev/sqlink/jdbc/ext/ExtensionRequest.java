package dev.sqlink.jdbc.ext;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One item of the {@code extensions} property: which extension (a catalog name, or a pinned
 * wasm file) and how its names are mapped. Grammar (docs/extensions.md):
 * <pre>
 * extensions = item *("," item)
 * item       = (name | "file:" path "#sha256=" hex64) *(";" option)
 * option     = "prefix=" identifier | "bare=" ("all" | "none" | name *("+" name))
 * </pre>
 */
public final class ExtensionRequest {
    /** How an extension's bare (unprefixed) names are registered. */
    enum BareNames { ALL, NONE, OWNED }

    private final String text;
    private final String name;
    private final String wasmPath;
    private final String sha256;
    private final String prefix;
    private final BareNames bare;
    private final Set<String> owned;

    private ExtensionRequest(String text, String name, String wasmPath, String sha256, String prefix, BareNames bare,
            Set<String> owned) {
        this.text = text;
        this.name = name;
        this.wasmPath = wasmPath;
        this.sha256 = sha256;
        this.prefix = prefix;
        this.bare = bare;
        this.owned = owned;
    }

    /** Parses the whole property value; an empty or null value enables nothing. */
    public static List<ExtensionRequest> parseAll(String value) throws SQLException {
        List<ExtensionRequest> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                throw bad(value, "an empty item (two commas in a row?)");
            }
            out.add(parse(item.trim()));
        }
        return out;
    }

    static ExtensionRequest parse(String item) throws SQLException {
        String[] parts = item.split(";");
        String head = parts[0].trim();
        String name = null;
        String path = null;
        String hash = null;
        if (head.startsWith("file:")) {
            int h = head.indexOf("#sha256=");
            if (h < 0) {
                throw bad(item, "a wasm file must be pinned by its content hash: " + head
                        + "#sha256=<64 hex digits> (sha256sum prints it)");
            }
            path = head.substring("file:".length(), h);
            hash = head.substring(h + "#sha256=".length()).toLowerCase(Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw bad(item, "'" + hash + "' is not a SHA-256 (64 hex digits)");
            }
            if (path.isEmpty()) {
                throw bad(item, "the wasm file path is empty");
            }
        } else if (head.matches("[a-z][a-z0-9_]*")) {
            name = head;
        } else {
            throw bad(item, "'" + head + "' is neither an extension name (lower-case identifier) nor file:PATH#sha256=HEX");
        }
        String prefix = null;
        BareNames bare = BareNames.ALL;
        Set<String> owned = Collections.emptySet();
        for (int i = 1; i < parts.length; i++) {
            String opt = parts[i].trim();
            if (opt.startsWith("prefix=")) {
                prefix = opt.substring(7);
                if (!prefix.matches("[a-z][a-z0-9_]*")) {
                    throw bad(item, "prefix '" + prefix + "' must be a lower-case identifier");
                }
            } else if (opt.equals("bare=all")) {
                bare = BareNames.ALL;
            } else if (opt.equals("bare=none")) {
                bare = BareNames.NONE;
            } else if (opt.startsWith("bare=")) {
                bare = BareNames.OWNED;
                owned = new LinkedHashSet<>();
                for (String n : opt.substring(5).split("\\+")) {
                    if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw bad(item, "'" + n + "' in " + opt + " is not a SQL name");
                    }
                    owned.add(n.toLowerCase(Locale.ROOT));
                }
            } else {
                throw bad(item, "unknown option '" + opt + "' (options: prefix=NAME, bare=all, bare=none, bare=NAME+NAME)");
            }
        }
        return new ExtensionRequest(item, name, path, hash, prefix, bare, owned);
    }

    private static SQLException bad(String text, String why) {
        return new SQLException("invalid extensions property item '" + text + "': " + why, "HY024");
    }

    /** The item as written, for error messages that show what to change. */
    public String text() {
        return text;
    }

    /** The catalog name, or null for a wasm file (its name comes from its manifest). */
    public String name() {
        return name;
    }

    public boolean isWasmFile() {
        return wasmPath != null;
    }

    public String wasmPath() {
        return wasmPath;
    }

    public String sha256() {
        return sha256;
    }

    /** The prefix mapped by the connection, or null for the manifest's. */
    public String prefix() {
        return prefix;
    }

    BareNames bare() {
        return bare;
    }

    /** The bare names this extension owns against any other provider (with {@code bare=a+b}). */
    Set<String> owned() {
        return owned;
    }

    /** A request for {@code name} with default options (a dependency loaded on its own). */
    static ExtensionRequest implicit(String name) {
        return new ExtensionRequest(name, name, null, null, null, BareNames.ALL, Collections.emptySet());
    }
}
