package dev.sqlink.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * The JSON shapes the store reads and writes: the bundle document kept at
 * {@code bundles/HASH.json} and the entries inside an export. Reading always recomputes what
 * the JSON claims (class-path hashes, the bundle identity), so a hand-edited document is
 * refused rather than trusted.
 */
final class BundleDocuments {
    /** Built at first write or export, not when a connection merely reads a bundle. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static ObjectMapper json() {
        return Mapper.INSTANCE;
    }

    private BundleDocuments() {}

    static ObjectNode entry(BundleEntry e) {
        ObjectNode n = json().createObjectNode();
        n.put("name", e.name());
        n.put("kind", e.kind().id());
        n.put("version", e.version());
        n.put("sha256", e.contentHash());
        return n;
    }

    static byte[] bundle(String hash, List<BundleEntry> entries) throws IOException {
        ObjectNode doc = json().createObjectNode();
        doc.put("format", "sqlink-bundle");
        doc.put("formatVersion", 1);
        doc.put("sha256", hash);
        ArrayNode list = doc.putArray("extensions");
        for (BundleEntry e : entries) {
            list.add(entry(e));
        }
        return json().writeValueAsBytes(doc);
    }

    /**
     * The entries of a stored bundle document, checked against the hash its file is named by.
     * Read with the streaming parser: this runs when a connection opens a bundle, and the
     * object mapper's start-up would cost that first connection far more than the parse.
     */
    static List<BundleEntry> readBundle(byte[] json, String expectedHash, String where) throws BundleStoreException {
        try {
            List<BundleEntry> entries = BundleIdentity.canonicalOrder(streamEntries(json));
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

    private static final JsonFactory STREAMS = new JsonFactory();

    /** The objects of the top-level "extensions" array, each field read as text. */
    private static List<BundleEntry> streamEntries(byte[] json) throws IOException {
        List<BundleEntry> out = new ArrayList<>();
        boolean seen = false;
        try (JsonParser p = STREAMS.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("extensions")) {
                    p.skipChildren();
                    continue;
                }
                seen = true;
                expect(p.currentToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> f = new HashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        f.put(name, p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null);
                        p.skipChildren();
                    }
                    out.add(new BundleEntry(f.get("name"), ExtensionKind.fromId(String.valueOf(f.get("kind"))),
                            f.get("version"), f.get("sha256")));
                }
            }
        }
        if (!seen) {
            throw new IllegalArgumentException("no extensions array");
        }
        return out;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + actual);
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
