package dev.sqlink.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The export format: one JSON document holding a bundle's identity, its aliases, its entries
 * and, for every wasm entry, the blob in base64 next to its SHA-256:
 * <pre>
 * { "format": "sqlink-bundle-export", "formatVersion": 1,
 *   "sha256": BUNDLE_HASH, "names": [ALIAS...],
 *   "extensions": [ {"name", "kind", "version", "sha256", "data": BASE64 (wasm only)} ... ] }
 * </pre>
 * Built forms are not exported: they belong to one Chicory and Java version, and a store
 * rebuilds them. Reading verifies everything before returning anything.
 */
final class BundleExports {
    private BundleExports() {}

    static byte[] write(Bundle bundle, List<StoredExtension> content) throws IOException {
        ObjectNode doc = BundleDocuments.json().createObjectNode();
        doc.put("format", "sqlink-bundle-export");
        doc.put("formatVersion", 1);
        doc.put("sha256", bundle.hash());
        ArrayNode names = doc.putArray("names");
        bundle.names().forEach(names::add);
        ArrayNode list = doc.putArray("extensions");
        for (StoredExtension s : content) {
            ObjectNode n = BundleDocuments.entry(s.entry());
            if (s.blob() != null) {
                n.put("data", Base64.getEncoder().encodeToString(s.blob()));
            }
            list.add(n);
        }
        return BundleDocuments.json().writeValueAsBytes(doc);
    }

    /** A verified export: its identity, aliases and content. */
    record Verified(String hash, List<String> names, List<StoredExtension> content) {}

    static Verified read(byte[] bytes, String where) throws BundleStoreException {
        try {
            return verify(bytes, where);
        } catch (BundleStoreException e) {
            if (e.getMessage().contains("nothing was imported")) {
                throw e;
            }
            throw new BundleStoreException(e.reason(), e.getMessage() + "; nothing was imported", e);
        }
    }

    private static Verified verify(byte[] bytes, String where) throws BundleStoreException {
        JsonNode doc;
        try {
            doc = BundleDocuments.json().readTree(bytes);
        } catch (IOException e) {
            throw corrupt(where + " is not a bundle export (not JSON: " + e.getMessage() + ")", e);
        }
        if (doc == null || !"sqlink-bundle-export".equals(doc.path("format").asText())) {
            throw corrupt(where + " is not a bundle export (no \"format\": \"sqlink-bundle-export\")", null);
        }
        if (doc.path("formatVersion").asInt() != 1) {
            throw corrupt(where + " has export format version " + doc.path("formatVersion")
                    + "; this sqlink reads version 1", null);
        }
        List<BundleEntry> entries = BundleDocuments.entries(doc.path("extensions"), where);
        List<StoredExtension> content = new ArrayList<>();
        for (JsonNode n : doc.path("extensions")) {
            BundleEntry e = entryNamed(entries, n.path("name").asText());
            byte[] blob = null;
            if (e.kind().isBlob()) {
                if (!n.path("data").isTextual()) {
                    throw corrupt(where + ": wasm extension '" + e.name() + "' has no data", null);
                }
                try {
                    blob = Base64.getDecoder().decode(n.path("data").asText());
                } catch (IllegalArgumentException x) {
                    throw corrupt(where + ": the data of extension '" + e.name() + "' is not base64", x);
                }
                String actual = Sha256.hex(blob);
                if (!actual.equals(e.contentHash())) {
                    throw corrupt(where + ": the data of extension '" + e.name() + "' hashes to " + actual
                            + ", but the export says " + e.contentHash() + "; the file was changed or damaged "
                            + "in transit, nothing was imported", null);
                }
            }
            content.add(new StoredExtension(e, blob, null));
        }
        String claimed = doc.path("sha256").asText();
        String actual = BundleIdentity.of(entries);
        if (!actual.equals(claimed)) {
            throw corrupt(where + ": its extensions have identity " + actual + " but the export says " + claimed
                    + "; the file was changed, nothing was imported", null);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : doc.path("names")) {
            names.add(n.asText());
        }
        return new Verified(actual, names, content);
    }

    private static BundleEntry entryNamed(List<BundleEntry> entries, String name) {
        for (BundleEntry e : entries) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalStateException(name);
    }

    private static BundleStoreException corrupt(String message, Throwable cause) {
        return new BundleStoreException(BundleStoreException.Reason.CORRUPT, message, cause);
    }
}
