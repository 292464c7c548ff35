package dev.sqlink.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes the store reads and writes: the bundle document kept at
 * {@code bundles/HASH.json} and the entries inside an export. Reading always recomputes what
 * the JSON claims (class-path hashes, the bundle identity), so a hand-edited document is
 * refused rather than trusted.
 */
final class BundleDocuments {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleDocuments() {}

    static ObjectNode entry(BundleEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", e.name());
        n.put("kind", e.kind().id());
        n.put("version", e.version());
        n.put("sha256", e.contentHash());
        return n;
    }

    static byte[] bundle(String hash, List<BundleEntry> entries) throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", "sqlink-bundle");
        doc.put("formatVersion", 1);
        doc.put("sha256", hash);
        ArrayNode list = doc.putArray("extensions");
        for (BundleEntry e : entries) {
            list.add(entry(e));
        }
        return JSON.writeValueAsBytes(doc);
    }

    /** The entries of a stored bundle document, checked against the hash its file is named by. */
    static List<BundleEntry> readBundle(byte[] json, String expectedHash, String where) throws BundleStoreException {
        try {
            JsonNode doc = JSON.readTree(json);
            List<BundleEntry> entries = entries(doc.path("extensions"), where);
            String actual = BundleIdentity.of(entries);
            if (!actual.equals(expectedHash)) {
                throw new BundleStoreException(BundleStoreException.Reason.CORRUPT, where + " lists extensions whose "
                        + "identity is " + actual + ", not " + expectedHash + ": the file was changed outside "
                        + "sqlink; delete it and save or import the bundle again");
            }
            return entries;
        } catch (BundleStoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleStoreException(BundleStoreException.Reason.CORRUPT, where + " is not a readable bundle "
                    + "document (" + e.getMessage() + "); delete it and save or import the bundle again", e);
        }
    }

    static List<BundleEntry> entries(JsonNode list, String where) throws BundleStoreException {
        if (!list.isArray()) {
            throw new BundleStoreException(BundleStoreException.Reason.INVALID, where + " has no extensions array");
        }
        List<BundleEntry> out = new ArrayList<>();
        for (JsonNode n : list) {
            try {
                out.add(new BundleEntry(text(n, "name"), ExtensionKind.fromId(text(n, "kind")), text(n, "version"),
                        text(n, "sha256")));
            } catch (IllegalArgumentException e) {
                throw new BundleStoreException(BundleStoreException.Reason.CORRUPT, where + ": " + e.getMessage(), e);
            }
        }
        try {
            return BundleIdentity.canonicalOrder(out);
        } catch (IllegalArgumentException e) {
            throw new BundleStoreException(BundleStoreException.Reason.CORRUPT, where + ": " + e.getMessage(), e);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not text in " + n);
        }
        return v.asText();
    }
}
