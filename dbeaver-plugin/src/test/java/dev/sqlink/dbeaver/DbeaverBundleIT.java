package dev.sqlink.dbeaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged DBeaver bundle as DBeaver reads it: its OSGi manifest, its plugin.xml driver
 * definition, and the driver jar that definition points at (loaded in isolation, the way
 * DBeaver's driver class loader does). DBeaver itself is not available to run.
 */
class DbeaverBundleIT {
    private static final String PROVIDER_POINT = "org.jkiss.dbeaver.dataSourceProvider";

    private static JarFile bundle;
    private static Element datasource;
    private static Element driver;

    @TempDir
    static Path temp;

    @BeforeAll
    static void openBundle() throws Exception {
        String property = System.getProperty("sqlink.dbeaverBundle");
        assertNotNull(property, "sqlink.dbeaverBundle is set by the build to the packaged bundle");
        bundle = new JarFile(property);
        Document pluginXml;
        try (InputStream in = bundle.getInputStream(required("plugin.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            pluginXml = factory.newDocumentBuilder().parse(in);
        }
        assertEquals("plugin", pluginXml.getDocumentElement().getTagName());
        Element extension = only(pluginXml.getDocumentElement(), "extension");
        assertEquals(PROVIDER_POINT, extension.getAttribute("point"));
        datasource = only(extension, "datasource");
        driver = only(only(datasource, "drivers"), "driver");
    }

    @AfterAll
    static void closeBundle() throws Exception {
        if (bundle != null) {
            bundle.close();
        }
    }

    @Test
    void manifestIsASingletonBundleThatRequiresDbeaversSqliteSupport() throws Exception {
        Attributes main = bundle.getManifest().getMainAttributes();
        assertEquals("2", main.getValue("Bundle-ManifestVersion"));
        assertEquals("dev.sqlink.dbeaver;singleton:=true", main.getValue("Bundle-SymbolicName"),
                "plugin.xml contributions need a singleton bundle");
        String version = main.getValue("Bundle-Version");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?"), "an OSGi version: " + version);
        assertEquals(System.getProperty("sqlink.osgiVersion"), version);
        Set<String> required = Arrays.stream(main.getValue("Require-Bundle").split(","))
                .map(s -> s.strip().split(";")[0]).collect(Collectors.toSet());
        assertTrue(required.containsAll(Set.of("org.jkiss.dbeaver.model", "org.jkiss.dbeaver.ext.generic",
                "org.jkiss.dbeaver.ext.sqlite")), "Require-Bundle: " + required);
        assertEquals("JavaSE-17", main.getValue("Bundle-RequiredExecutionEnvironment"));
    }

    @Test
    void providerIsAChildOfDbeaversSqliteProviderWithItsClassDialectAndMetaModel() {
        assertEquals("sqlite", datasource.getAttribute("parent"));
        assertEquals("org.jkiss.dbeaver.ext.sqlite.model.SQLiteDataSourceProvider", datasource.getAttribute("class"));
        assertEquals("sqlite", datasource.getAttribute("dialect"));
        assertEquals("sqlite", parameters().get("meta-model"), "DBeaver's SQLite meta-model by id");
        assertEquals("false", parameters().get("supports-stored-code"));
    }

    @Test
    void driverDefinitionNamesOurDriverClassAndUrlTemplate() {
        assertEquals("dev.sqlink.jdbc.SqlinkDriver", driver.getAttribute("class"));
        assertEquals("jdbc:sqlink:{file}", driver.getAttribute("sampleURL"));
        assertEquals("true", driver.getAttribute("embedded"));
        assertEquals("true", driver.getAttribute("anonymous"));
    }

    @Test
    void driverFromTheBundledJarAcceptsTheTemplateUrlAndOffersOurProperties() throws Exception {
        try (URLClassLoader loader = driverLoader()) {
            Driver jdbc = (Driver) loader.loadClass(driver.getAttribute("class")).getConstructor().newInstance();
            String url = driver.getAttribute("sampleURL").replace("{file}", temp.resolve("dbeaver.db").toString());
            assertTrue(jdbc.acceptsURL(url), url);

            Set<String> offered = Arrays.stream(jdbc.getPropertyInfo(url, new Properties()))
                    .map(p -> p.name).collect(Collectors.toSet());
            assertTrue(offered.containsAll(Set.of("extensions", "grants", "bundle")),
                    "the Driver properties tab lists our properties: " + offered);
            for (DriverPropertyInfo info : jdbc.getPropertyInfo(url, new Properties())) {
                assertNotNull(info.description, "every property says what it does: " + info.name);
            }

            try (Connection c = jdbc.connect(url, new Properties()); Statement s = c.createStatement()) {
                // What DBeaver's SQLite model relies on: the product name and sqlite_master/pragma queries.
                assertEquals("SQLite", c.getMetaData().getDatabaseProductName());
                s.executeUpdate("create table t(id integer primary key, name text)");
                try (ResultSet r = s.executeQuery("select sql from sqlite_master where name = 't'")) {
                    assertTrue(r.next());
                    assertEquals("CREATE TABLE t(id integer primary key, name text)", r.getString(1));
                }
                try (ResultSet r = s.executeQuery("select name, type from pragma_table_info('t') order by cid")) {
                    assertTrue(r.next());
                    assertEquals("id", r.getString(1));
                    assertEquals("INTEGER", r.getString(2), "as native SQLite reports it");
                }
                try (ResultSet r = s.executeQuery("select sqlite_version()")) {
                    assertTrue(r.next());
                    assertEquals("3.54.1", r.getString(1));
                }
            }
        }
    }

    /** Every {@code <file type="jar">} of the driver, extracted from the bundle; parent: the JDK only. */
    private static URLClassLoader driverLoader() throws Exception {
        List<URL> jars = new ArrayList<>();
        NodeList files = driver.getElementsByTagName("file");
        for (int i = 0; i < files.getLength(); i++) {
            Element file = (Element) files.item(i);
            if (!"jar".equals(file.getAttribute("type"))) {
                continue;
            }
            JarEntry entry = required(file.getAttribute("path"));
            Path extracted = temp.resolve("driver-" + i + ".jar");
            try (InputStream in = bundle.getInputStream(entry)) {
                Files.copy(in, extracted);
            }
            jars.add(extracted.toUri().toURL());
        }
        assertEquals(1, jars.size(), "one self-contained driver jar");
        return new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static Map<String, String> parameters() {
        Map<String, String> parameters = new HashMap<>();
        NodeList list = driver.getElementsByTagName("parameter");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            parameters.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        return parameters;
    }

    private static JarEntry required(String path) {
        JarEntry entry = bundle.getJarEntry(path);
        assertNotNull(entry, "the bundle contains " + path);
        return entry;
    }

    private static Element only(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        assertEquals(1, found.size(), "exactly one <" + tag + "> in <" + parent.getTagName() + ">");
        return found.get(0);
    }
}
