package dev.sqlink.jdbc;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code jdbc:sqlink:} URL split into the filename SQLite opens and the driver's
 * properties from its query. Forms: a path, {@code :memory:}, nothing (memory), or a
 * {@code file:} URI whose SQLite parameters ({@code mode}, {@code cache}, {@code vfs} ...)
 * stay in the filename. Nothing in a URL is fetched or loaded: it names a file, no more.
 */
final class ConnectionUrl {
    static final String PREFIX = "jdbc:sqlink:";

    private final String filename;
    private final Map<String, String> properties;

    private ConnectionUrl(String filename, Map<String, String> properties) {
        this.filename = filename;
        this.properties = properties;
    }

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    static ConnectionUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw new SQLException("not a sqlink URL (it must start with " + PREFIX + "): " + url, "08001");
        }
        String rest = url.substring(PREFIX.length()).trim();
        if (rest.startsWith(":resource:")) {
            throw new SQLException("jdbc:sqlink::resource: URLs are not supported: copy the resource to a file "
                    + "and open that path, or open it read-only with a file: URI", "08001");
        }
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        boolean uri = path.startsWith("file:");
        Map<String, String> props = new LinkedHashMap<>();
        StringBuilder sqliteParams = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (PropertyCatalog.SQLITE_URI_PARAMETERS.contains(key)) {
                if (!uri) {
                    throw new SQLException("the SQLite URI parameter '" + key + "' only works in a file: URI, e.g. "
                            + PREFIX + "file:" + path + "?" + pair, "08001");
                }
                sqliteParams.append(sqliteParams.length() == 0 ? '?' : '&').append(pair);
            } else {
                props.put(key, value); // taken literally, as sqlite-jdbc does (no percent-decoding)
            }
        }
        String filename = path.isEmpty() ? ":memory:" : path + sqliteParams;
        return new ConnectionUrl(filename, props);
    }

    /** What SQLite's open receives. */
    String filename() {
        return filename;
    }

    /** Properties from the query, in URL order. */
    Map<String, String> properties() {
        return properties;
    }
}
