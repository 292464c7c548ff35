package dev.sqlink.engine;

/** SQLite's result codes, as the C API defines them. */
public final class ResultCode {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int INTERNAL = 2;
    public static final int PERM = 3;
    public static final int ABORT = 4;
    public static final int BUSY = 5;
    public static final int LOCKED = 6;
    public static final int NOMEM = 7;
    public static final int READONLY = 8;
    public static final int INTERRUPT = 9;
    public static final int IOERR = 10;
    public static final int CORRUPT = 11;
    public static final int NOTFOUND = 12;
    public static final int FULL = 13;
    public static final int CANTOPEN = 14;
    public static final int PROTOCOL = 15;
    public static final int EMPTY = 16;
    public static final int SCHEMA = 17;
    public static final int TOOBIG = 18;
    public static final int CONSTRAINT = 19;
    public static final int MISMATCH = 20;
    public static final int MISUSE = 21;
    public static final int NOLFS = 22;
    public static final int AUTH = 23;
    public static final int FORMAT = 24;
    public static final int RANGE = 25;
    public static final int NOTADB = 26;
    public static final int NOTICE = 27;
    public static final int WARNING = 28;
    public static final int ROW = 100;
    public static final int DONE = 101;

    public static final int IOERR_READ = IOERR | (1 << 8);
    public static final int IOERR_SHORT_READ = IOERR | (2 << 8);
    public static final int IOERR_WRITE = IOERR | (3 << 8);
    public static final int IOERR_FSYNC = IOERR | (4 << 8);
    public static final int IOERR_TRUNCATE = IOERR | (6 << 8);
    public static final int IOERR_FSTAT = IOERR | (7 << 8);
    public static final int IOERR_UNLOCK = IOERR | (8 << 8);
    public static final int IOERR_RDLOCK = IOERR | (9 << 8);
    public static final int IOERR_DELETE = IOERR | (10 << 8);
    public static final int IOERR_ACCESS = IOERR | (13 << 8);
    public static final int IOERR_CHECKRESERVEDLOCK = IOERR | (14 << 8);
    public static final int IOERR_LOCK = IOERR | (15 << 8);
    public static final int IOERR_CLOSE = IOERR | (16 << 8);
    public static final int IOERR_SHMOPEN = IOERR | (18 << 8);
    public static final int IOERR_SHMSIZE = IOERR | (19 << 8);
    public static final int IOERR_SHMLOCK = IOERR | (20 << 8);
    public static final int IOERR_SHMMAP = IOERR | (21 << 8);
    public static final int IOERR_DELETE_NOENT = IOERR | (23 << 8);
    public static final int IOERR_GETTEMPPATH = IOERR | (25 << 8);
    public static final int IOERR_CONVPATH = IOERR | (26 << 8);
    public static final int BUSY_RECOVERY = BUSY | (1 << 8);
    public static final int BUSY_SNAPSHOT = BUSY | (2 << 8);
    public static final int BUSY_TIMEOUT = BUSY | (3 << 8);
    public static final int CANTOPEN_NOTEMPDIR = CANTOPEN | (1 << 8);
    public static final int CANTOPEN_ISDIR = CANTOPEN | (2 << 8);
    public static final int CANTOPEN_FULLPATH = CANTOPEN | (3 << 8);
    public static final int CANTOPEN_CONVPATH = CANTOPEN | (4 << 8);
    public static final int CANTOPEN_SYMLINK = CANTOPEN | (6 << 8);
    public static final int READONLY_CANTINIT = READONLY | (5 << 8);
    public static final int READONLY_DIRECTORY = READONLY | (6 << 8);
    public static final int CONSTRAINT_CHECK = CONSTRAINT | (1 << 8);
    public static final int CONSTRAINT_COMMITHOOK = CONSTRAINT | (2 << 8);
    public static final int CONSTRAINT_FOREIGNKEY = CONSTRAINT | (3 << 8);
    public static final int CONSTRAINT_FUNCTION = CONSTRAINT | (4 << 8);
    public static final int CONSTRAINT_NOTNULL = CONSTRAINT | (5 << 8);
    public static final int CONSTRAINT_PRIMARYKEY = CONSTRAINT | (6 << 8);
    public static final int CONSTRAINT_TRIGGER = CONSTRAINT | (7 << 8);
    public static final int CONSTRAINT_UNIQUE = CONSTRAINT | (8 << 8);
    public static final int CONSTRAINT_VTAB = CONSTRAINT | (9 << 8);
    public static final int CONSTRAINT_ROWID = CONSTRAINT | (10 << 8);

    private ResultCode() {}

    /** SQLite's English text for a result code, without a call into the engine. */
    public static String describe(int code) {
        switch (code & 0xff) {
            case OK: return "not an error";
            case ERROR: return "SQL logic error";
            case INTERNAL: return "internal logic error";
            case PERM: return "access permission denied";
            case ABORT: return "query aborted";
            case BUSY: return "database is locked";
            case LOCKED: return "database table is locked";
            case NOMEM: return "out of memory";
            case READONLY: return "attempt to write a readonly database";
            case INTERRUPT: return "interrupted";
            case IOERR: return "disk I/O error";
            case CORRUPT: return "database disk image is malformed";
            case NOTFOUND: return "unknown operation";
            case FULL: return "database or disk is full";
            case CANTOPEN: return "unable to open database file";
            case PROTOCOL: return "locking protocol";
            case SCHEMA: return "database schema has changed";
            case TOOBIG: return "string or blob too big";
            case CONSTRAINT: return "constraint failed";
            case MISMATCH: return "datatype mismatch";
            case MISUSE: return "bad parameter or other API misuse";
            case AUTH: return "authorization denied";
            case RANGE: return "column index out of range";
            case NOTADB: return "file is not a database";
            case ROW: return "another row available";
            case DONE: return "no more rows available";
            default: return "unknown error (" + code + ")";
        }
    }
}
