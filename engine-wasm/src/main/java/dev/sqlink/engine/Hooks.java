package dev.sqlink.engine;

/** The connection-level callbacks SQLite offers; one of each kind per connection. */
public final class Hooks {
    private Hooks() {}

    /** Called before a commit; return true to turn the commit into a rollback. */
    @FunctionalInterface
    public interface CommitHook {
        boolean onCommit();
    }

    @FunctionalInterface
    public interface UpdateHook {
        /** op is {@link Authorizer#INSERT}, {@link Authorizer#UPDATE} or {@link Authorizer#DELETE}. */
        void onUpdate(int op, String database, String table, long rowid);
    }

    /** A row about to change, with its old and new values (valid only during the call). */
    public interface Preupdate {
        int op();

        String database();

        String table();

        long oldRowid();

        long newRowid();

        int columnCount();

        /** The old value (UPDATE, DELETE) of column i as Long, Double, String, byte[] or null. */
        Object oldValue(int i);

        /** The new value (INSERT, UPDATE) of column i. */
        Object newValue(int i);
    }

    @FunctionalInterface
    public interface PreupdateHook {
        void onPreupdate(Preupdate change);
    }

    @FunctionalInterface
    public interface Authorizer {
        int OK = 0;
        int DENY = 1;
        int IGNORE = 2;

        int DELETE = 9;
        int INSERT = 18;
        int READ = 20;
        int SELECT = 21;
        int UPDATE = 23;
        int ATTACH = 24;
        int PRAGMA = 19;
        int FUNCTION = 31;

        /** Returns {@link #OK}, {@link #DENY} or {@link #IGNORE}; the arguments depend on the action code. */
        int authorize(int action, String arg1, String arg2, String database, String triggerOrView);
    }

    /** Called every N virtual machine instructions; return true to interrupt the statement. */
    @FunctionalInterface
    public interface ProgressHandler {
        boolean onProgress();
    }

    /** Called when a table is locked; return true to retry, false to fail with SQLITE_BUSY. */
    @FunctionalInterface
    public interface BusyHandler {
        boolean retry(int attempts);
    }

    /** Statement trace: SQL as it starts ({@code nanos} = -1) and as it completes (with its run time). */
    @FunctionalInterface
    public interface TraceHandler {
        void onTrace(String sql, long nanos);
    }
}
