package dev.sqlink.spi;

import java.util.Locale;
import java.util.Objects;

/** One named thing an extension adds to SQL, as its manifest lists it. */
public final class SqlObject {
    /** What kind of SQL object. Functions, collations and modules live in separate namespaces. */
    public enum Kind {
        SCALAR_FUNCTION, AGGREGATE_FUNCTION, WINDOW_FUNCTION, COLLATION, VIRTUAL_TABLE;

        /** Functions of all three kinds share SQLite's function namespace. */
        public String namespace() {
            switch (this) {
                case COLLATION: return "collation";
                case VIRTUAL_TABLE: return "module";
                default: return "function";
            }
        }
    }

    private final Kind kind;
    private final String name;

    private SqlObject(Kind kind, String name) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("SQL object names are identifiers (letters, digits, _): '" + name + "'");
        }
        this.name = name.toLowerCase(Locale.ROOT);
    }

    public static SqlObject scalar(String name) {
        return new SqlObject(Kind.SCALAR_FUNCTION, name);
    }

    public static SqlObject aggregate(String name) {
        return new SqlObject(Kind.AGGREGATE_FUNCTION, name);
    }

    public static SqlObject window(String name) {
        return new SqlObject(Kind.WINDOW_FUNCTION, name);
    }

    public static SqlObject collation(String name) {
        return new SqlObject(Kind.COLLATION, name);
    }

    public static SqlObject virtualTable(String name) {
        return new SqlObject(Kind.VIRTUAL_TABLE, name);
    }

    public static SqlObject of(Kind kind, String name) {
        return new SqlObject(kind, name);
    }

    public Kind kind() {
        return kind;
    }

    /** The unqualified name, lower case (SQL names are case-insensitive). */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlObject && ((SqlObject) o).kind == kind && ((SqlObject) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return kind.namespace() + " " + name;
    }
}
