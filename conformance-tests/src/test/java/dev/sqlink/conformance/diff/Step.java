package dev.sqlink.conformance.diff;

import java.util.List;

/**
 * One thing the differential test asks both drivers to do: SQL, optionally with parameters bound
 * through a PreparedStatement, optionally asking for generated keys.
 */
record Step(String sql, List<Param> params, boolean generatedKeys) {

    static Step sql(String sql) {
        return new Step(sql, null, false);
    }

    /** A parameter and the setter used to bind it, so both drivers get the same call. */
    record Param(Setter setter, Object value) {
        @Override
        public String toString() {
            return setter + "(" + (value instanceof byte[] b ? "x'" + java.util.HexFormat.of().formatHex(b) + "'" : value) + ")";
        }
    }

    enum Setter { SET_NULL, SET_INT, SET_LONG, SET_DOUBLE, SET_STRING, SET_BYTES, SET_BOOLEAN, SET_BIG_DECIMAL, SET_OBJECT }

    @Override
    public String toString() {
        return sql + (params == null ? "" : " with " + params) + (generatedKeys ? " [RETURN_GENERATED_KEYS]" : "");
    }
}
