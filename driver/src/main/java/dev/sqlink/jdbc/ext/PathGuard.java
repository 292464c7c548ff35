package dev.sqlink.jdbc.ext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a path lies inside granted folders, by where it really is: symbolic links
 * are followed and {@code ..} resolved against the real parent before comparing, so
 * {@code /data/in/../secret} and a link {@code /data/in/l -> /etc} both land outside
 * {@code /data/in}. The caller opens the returned real path without following a final link,
 * so a link created after the check cannot redirect the open.
 */
final class PathGuard {
    private final List<String> roots;

    PathGuard(List<String> roots) {
        this.roots = roots;
    }

    /** The real location of {@code requested} if it is inside a root; null otherwise. */
    Path allow(String requested) throws IOException {
        Path real = realLocation(Path.of(requested).toAbsolutePath());
        for (String root : roots) {
            if (real.startsWith(realLocation(Path.of(root)))) {
                return real;
            }
        }
        return null;
    }

    /**
     * The real path of the deepest existing ancestor, with the rest appended: nothing in the
     * rest exists, so resolving its {@code ..} lexically is exact.
     */
    static Path realLocation(Path p) throws IOException {
        return realLocation(p, 0);
    }

    private static Path realLocation(Path p, int links) throws IOException {
        List<Path> missing = new ArrayList<>();
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        Path base;
        if (existing == null) {
            base = p.getRoot();
        } else if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            // A dangling link: what it would create is where its target points.
            if (links > 40) {
                throw new IOException("too many levels of symbolic links: " + p);
            }
            base = realLocation(existing.resolveSibling(Files.readSymbolicLink(existing)), links + 1);
        } else {
            base = existing.toRealPath();
        }
        for (Path m : missing) {
            base = base.resolve(m);
        }
        return base.normalize();
    }
}
