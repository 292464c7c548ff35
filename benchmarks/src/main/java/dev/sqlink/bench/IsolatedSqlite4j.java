package dev.sqlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.stream.Stream;
import javax.sql.ConnectionPoolDataSource;

/**
 * sqlite4j and its own Chicory in a class loader of their own. sqlite4j needs an older Chicory
 * than ours and shares sqlite-jdbc's URL prefix, so it must not sit on the benchmark's class path.
 * The loader's parent is the platform loader: it sees java.sql and javax.sql (the only types the
 * benchmark uses to talk to it) and nothing of the application class path.
 *
 * <p>The jars are in {@code sqlite4j-lib/} beside the benchmarks jar (the build copies them
 * there), or in the folder named by the system property {@code sqlink.bench.sqlite4j.lib}.
 */
final class IsolatedSqlite4j {
    static final String LIB_PROPERTY = "sqlink.bench.sqlite4j.lib";
    private static final String DRIVER_CLASS = "io.roastedroot.sqlite4j.JDBC";
    private static final String POOL_SOURCE_CLASS = "io.roastedroot.sqlite4j.javax.SQLiteConnectionPoolDataSource";

    private IsolatedSqlite4j() {}

    /** Created on first use, so runs that never ask for sqlite4j never need its jars. */
    private static final class Holder {
        static final ClassLoader LOADER = createLoader(libraryFolder());
        static final Driver DRIVER = instantiate(DRIVER_CLASS, Driver.class);
    }

    static Driver driver() {
        return Holder.DRIVER;
    }

    static ConnectionPoolDataSource poolDataSource(String url) {
        ConnectionPoolDataSource source = instantiate(POOL_SOURCE_CLASS, ConnectionPoolDataSource.class);
        try {
            source.getClass().getMethod("setUrl", String.class).invoke(source, url);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sqlite4j's pool data source has no usable setUrl(String)", e);
        }
        return source;
    }

    private static <T> T instantiate(String className, Class<T> type) {
        try {
            Class<?> found = Class.forName(className, true, Holder.LOADER);
            return type.cast(found.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className + " from the sqlite4j jars in "
                    + libraryFolder() + "; build the benchmarks module first (benchmarks/run.sh does)", e);
        }
    }

    static Path libraryFolder() {
        String configured = System.getProperty(LIB_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path codeSource = Path.of(IsolatedSqlite4j.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/benchmarks.jar -> target/sqlite4j-lib; target/classes -> target/sqlite4j-lib
            return codeSource.getParent().resolve("sqlite4j-lib");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar; set -D" + LIB_PROPERTY, e);
        }
    }

    private static ClassLoader createLoader(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            URL[] jars = files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .map(IsolatedSqlite4j::toUrl)
                    .toArray(URL[]::new);
            if (jars.length == 0) {
                throw new IllegalStateException("no jars in " + folder + "; build the benchmarks module first");
            }
            return new URLClassLoader("sqlite4j", jars, ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sqlite4j jars in " + folder
                    + "; build the benchmarks module first or set -D" + LIB_PROPERTY, e);
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
