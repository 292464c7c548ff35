package dev.sqlink.jdbc.meta;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;

/**
 * The type names getTypeInfo offers and the natural precision of each JDBC type a declared type
 * can map to (see {@link DeclaredType}). SQLite stores only five kinds of value; these names are
 * the ones tools should use to create columns, with the storage class first for each JDBC type.
 */
final class SqliteTypes {

    /** SQLite's default SQLITE_MAX_LENGTH: the most bytes a string or blob can hold. */
    static final int MAX_LENGTH = 1_000_000_000;

    private SqliteTypes() {
    }

    /**
     * One row of getTypeInfo.
     * @param literalPrefix null when literals need no quoting
     * @param createParams  the parameters a declaration may take, or null
     */
    record TypeEntry(String name, int jdbcType, Integer precision, String literalPrefix,
                     String literalSuffix, String createParams, boolean autoIncrement) {
    }

    /** Sorted by DATA_TYPE as getTypeInfo requires; within one DATA_TYPE the closest first. */
    static final List<TypeEntry> ENTRIES = List.of(
            new TypeEntry("TINYINT", Types.TINYINT, 3, null, null, null, false),
            new TypeEntry("BIGINT", Types.BIGINT, 19, null, null, null, false),
            new TypeEntry("NUMERIC", Types.NUMERIC, 19, null, null, "precision,scale", false),
            new TypeEntry("DECIMAL", Types.DECIMAL, 19, null, null, "precision,scale", false),
            // INTEGER is SQLite's 64-bit integer storage class; INTEGER PRIMARY KEY is the rowid.
            new TypeEntry("INTEGER", Types.INTEGER, 19, null, null, null, true),
            new TypeEntry("SMALLINT", Types.SMALLINT, 5, null, null, null, false),
            new TypeEntry("FLOAT", Types.FLOAT, 15, null, null, null, false),
            new TypeEntry("REAL", Types.DOUBLE, 15, null, null, null, false),
            new TypeEntry("DOUBLE", Types.DOUBLE, 15, null, null, null, false),
            new TypeEntry("TEXT", Types.VARCHAR, MAX_LENGTH, "'", "'", null, false),
            new TypeEntry("VARCHAR", Types.VARCHAR, MAX_LENGTH, "'", "'", "length", false),
            new TypeEntry("CHAR", Types.CHAR, MAX_LENGTH, "'", "'", "length", false),
            new TypeEntry("BOOLEAN", Types.BOOLEAN, 1, null, null, null, false),
            new TypeEntry("DATE", Types.DATE, 10, "'", "'", null, false),
            new TypeEntry("TIME", Types.TIME, 12, "'", "'", null, false),
            new TypeEntry("TIMESTAMP", Types.TIMESTAMP, 23, "'", "'", null, false),
            new TypeEntry("DATETIME", Types.TIMESTAMP, 23, "'", "'", null, false),
            new TypeEntry("BLOB", Types.BLOB, MAX_LENGTH, "X'", "'", null, false),
            new TypeEntry("CLOB", Types.CLOB, MAX_LENGTH, "'", "'", null, false));

    /** The natural precision of a JDBC type, or null when none applies (untyped columns). */
    static Integer defaultPrecision(int jdbcType) {
        switch (jdbcType) {
            case Types.BIT: return 1;
            case Types.BINARY: case Types.VARBINARY: return MAX_LENGTH;
            default:
                for (TypeEntry entry : ENTRIES) {
                    if (entry.jdbcType() == jdbcType) {
                        return entry.precision();
                    }
                }
                return null;
        }
    }

    static boolean isNumeric(int jdbcType) {
        switch (jdbcType) {
            case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER: case Types.BIGINT:
            case Types.FLOAT: case Types.REAL: case Types.DOUBLE: case Types.NUMERIC: case Types.DECIMAL:
                return true;
            default:
                return false;
        }
    }

    static boolean isText(int jdbcType) {
        return jdbcType == Types.VARCHAR || jdbcType == Types.CHAR || jdbcType == Types.CLOB;
    }

    static ResultSet typeInfo() {
        ResultShape.Rows rows = ResultShapes.TYPE_INFO.newRows();
        for (TypeEntry entry : ENTRIES) {
            boolean numeric = isNumeric(entry.jdbcType());
            rows.add()
                    .set("TYPE_NAME", entry.name())
                    .set("DATA_TYPE", entry.jdbcType())
                    .set("PRECISION", entry.precision())
                    .set("LITERAL_PREFIX", entry.literalPrefix())
                    .set("LITERAL_SUFFIX", entry.literalSuffix())
                    .set("CREATE_PARAMS", entry.createParams())
                    .set("NULLABLE", DatabaseMetaData.typeNullable)
                    .set("CASE_SENSITIVE", isText(entry.jdbcType()))
                    .set("SEARCHABLE", isText(entry.jdbcType())
                            ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic)
                    .set("UNSIGNED_ATTRIBUTE", false)
                    .set("FIXED_PREC_SCALE", false)
                    .set("AUTO_INCREMENT", entry.autoIncrement())
                    .set("LOCAL_TYPE_NAME", entry.name())
                    .set("MINIMUM_SCALE", 0)
                    .set("MAXIMUM_SCALE", numeric ? (entry.jdbcType() == Types.NUMERIC
                            || entry.jdbcType() == Types.DECIMAL ? 15 : 0) : 0)
                    .set("NUM_PREC_RADIX", numeric ? 10 : null);
        }
        return rows.sortBy("DATA_TYPE").toResultSet();
    }
}
