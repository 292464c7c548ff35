package dev.sqlink.conformance.diff;

import java.util.List;

/**
 * What a driver did for one {@link Step}, reduced to comparable text: result columns (label, type
 * name, java.sql.Types code), rows as "Class:value" cells, update count, generated keys, or the
 * error's code, SQLState and message.
 */
record Observation(List<String> columns, List<List<String>> rows, int updateCount, List<List<String>> generatedKeys,
        Failure error) {

    record Failure(int errorCode, String sqlState, String message) {
    }

    static Observation failed(int errorCode, String sqlState, String message) {
        return new Observation(List.of(), List.of(), -1, List.of(), new Failure(errorCode, sqlState, message));
    }

    Observation withError(Failure replacement) {
        return new Observation(columns, rows, updateCount, generatedKeys, replacement);
    }

    Observation withUpdateCount(int replacement) {
        return new Observation(columns, rows, replacement, generatedKeys, error);
    }

    Observation withGeneratedKeys(List<List<String>> replacement) {
        return new Observation(columns, rows, updateCount, replacement, error);
    }

    Observation withRows(List<List<String>> replacement) {
        return new Observation(columns, replacement, updateCount, generatedKeys, error);
    }
}
