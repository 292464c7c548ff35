package dev.sqlink.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A content-addressed store of extension blobs and bundles on disk (docs/bundles.md):
 * <pre>
 * ROOT/lock                      store-wide lock (shared: everything else, exclusive: gc)
 * ROOT/blobs/ab/cdef...          a blob, named by its SHA-256 (2 + 62 hex digits)
 * ROOT/bundles/HASH.json         a bundle document: its extensions (name, kind, version, sha256)
 * ROOT/names/ALIAS               an alias: the bundle hash it names
 * ROOT/built/BLOBHASH/TARGET     a built form of a blob for one target: its SHA-256, "\n", bytes
 * ROOT/used/HASH                 when the bundle was last opened or saved (ISO-8601 instant)
 * ROOT/tmp/                      temporary files, renamed into place atomically
 * </pre>
 * Every file is written to {@code tmp} and renamed into place, so readers never see half a
 * file; every blob and built form is re-hashed when read, so a changed byte is an error, never
 * a load. Safe to use from several threads and several processes at once.
 */
public final class BundleStore {
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{1,64}");
    /** Fewer hex digits than this are not taken as a hash prefix: they would match too much. */
    static final int MIN_PREFIX = 4;
    /** Last use is recorded with this resolution. */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final Path root;
    private final Clock clock;
    private final StoreLock lock;
    private final AtomicFiles files;

    private BundleStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.lock = StoreLock.of(root);
        this.files = new AtomicFiles(root.resolve("tmp"));
    }

    /** Opens (creating if needed) the store in {@code root}. */
    public static BundleStore open(Path root) throws IOException {
        return open(root, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps last use (tests move it). */
    public static BundleStore open(Path root, Clock clock) throws IOException {
        for (String dir : new String[] {"blobs", "bundles", "names", "built", "used", "tmp"}) {
            Files.createDirectories(root.resolve(dir));
        }
        return new BundleStore(root.toRealPath(), clock);
    }

    /** {@code $XDG_CACHE_HOME/sqlink/bundles}, else {@code ~/.cache/sqlink/bundles}. */
    public static Path defaultRoot() {
        return defaultRoot(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    static Path defaultRoot(String xdgCacheHome, String home) {
        // The XDG spec says a relative value is invalid and must be ignored.
        Path cache = xdgCacheHome != null && !xdgCacheHome.isEmpty() && Path.of(xdgCacheHome).isAbsolute()
                ? Path.of(xdgCacheHome) : Path.of(home, ".cache");
        return cache.resolve("sqlink").resolve("bundles");
    }

    public Path root() {
        return root;
    }

    // ------------------------------------------------------------------ blobs

    /** Stores {@code bytes}; returns their SHA-256. Storing the same bytes twice is a no-op. */
    public String putBlob(byte[] bytes) throws IOException {
        try (StoreLock.Held h = lock.shared()) {
            return writeBlob(bytes);
        }
    }

    /** The blob's bytes, re-hashed; a missing or changed blob is an error. */
    public byte[] readBlob(String hash) throws IOException {
        try (StoreLock.Held h = lock.shared()) {
            return verifiedBlob(hash);
        }
    }

    private String writeBlob(byte[] bytes) throws IOException {
        String hash = Sha256.hex(bytes);
        Path p = blobPath(hash);
        if (!(Files.isRegularFile(p) && hash.equals(Sha256.hex(Files.readAllBytes(p))))) {
            files.write(p, bytes); // absent, or damaged: the right bytes replace it
        }
        return hash;
    }

    private byte[] verifiedBlob(String hash) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(blobPath(hash));
        } catch (NoSuchFileException e) {
            throw new BundleStoreException(BundleStoreException.Reason.NOT_FOUND, "blob " + hash + " is missing from "
                    + "the bundle store " + root + "; import or save the bundle again");
        }
        String actual = Sha256.hex(bytes);
        if (!actual.equals(hash)) {
            throw new BundleStoreException(BundleStoreException.Reason.CORRUPT, "blob " + hash + " in the bundle "
                    + "store " + root + " is corrupt: its bytes hash to " + actual + "; it was changed outside "
                    + "sqlink. Delete " + blobPath(hash) + " and import or save the bundle again");
        }
        return bytes;
    }

    private Path blobPath(String hash) {
        if (!Sha256.isHash(hash)) {
            throw new IllegalArgumentException("not a SHA-256 (64 lower-case hex digits): '" + hash + "'");
        }
        return root.resolve("blobs").resolve(hash.substring(0, 2)).resolve(hash.substring(2));
    }

    // ------------------------------------------------------------------ built forms

    /** Keeps the built form of a stored blob for {@code target}; the blob must be in the store. */
    public void putBuilt(String blobHash, String target, byte[] built) throws IOException {
        try (StoreLock.Held h = lock.shared()) {
            verifiedBlob(blobHash); // a built form without its blob would be dropped by gc anyway
            byte[] header = (Sha256.hex(built) + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] content = new byte[header.length + built.length];
            System.arraycopy(header, 0, content, 0, header.length);
            System.arraycopy(built, 0, content, header.length, built.length);
            files.write(builtPath(blobHash, target), content);
        }
    }

    /** The built form of a blob for {@code target}, verified; empty when it was never built. */
    public Optional<byte[]> built(String blobHash, String target) throws IOException {
        try (StoreLock.Held h = lock.shared()) {
            return readBuilt(blobHash, target);
        }
    }

    private Optional<byte[]> readBuilt(String blobHash, String target) throws IOException {
        Path p = builtPath(blobHash, target);
        byte[] content;
        try {
            content = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        boolean intact = content.length > 64 && content[64] == '\n';
        byte[] built = intact ? Arrays.copyOfRange(content, 65, content.length) : new byte[0];
        if (!intact || !new String(content, 0, 64, StandardCharsets.US_ASCII).equals(Sha256.hex(built))) {
            throw new BundleStoreException(BundleStoreException.Reason.CORRUPT, "the built form " + p + " is corrupt "
                    + "(its content does not match its hash); delete it and build the bundle again, or open with "
                    + "bundle_mode=load");
        }
        return Optional.of(built);
    }

    private Path builtPath(String blobHash, String target) {
        if (!Sha256.isHash(blobHash)) {
            throw new IllegalArgumentException("not a SHA-256: '" + blobHash + "'");
        }
        return root.resolve("built").resolve(blobHash).resolve(fileName(target));
    }

    /** A build target as a file name: safe characters kept, every other byte as %XX. */
    static String fileName(String target) {
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("a build target must not be empty");
        }
        StringBuilder b = new StringBuilder();
        for (byte c : target.getBytes(StandardCharsets.UTF_8)) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || (c == '.' && b.length() > 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ bundles

    /**
     * Saves a bundle: its blobs, its document and (when {@code alias} is not null) the alias,
     * which moves to this bundle if it named another. Saving the same set again only
     * refreshes its last use.
     */
    public Bundle save(String alias, List<StoredExtension> content) throws IOException {
        if (alias != null) {
            checkAlias(alias);
        }
        List<BundleEntry> entries = new ArrayList<>();
        for (StoredExtension s : content) {
            checkContent(s);
            entries.add(s.entry());
        }
        String hash = BundleIdentity.of(entries);
        try (StoreLock.Held h = lock.shared()) {
            for (StoredExtension s : content) {
                if (s.blob() != null) {
                    writeBlob(s.blob());
                }
            }
            files.write(bundlePath(hash), BundleDocuments.bundle(hash, BundleIdentity.canonicalOrder(entries)));
            if (alias != null) {
                files.write(aliasPath(alias), (hash + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            touch(hash);
            return readBundle(hash, aliases());
        }
    }

    private static void checkContent(StoredExtension s) throws BundleStoreException {
        BundleEntry e = s.entry();
        if (e.kind().isBlob()) {
            if (s.blob() == null) {
                throw new BundleStoreException(BundleStoreException.Reason.INVALID, "wasm extension '" + e.name()
                        + "' comes without its bytes");
            }
            if (!Sha256.hex(s.blob()).equals(e.contentHash())) {
                throw new BundleStoreException(BundleStoreException.Reason.CORRUPT, "the bytes of wasm extension '"
                        + e.name() + "' do not hash to " + e.contentHash());
            }
        }
    }

    /** Every bundle, most recently used first. */
    public List<Bundle> list() throws IOException {
        try (StoreLock.Held h = lock.shared()) {
            Map<String, List<String>> names = aliases();
            List<Bundle> out = new ArrayList<>();
            for (String hash : bundleHashes()) {
                out.add(readBundle(hash, names));
            }
            out.sort(Comparator.comparing(Bundle::lastUsed).reversed().thenComparing(Bundle::hash));
            return out;
        }
    }

    /**
     * The bundle an alias or hash prefix names. An alias wins over a hash prefix; a prefix
     * needs at least 4 hex digits. Unknown: an error listing what exists; a prefix matching
     * several bundles: an error listing them.
     */
    public Bundle resolve(String ref) throws IOException {
        try (StoreLock.Held h = lock.shared()) {
            return resolveUnlocked(ref);
        }
    }

    /** The bundle {@code ref} names (alias or full hash) after {@link #resolve}. */
    public Bundle show(String ref) throws IOException {
        return resolve(ref);
    }

    /**
     * What a connection needs to open a bundle, all read and verified before anything is
     * returned: every wasm blob (re-hashed) and, when {@code buildTarget} is not null, its built
     * form for that target where one exists. Records the use.
     */
    public List<StoredExtension> load(Bundle bundle, String buildTarget) throws IOException {
        try (StoreLock.Held h = lock.shared()) {
            if (!Files.isRegularFile(bundlePath(bundle.hash()))) {
                throw new BundleStoreException(BundleStoreException.Reason.NOT_FOUND, "bundle " + bundle.hash()
                        + " is no longer in the store " + root + " (garbage-collected?)");
            }
            List<StoredExtension> out = new ArrayList<>();
            for (BundleEntry e : bundle.entries()) {
                byte[] blob = e.kind().isBlob() ? verifiedBlob(e.contentHash()) : null;
                byte[] built = blob != null && buildTarget != null
                        ? readBuilt(e.contentHash(), buildTarget).orElse(null) : null;
                out.add(new StoredExtension(e, blob, built));
            }
            touchIfStale(bundle.hash());
            return out;
        }
    }

    /** Removes an alias (the bundle stays, reachable by hash, until gc). False if there was none. */
    public boolean deleteAlias(String alias) throws IOException {
        checkAlias(alias);
        try (StoreLock.Held h = lock.shared()) {
            return Files.deleteIfExists(aliasPath(alias));
        }
    }

    private Bundle resolveUnlocked(String ref) throws IOException {
        if (ref == null || ref.isBlank()) {
            throw new BundleStoreException(BundleStoreException.Reason.INVALID, "no bundle given: name an alias or "
                    + "a hash prefix of at least " + MIN_PREFIX + " hex digits");
        }
        Map<String, List<String>> names = aliases();
        if (ALIAS.matcher(ref).matches() && Files.isRegularFile(aliasPath(ref))) {
            String hash = readAlias(ref);
            if (!Files.isRegularFile(bundlePath(hash))) {
                throw new BundleStoreException(BundleStoreException.Reason.NOT_FOUND, "alias '" + ref + "' names bundle "
                        + hash + ", which is no longer in the store " + root + "; save or import it again");
            }
            return readBundle(hash, names);
        }
        List<String> hashes = bundleHashes();
        if (HEX_PREFIX.matcher(ref).matches()) {
            if (ref.length() < MIN_PREFIX) {
                throw new BundleStoreException(BundleStoreException.Reason.INVALID, "'" + ref + "' is no alias, and "
                        + "a hash prefix needs at least " + MIN_PREFIX + " hex digits; " + describe(hashes, names));
            }
            List<String> matches = new ArrayList<>();
            for (String hash : hashes) {
                if (hash.startsWith(ref)) {
                    matches.add(hash);
                }
            }
            if (matches.size() == 1) {
                return readBundle(matches.get(0), names);
            }
            if (matches.size() > 1) {
                StringBuilder b = new StringBuilder();
                for (String m : matches) {
                    b.append(b.length() == 0 ? "" : ", ").append(m).append(names.containsKey(m) ? " " + names.get(m) : "");
                }
                throw new BundleStoreException(BundleStoreException.Reason.AMBIGUOUS, "bundle hash prefix '" + ref
                        + "' is ambiguous: it matches " + matches.size() + " bundles (" + b
                        + "); give more hex digits or an alias");
            }
        }
        throw new BundleStoreException(BundleStoreException.Reason.NOT_FOUND, "no bundle named '" + ref
                + "' in the store " + root + "; " + describe(hashes, names));
    }

    private static String describe(List<String> hashes, Map<String, List<String>> names) {
        if (hashes.isEmpty()) {
            return "the store holds no bundles (save one first)";
        }
        StringBuilder b = new StringBuilder("it holds: ");
        for (int i = 0; i < hashes.size(); i++) {
            String h = hashes.get(i);
            b.append(i == 0 ? "" : ", ").append(h, 0, 12).append(names.containsKey(h) ? " " + names.get(h) : "");
        }
        return b.toString();
    }

    private Bundle readBundle(String hash, Map<String, List<String>> names) throws IOException {
        Path p = bundlePath(hash);
        byte[] json;
        try {
            json = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new BundleStoreException(BundleStoreException.Reason.NOT_FOUND, "bundle " + hash
                    + " is not in the store " + root);
        }
        List<BundleEntry> entries = BundleDocuments.readBundle(json, hash, p.toString());
        return new Bundle(hash, entries, names.getOrDefault(hash, List.of()), lastUsed(hash));
    }

    private List<String> bundleHashes() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("bundles"))) {
            s.forEach(p -> {
                String f = p.getFileName().toString();
                if (f.endsWith(".json") && Sha256.isHash(f.substring(0, f.length() - 5))) {
                    out.add(f.substring(0, f.length() - 5));
                }
            });
        }
        out.sort(null);
        return out;
    }

    /** Bundle hash → its aliases, sorted. */
    private Map<String, List<String>> aliases() throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root.resolve("names"))) {
            for (Path p : s) {
                String alias = p.getFileName().toString();
                if (!ALIAS.matcher(alias).matches()) {
                    continue;
                }
                try {
                    out.computeIfAbsent(readAlias(alias), k -> new ArrayList<>()).add(alias);
                } catch (NoSuchFileException e) {
                    // deleted while listing
                }
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private String readAlias(String alias) throws IOException {
        String hash = Files.readString(aliasPath(alias), StandardCharsets.US_ASCII).trim();
        if (!Sha256.isHash(hash)) {
            throw new BundleStoreException(BundleStoreException.Reason.CORRUPT, "alias file " + aliasPath(alias)
                    + " does not hold a bundle hash; delete it");
        }
        return hash;
    }

    private static void checkAlias(String alias) throws BundleStoreException {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new BundleStoreException(BundleStoreException.Reason.INVALID, "invalid bundle name '" + alias
                    + "': use letters, digits, '.', '_' and '-' (up to 100, starting with a letter or digit)");
        }
    }

    private Path bundlePath(String hash) {
        return root.resolve("bundles").resolve(hash + ".json");
    }

    private Path aliasPath(String alias) {
        return root.resolve("names").resolve(alias);
    }

    private Path usedPath(String hash) {
        return root.resolve("used").resolve(hash);
    }

    private void touch(String hash) throws IOException {
        files.write(usedPath(hash), clock.instant().toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Records a use by a connection, at most once a minute per bundle: a pool opening many
     * connections should not write (and sync) a file for each. GC policies count in days.
     */
    private void touchIfStale(String hash) throws IOException {
        if (Duration.between(lastUsed(hash), clock.instant()).compareTo(USE_RESOLUTION) >= 0) {
            touch(hash);
        }
    }

    private Instant lastUsed(String hash) throws IOException {
        try {
            return Instant.parse(Files.readString(usedPath(hash), StandardCharsets.US_ASCII).trim());
        } catch (NoSuchFileException | DateTimeParseException e) {
            try {
                return Files.getLastModifiedTime(bundlePath(hash)).toInstant();
            } catch (NoSuchFileException gone) {
                return Instant.EPOCH;
            }
        }
    }

    // ------------------------------------------------------------------ export / import

    /** Writes one bundle, with every wasm blob (verified on the way out), to a single file. */
    public Bundle export(String ref, Path file) throws IOException {
        byte[] out;
        Bundle b;
        try (StoreLock.Held h = lock.shared()) {
            b = resolveUnlocked(ref);
            List<StoredExtension> content = new ArrayList<>();
            for (BundleEntry e : b.entries()) {
                content.add(new StoredExtension(e, e.kind().isBlob() ? verifiedBlob(e.contentHash()) : null, null));
            }
            out = BundleExports.write(b, content);
        }
        AtomicFiles.writeBeside(file, out);
        return b;
    }

    /**
     * Imports an exported bundle after verifying every hash in it; a tampered file is an error
     * and nothing is written. The bundle gets {@code alias} if given, else the names it was
     * exported with (an alias naming another bundle here moves to this one).
     */
    public Bundle importFrom(Path file, String alias) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BundleStoreException(BundleStoreException.Reason.NOT_FOUND, "no export file " + file);
        }
        BundleExports.Verified v = BundleExports.read(bytes, "bundle export " + file);
        List<String> names = alias != null ? List.of(alias) : v.names();
        for (String n : names) {
            checkAlias(n);
        }
        try (StoreLock.Held h = lock.shared()) {
            for (StoredExtension s : v.content()) {
                if (s.blob() != null) {
                    writeBlob(s.blob());
                }
            }
            List<BundleEntry> entries = new ArrayList<>();
            v.content().forEach(s -> entries.add(s.entry()));
            files.write(bundlePath(v.hash()), BundleDocuments.bundle(v.hash(), BundleIdentity.canonicalOrder(entries)));
            for (String n : names) {
                files.write(aliasPath(n), (v.hash() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            touch(v.hash());
            return readBundle(v.hash(), aliases());
        }
    }

    // ------------------------------------------------------------------ garbage collection

    /**
     * Drops the bundles {@code policy} selects (with their aliases), then every blob and built
     * form no remaining bundle references, dangling aliases and stray temporary files. Holds the
     * store exclusively, so no save or import in any process sees a half-collected store.
     */
    public GcReport gc(GcPolicy policy) throws IOException {
        try (StoreLock.Held h = lock.exclusive()) {
            Map<String, List<String>> names = aliases();
            List<Bundle> bundles = new ArrayList<>();
            for (String hash : bundleHashes()) {
                bundles.add(readBundle(hash, names)); // an unreadable document stops gc: it may reference blobs
            }
            bundles.sort(Comparator.comparing(Bundle::lastUsed).reversed().thenComparing(Bundle::hash));
            Instant now = clock.instant();
            List<String> removed = new ArrayList<>();
            Set<String> kept = new HashSet<>();
            Set<String> referenced = new HashSet<>();
            for (int i = 0; i < bundles.size(); i++) {
                Bundle b = bundles.get(i);
                boolean tooMany = policy.keepRecent() != null && i >= policy.keepRecent();
                boolean stale = policy.unusedFor() != null
                        && Duration.between(b.lastUsed(), now).compareTo(policy.unusedFor()) > 0;
                if (tooMany || stale) {
                    Files.deleteIfExists(bundlePath(b.hash()));
                    Files.deleteIfExists(usedPath(b.hash()));
                    removed.add(b.hash());
                } else {
                    kept.add(b.hash());
                    for (BundleEntry e : b.entries()) {
                        if (e.kind().isBlob()) {
                            referenced.add(e.contentHash());
                        }
                    }
                }
            }
            int aliasesRemoved = 0;
            for (Map.Entry<String, List<String>> e : new TreeMap<>(names).entrySet()) {
                if (!kept.contains(e.getKey())) {
                    for (String alias : e.getValue()) {
                        aliasesRemoved += Files.deleteIfExists(aliasPath(alias)) ? 1 : 0;
                    }
                }
            }
            long[] freed = {0};
            int blobs = sweepBlobs(referenced, freed);
            int built = sweepBuilt(referenced, freed);
            sweepStrays(freed);
            return new GcReport(removed, aliasesRemoved, blobs, built, freed[0]);
        }
    }

    private int sweepBlobs(Set<String> referenced, long[] freed) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve("blobs"))) {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> blobs = Files.newDirectoryStream(dir)) {
                    for (Path blob : blobs) {
                        String hash = dir.getFileName().toString() + blob.getFileName();
                        if (!referenced.contains(hash)) {
                            freed[0] += Files.size(blob);
                            Files.delete(blob);
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }

    private int sweepBuilt(Set<String> referenced, long[] freed) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve("built"))) {
            for (Path dir : dirs) {
                if (referenced.contains(dir.getFileName().toString())) {
                    continue;
                }
                try (DirectoryStream<Path> forms = Files.newDirectoryStream(dir)) {
                    for (Path form : forms) {
                        freed[0] += Files.size(form);
                        Files.delete(form);
                        n++;
                    }
                }
                Files.delete(dir);
            }
        }
        return n;
    }

    /** Temporary files and last-use stamps of bundles that no longer exist. */
    private void sweepStrays(long[] freed) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root.resolve("tmp"))) {
            for (Path p : s) {
                freed[0] += Files.size(p);
                Files.delete(p); // no writer holds the shared lock, so none is mid-write
            }
        }
        Set<String> live = new TreeSet<>(bundleHashes());
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root.resolve("used"))) {
            for (Path p : s) {
                if (!live.contains(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
    }
}
