package dev.sqlink.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The identity of a bundle: the SHA-256 of the canonical encoding of its (extension name,
 * content hash) tuples. The encoding, in bytes:
 * <pre>
 * "sqlink-bundle-v1\n"
 * for each entry, sorted by name then content hash (both compared as UTF-8 bytes,
 * which for these ASCII strings is plain character order):
 *     NAME "\0" CONTENT_HASH "\n"        (NAME UTF-8, CONTENT_HASH 64 lower-case hex)
 * </pre>
 * Nothing else counts: not the aliases, not the versions (a class-path entry's hash already
 * covers its version), not when it was saved. Two machines that hold the same extensions
 * therefore agree on the hash whatever they call the bundle.
 */
public final class BundleIdentity {
    private BundleIdentity() {}

    /** Entries in canonical order; refuses an empty set and a name listed twice. */
    public static List<BundleEntry> canonicalOrder(List<BundleEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a bundle holds at least one extension");
        }
        List<BundleEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(BundleEntry::name).thenComparing(BundleEntry::contentHash));
        Set<String> names = new HashSet<>();
        for (BundleEntry e : sorted) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("a bundle holds extension '" + e.name() + "' twice");
            }
        }
        return List.copyOf(sorted);
    }

    public static byte[] encode(List<BundleEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("sqlink-bundle-v1\n".getBytes(StandardCharsets.US_ASCII));
        for (BundleEntry e : canonicalOrder(entries)) {
            out.writeBytes(e.name().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(e.contentHash().getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
        }
        return out.toByteArray();
    }

    public static String of(List<BundleEntry> entries) {
        return Sha256.hex(encode(entries));
    }
}
