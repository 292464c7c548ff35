package dev.sqlink.engine;

/** A cursor ({@code sqlite3_vtab_cursor}) over a {@link Vtab}. */
public interface VtabCursor {
    void filter(int indexNumber, String indexString, FunctionArgs args) throws Exception;

    void next() throws Exception;

    boolean eof() throws Exception;

    void column(int i, FunctionResult result) throws Exception;

    long rowid() throws Exception;

    void close() throws Exception;
}
