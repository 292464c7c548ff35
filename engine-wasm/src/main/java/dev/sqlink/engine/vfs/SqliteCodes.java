package dev.sqlink.engine.vfs;

/** The SQLite result codes the VFS reports (kept here so the VFS needs nothing from the binding). */
final class SqliteCodes {
    static final int BUSY = 5;
    static final int READONLY = 8;
    static final int IOERR = 10;
    static final int FULL = 13;
    static final int CANTOPEN = 14;
    static final int AUTH = 23;

    static final int IOERR_READ = IOERR | (1 << 8);
    static final int IOERR_WRITE = IOERR | (3 << 8);
    static final int IOERR_FSYNC = IOERR | (4 << 8);
    static final int IOERR_DIR_FSYNC = IOERR | (5 << 8);
    static final int IOERR_TRUNCATE = IOERR | (6 << 8);
    static final int IOERR_FSTAT = IOERR | (7 << 8);
    static final int IOERR_UNLOCK = IOERR | (8 << 8);
    static final int IOERR_RDLOCK = IOERR | (9 << 8);
    static final int IOERR_DELETE = IOERR | (10 << 8);
    static final int IOERR_ACCESS = IOERR | (13 << 8);
    static final int IOERR_CHECKRESERVEDLOCK = IOERR | (14 << 8);
    static final int IOERR_LOCK = IOERR | (15 << 8);
    static final int IOERR_CLOSE = IOERR | (16 << 8);
    static final int IOERR_SHMOPEN = IOERR | (18 << 8);
    static final int IOERR_SHMSIZE = IOERR | (19 << 8);
    static final int IOERR_SHMLOCK = IOERR | (20 << 8);
    static final int IOERR_SHMMAP = IOERR | (21 << 8);
    static final int IOERR_DELETE_NOENT = IOERR | (23 << 8);
    static final int CANTOPEN_ISDIR = CANTOPEN | (2 << 8);
    static final int CANTOPEN_FULLPATH = CANTOPEN | (3 << 8);

    static final int OPEN_READONLY = 0x1;
    static final int OPEN_READWRITE = 0x2;
    static final int OPEN_CREATE = 0x4;
    static final int OPEN_DELETEONCLOSE = 0x8;
    static final int OPEN_EXCLUSIVE = 0x10;
    static final int OPEN_MAIN_DB = 0x100;
    static final int OPEN_WAL = 0x80000;

    private SqliteCodes() {}
}
