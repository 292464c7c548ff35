package dev.sqlink.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged self-contained jar, used the way a tool or a script uses it: a fresh JVM whose
 * class path is that jar alone (plus, for the JDBC case, one class compiled here), started in
 * an empty directory.
 */
class SelfContainedJarIT {
    private static Path jar;

    @TempDir
    Path workDir;

    @BeforeAll
    static void locateJar() {
        String property = System.getProperty("sqlink.bundleJar");
        assertNotNull(property, "sqlink.bundleJar is set by the build to the shaded jar");
        jar = Path.of(property).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the shaded jar exists: " + jar);
    }

    @Test
    void javaDashJarStartsTheShell() throws Exception {
        ProcessResult result = run(List.of("-jar", jar.toString(), "--list", "--noheader", ":memory:", "select sqlite_version();"));
        assertEquals(0, result.exitCode, result.toString());
        assertEquals("3.54.1", result.stdout.strip(), result.toString());
    }

    @Test
    void shellWritesAnOrdinaryDatabaseFileInTheWorkingDirectory() throws Exception {
        ProcessResult result = run(List.of("-jar", jar.toString(), "--list", "--noheader", "app.db",
                "create table t(x); insert into t values (41), (1); select sum(x) from t;"));
        assertEquals(0, result.exitCode, result.toString());
        assertEquals("42", result.stdout.strip(), result.toString());
        byte[] header = Files.readAllBytes(workDir.resolve("app.db"));
        assertEquals("SQLite format 3\0", new String(header, 0, 16, StandardCharsets.US_ASCII));
    }

    @Test
    void driverManagerFindsTheDriverAndNoUnrelocatedLibraryIsVisible() throws Exception {
        Path source = workDir.resolve("src/UsesDriver.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "import java.sql.*;",
                "public class UsesDriver {",
                "  public static void main(String[] args) throws Exception {",
                "    try (Connection c = DriverManager.getConnection(\"jdbc:sqlink:data.db\");",
                "         Statement s = c.createStatement()) {",
                "      s.executeUpdate(\"create table kv(k text primary key, v integer)\");",
                "      try (PreparedStatement p = c.prepareStatement(\"insert into kv values (?, ?)\")) {",
                "        p.setString(1, \"answer\"); p.setInt(2, 42); p.executeUpdate();",
                "      }",
                "      try (ResultSet r = s.executeQuery(\"select sqlite_version(), v from kv\")) {",
                "        r.next();",
                "        System.out.println(r.getString(1) + \" \" + r.getInt(2));",
                "      }",
                "      System.out.println(c.getMetaData().getDatabaseProductName());",
                "    }",
                "    for (String name : new String[] {\"com.dylibso.chicory.runtime.Instance\",",
                "        \"com.github.benmanes.caffeine.cache.Caffeine\"}) {",
                "      try { Class.forName(name); System.out.println(\"visible \" + name); }",
                "      catch (ClassNotFoundException expected) { }",
                "    }",
                "  }",
                "}",
                ""));
        Path classes = workDir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        // Compiled against the JDK alone: the example needs nothing but java.sql.
        int compiled = javac.run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, compiled, "the example compiles");

        String classPath = jar + File.pathSeparator + classes;
        ProcessResult result = run(List.of("-cp", classPath, "UsesDriver"));
        assertEquals(0, result.exitCode, result.toString());
        assertEquals(List.of("3.54.1 42", "SQLite"), result.stdout.strip().lines().toList(), result.toString());
    }

    @Test
    void aWasmExtensionIsCompiledAndRunsWithTheRelocatedCompiler() throws Exception {
        // Chicory's runtime compiler writes classes that call its runtime by name: they must name
        // the relocated classes inside this jar.
        // the checkout's extensions-wasm/, found from driver-bundle/target/<jar>
        Path wasm = jar.toAbsolutePath().getParent().getParent().getParent().resolve("extensions-wasm/stats/stats.wasm");
        String sha = Files.readString(wasm.resolveSibling("stats.wasm.sha256")).split("\\s+")[0];
        Path source = workDir.resolve("src/UsesWasm.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "import java.sql.*;",
                "public class UsesWasm {",
                "  public static void main(String[] args) throws Exception {",
                "    String url = \"jdbc:sqlink::memory:?extensions=file:\" + args[0] + \"#sha256=\" + args[1]",
                "        + \"&grants=stats:env=HOME\";",
                "    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();",
                "         ResultSet r = s.executeQuery(\"select describe(7), stddev(x) from (select 1 as x union all select 3)\")) {",
                "      r.next();",
                "      System.out.println(r.getString(1) + \" \" + r.getDouble(2));",
                "    }",
                "  }",
                "}",
                ""));
        Path classes = workDir.resolve("wasm-classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()), "the example compiles");
        ProcessResult result = run(List.of("-cp", jar + File.pathSeparator + classes, "UsesWasm", wasm.toString(), sha));
        assertEquals(0, result.exitCode, result.toString());
        assertEquals("integer 7 1.4142135623730951", result.stdout.strip(), result.toString());
    }

    @Test
    void everyClassIsOursOrRelocatedAndTheServicesFileNamesTheDriver() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                String name = entry.getName();
                boolean isClass = name.endsWith(".class");
                String path = name.startsWith("META-INF/versions/")
                        ? name.replaceFirst("^META-INF/versions/\\d+/", "") : name;
                if (isClass && !path.startsWith("dev/sqlink/")) {
                    foreign.add(name);
                }
            }
            assertEquals(List.of(), foreign, "classes outside dev.sqlink (not relocated)");
            assertNotNull(file.getEntry("dev/sqlink/shaded/chicory/runtime/Instance.class"), "Chicory is relocated");
            assertNotNull(file.getEntry("dev/sqlink/shaded/caffeine/cache/Caffeine.class"), "Caffeine is relocated");
            String services = new String(
                    file.getInputStream(file.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals("dev.sqlink.jdbc.SqlinkDriver", services.strip());
            Manifest manifest = file.getManifest();
            assertEquals("dev.sqlink.shell.Shell", manifest.getMainAttributes().getValue("Main-Class"));
            assertEquals("dev.sqlink.jdbc", manifest.getMainAttributes().getValue("Automatic-Module-Name"));
            assertEquals(null, manifest.getMainAttributes().getValue("Class-Path"), "needs nothing beside it");
        }
    }

    private ProcessResult run(List<String> javaArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        // Nothing inherited: no CLASSPATH, no JAVA_TOOL_OPTIONS agents from the build.
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Path stdin = Files.write(workDir.resolve("stdin.txt"), new byte[0]);
        builder.redirectInput(stdin.toFile());
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the JVM did not finish within 120 s: " + command);
        }
        return new ProcessResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record ProcessResult(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
