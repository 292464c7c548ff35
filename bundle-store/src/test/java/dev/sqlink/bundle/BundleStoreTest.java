package dev.sqlink.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleStoreTest {
    @TempDir
    Path dir;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<StoredExtension> content(String wasmName, String wasmText) {
        return List.of(StoredExtension.wasm(wasmName, "1.0", bytes(wasmText)),
                StoredExtension.classPath(ExtensionKind.JAVA, "regexp", "1.0.0"),
                StoredExtension.classPath(ExtensionKind.BUILTIN, "fts5", "3.54.1"));
    }

    @Test
    void identityIsTheDocumentedEncodingAndIgnoresOrderAndNames() throws IOException {
        BundleEntry a = BundleEntry.wasm("b", "1.0", Sha256.hex(bytes("x")));
        BundleEntry b = BundleEntry.classPath(ExtensionKind.JAVA, "a", "2.1");
        String expected = "sqlink-bundle-v1\n" + "a\0" + b.contentHash() + "\n" + "b\0" + a.contentHash() + "\n";
        assertEquals(Sha256.hex(bytes(expected)), BundleIdentity.of(List.of(a, b)));
        assertEquals(BundleIdentity.of(List.of(a, b)), BundleIdentity.of(List.of(b, a)));
        assertEquals(Sha256.hex(bytes("sqlink-classpath-extension-v1\njava\na\n2.1\n")), b.contentHash());
        // a version change is a different bundle
        assertFalse(BundleIdentity.of(List.of(a, b)).equals(
                BundleIdentity.of(List.of(a, BundleEntry.classPath(ExtensionKind.JAVA, "a", "2.2")))));
    }

    @Test
    void saveListShowResolveAndDeleteAlias() throws IOException {
        BundleStore store = BundleStore.open(dir);
        Bundle saved = store.save("analytics", content("geo", "wasm-1"));
        assertEquals(List.of("analytics"), saved.names());
        assertEquals(List.of("fts5", "geo", "regexp"), saved.entries().stream().map(BundleEntry::name).toList());
        assertEquals(saved.hash(), store.resolve("analytics").hash());
        assertEquals(saved.hash(), store.resolve(saved.hash().substring(0, 6)).hash());
        assertEquals(saved.hash(), store.resolve(saved.hash()).hash());
        assertEquals(1, store.list().size());
        assertArrayEquals(bytes("wasm-1"), store.readBlob(Sha256.hex(bytes("wasm-1"))));
        assertTrue(Files.isRegularFile(dir.resolve("blobs").resolve(Sha256.hex(bytes("wasm-1")).substring(0, 2))
                .resolve(Sha256.hex(bytes("wasm-1")).substring(2))));

        BundleStoreException unknown = assertThrows(BundleStoreException.class, () -> store.resolve("nope"));
        assertEquals(BundleStoreException.Reason.NOT_FOUND, unknown.reason());
        assertTrue(unknown.getMessage().contains(saved.shortHash()) && unknown.getMessage().contains("analytics"),
                unknown.getMessage());

        assertTrue(store.deleteAlias("analytics"));
        assertFalse(store.deleteAlias("analytics"));
        assertEquals(List.of(), store.resolve(saved.hash()).names());
        assertThrows(BundleStoreException.class, () -> store.save("bad name", content("geo", "x")));
    }

    @Test
    void ambiguousPrefixListsTheCandidates() throws IOException {
        BundleStore store = BundleStore.open(dir);
        List<List<StoredExtension>> pair = collidingPair(4);
        Bundle a = store.save("first", pair.get(0));
        Bundle b = store.save(null, pair.get(1));
        String prefix = a.hash().substring(0, 4);
        BundleStoreException e = assertThrows(BundleStoreException.class, () -> store.resolve(prefix));
        assertEquals(BundleStoreException.Reason.AMBIGUOUS, e.reason());
        assertTrue(e.getMessage().contains(a.hash()) && e.getMessage().contains(b.hash())
                && e.getMessage().contains("[first]"), e.getMessage());
        assertEquals(a.hash(), store.resolve(a.hash().substring(0, 12)).hash());
    }

    /** Two single-extension bundles whose hashes share their first {@code digits} hex digits. */
    static List<List<StoredExtension>> collidingPair(int digits) {
        Map<String, List<StoredExtension>> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            List<StoredExtension> c = List.of(StoredExtension.classPath(ExtensionKind.JAVA, "ext" + i, "1.0"));
            String prefix = BundleIdentity.of(List.of(c.get(0).entry())).substring(0, digits);
            List<StoredExtension> other = seen.putIfAbsent(prefix, c);
            if (other != null) {
                return List.of(other, c);
            }
        }
    }

    @Test
    void aFlippedByteInAStoredBlobIsAnErrorAndNothingLoads() throws IOException {
        BundleStore store = BundleStore.open(dir);
        Bundle b = store.save("t", content("geo", "wasm-bytes"));
        String hash = Sha256.hex(bytes("wasm-bytes"));
        Path blob = dir.resolve("blobs").resolve(hash.substring(0, 2)).resolve(hash.substring(2));
        byte[] raw = Files.readAllBytes(blob);
        raw[3] ^= 1;
        Files.write(blob, raw);
        BundleStoreException e = assertThrows(BundleStoreException.class, () -> store.load(b, null));
        assertEquals(BundleStoreException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains(hash) && e.getMessage().contains("corrupt"), e.getMessage());
        Files.delete(blob);
        e = assertThrows(BundleStoreException.class, () -> store.load(b, null));
        assertEquals(BundleStoreException.Reason.NOT_FOUND, e.reason());
        // saving again repairs it
        store.save("t", content("geo", "wasm-bytes"));
        assertEquals(3, store.load(b, null).size());
    }

    @Test
    void anEditedBundleDocumentIsRefused() throws IOException {
        BundleStore store = BundleStore.open(dir);
        Bundle b = store.save("t", content("geo", "w"));
        Path doc = dir.resolve("bundles").resolve(b.hash() + ".json");
        Files.writeString(doc, Files.readString(doc).replace("\"regexp\"", "\"regexq\""));
        BundleStoreException e = assertThrows(BundleStoreException.class, () -> store.resolve("t"));
        assertEquals(BundleStoreException.Reason.CORRUPT, e.reason());
    }

    @Test
    void exportThenImportIntoAnotherStoreVerifiesEveryHash() throws IOException {
        BundleStore one = BundleStore.open(dir.resolve("one"));
        Bundle b = one.save("analytics", content("geo", "wasm-geo"));
        Path file = dir.resolve("analytics.sqlink-bundle");
        one.export("analytics", file);

        BundleStore two = BundleStore.open(dir.resolve("two"));
        Bundle imported = two.importFrom(file, null);
        assertEquals(b.hash(), imported.hash());
        assertEquals(List.of("analytics"), imported.names());
        assertArrayEquals(bytes("wasm-geo"), two.load(imported, null).stream()
                .filter(s -> s.blob() != null).findFirst().orElseThrow().blob());
        assertEquals(b.hash(), two.importFrom(file, "renamed").hash());
        assertEquals(b.hash(), two.resolve("renamed").hash());
    }

    @Test
    void aTamperedExportImportsNothing() throws IOException {
        BundleStore one = BundleStore.open(dir.resolve("one"));
        one.save("x", content("geo", "some wasm bytes that are long enough"));
        Path file = dir.resolve("x.json");
        one.export("x", file);
        String json = Files.readString(file);
        int data = json.indexOf("\"data\"");
        int at = json.indexOf('"', data + 8) + 5; // a character inside the base64 text
        char c = json.charAt(at);
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, json.substring(0, at) + (c == 'A' ? 'B' : 'A') + json.substring(at + 1));

        BundleStore two = BundleStore.open(dir.resolve("two"));
        BundleStoreException e = assertThrows(BundleStoreException.class, () -> two.importFrom(tampered, null));
        assertEquals(BundleStoreException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("nothing was imported"), e.getMessage());
        assertEquals(List.of(), two.list());
        try (var s = Files.list(dir.resolve("two").resolve("blobs"))) {
            assertEquals(0, s.count());
        }
        // a renamed wasm entry (same data) breaks the bundle identity; a renamed class-path
        // entry breaks its own manifest hash
        Path renamed = dir.resolve("renamed.json");
        Files.writeString(renamed, json.replace("\"geo\"", "\"geq\""));
        e = assertThrows(BundleStoreException.class, () -> two.importFrom(renamed, null));
        assertTrue(e.getMessage().contains("identity"), e.getMessage());
        Files.writeString(renamed, json.replace("\"regexp\"", "\"regexq\""));
        e = assertThrows(BundleStoreException.class, () -> two.importFrom(renamed, null));
        assertTrue(e.getMessage().contains("manifest encoding"), e.getMessage());
        assertEquals(List.of(), two.list());
    }

    @Test
    void gcKeepsWhatIsReferencedAndDropsTheRest() throws IOException {
        BundleStore store = BundleStore.open(dir);
        Bundle kept = store.save("kept", content("geo", "kept-blob"));
        String loose = store.putBlob(bytes("loose"));
        store.putBuilt(loose, "chicory-1.7.5/java-17", bytes("built-loose"));
        String keptBlob = Sha256.hex(bytes("kept-blob"));
        store.putBuilt(keptBlob, "chicory-1.7.5/java-17", bytes("built-kept"));
        Files.write(dir.resolve("tmp").resolve("stray.tmp"), bytes("crash leftover"));

        GcReport r = store.gc(GcPolicy.KEEP_ALL);
        assertEquals(List.of(), r.bundlesRemoved());
        assertEquals(1, r.blobsRemoved());
        assertEquals(1, r.builtRemoved());
        assertThrows(BundleStoreException.class, () -> store.readBlob(loose));
        assertArrayEquals(bytes("kept-blob"), store.readBlob(keptBlob));
        assertArrayEquals(bytes("built-kept"), store.built(keptBlob, "chicory-1.7.5/java-17").orElseThrow());
        assertEquals(kept.hash(), store.resolve("kept").hash());
        try (var s = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void gcKeepsTheNMostRecentOrDropsThoseUnusedForADuration() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        BundleStore store = BundleStore.open(dir, clock);
        Bundle old = store.save("old", content("a", "blob-a"));
        clock.now = clock.now.plus(Duration.ofDays(10));
        Bundle mid = store.save("mid", content("b", "blob-b"));
        clock.now = clock.now.plus(Duration.ofDays(10));
        Bundle recent = store.save("recent", content("c", "blob-c"));
        clock.now = clock.now.plus(Duration.ofDays(1));
        store.load(old, null); // using it makes it the most recent

        GcReport r = store.gc(GcPolicy.keepRecent(2));
        assertEquals(List.of(mid.hash()), r.bundlesRemoved());
        assertEquals(1, r.aliasesRemoved());
        assertEquals(1, r.blobsRemoved());
        assertEquals(List.of("old", "recent"), store.list().stream().flatMap(b -> b.names().stream()).sorted().toList());

        clock.now = clock.now.plus(Duration.ofDays(5));
        r = store.gc(GcPolicy.unusedFor(Duration.ofDays(5).plusHours(12)));
        assertEquals(List.of(recent.hash()), r.bundlesRemoved());
        assertEquals(List.of(old.hash()), store.list().stream().map(Bundle::hash).toList());
        assertArrayEquals(bytes("blob-a"), store.readBlob(Sha256.hex(bytes("blob-a"))));
    }

    @Test
    void builtFormsAreVerified() throws IOException {
        BundleStore store = BundleStore.open(dir);
        String blob = store.putBlob(bytes("w"));
        assertTrue(store.built(blob, "t/1").isEmpty());
        store.putBuilt(blob, "t/1", bytes("compiled"));
        assertArrayEquals(bytes("compiled"), store.built(blob, "t/1").orElseThrow());
        Path p = dir.resolve("built").resolve(blob).resolve(BundleStore.fileName("t/1"));
        byte[] raw = Files.readAllBytes(p);
        raw[raw.length - 1] ^= 1;
        Files.write(p, raw);
        BundleStoreException e = assertThrows(BundleStoreException.class, () -> store.built(blob, "t/1"));
        assertEquals(BundleStoreException.Reason.CORRUPT, e.reason());
    }

    @Test
    void defaultLocationFollowsXdg() {
        assertEquals(Path.of("/x/cache/sqlink/bundles"), BundleStore.defaultRoot("/x/cache", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/sqlink/bundles"), BundleStore.defaultRoot(null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/sqlink/bundles"), BundleStore.defaultRoot("relative", "/home/u"));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
