package dev.sqlink.engine;

import dev.sqlink.engine.internal.Native;

/**
 * One online backup between a connection and a file. sqlite3_backup needs both handles in
 * one address space, so the file is opened as a second handle inside the same instance.
 */
final class BackupRun {
    private static final int MAX_BUSY_RETRIES = 100;

    private final Database owner;
    private final Native nat;
    private final int db;
    private final String schema;
    private final String path;
    private final int pagesPerStep;
    private final BackupProgress progress;

    BackupRun(Database owner, int db, String schema, String path, int pagesPerStep, BackupProgress progress) {
        this.owner = owner;
        this.nat = owner.nat;
        this.db = db;
        this.schema = schema;
        this.path = path;
        this.pagesPerStep = pagesPerStep == 0 ? -1 : pagesPerStep;
        this.progress = progress;
    }

    void toFile() {
        int other = openFile(OpenFlags.READWRITE | OpenFlags.CREATE | OpenFlags.URI);
        try {
            run(other, "main", db, schema, other);
        } finally {
            nat.close(other);
        }
    }

    void fromFile() {
        int other = openFile(OpenFlags.READONLY | OpenFlags.URI);
        try {
            run(db, schema, other, "main", db);
        } finally {
            nat.close(other);
        }
    }

    private int openFile(int flags) {
        int zName = nat.cString(path);
        int pp = nat.mallocOrThrow(4);
        try {
            int rc = nat.open(zName, pp, flags | OpenFlags.EXRESCODE, 0);
            int handle = nat.readInt(pp);
            if (rc != ResultCode.OK) {
                String message = handle != 0 ? nat.errmsg(handle) : ResultCode.describe(rc);
                nat.close(handle);
                String detail = owner.takeVfsError();
                throw new SqliteException(rc, "cannot open backup file " + path + ": " + message
                        + (detail != null ? ": " + detail : ""));
            }
            return handle;
        } finally {
            nat.free(zName);
            nat.free(pp);
        }
    }

    private void run(int dest, String destSchema, int src, String srcSchema, int errorHandle) {
        int zDest = nat.cString(destSchema);
        int zSrc = nat.cString(srcSchema);
        try {
            int backup = nat.backupInit(dest, zDest, src, zSrc);
            if (backup == 0) {
                throw new SqliteException(nat.extendedErrcode(dest), "backup failed: " + nat.errmsg(dest));
            }
            int rc;
            int busy = 0;
            do {
                rc = nat.backupStep(backup, pagesPerStep);
                if (progress != null) {
                    progress.onStep(nat.backupRemaining(backup), nat.backupPagecount(backup));
                }
                if (rc == ResultCode.BUSY || rc == ResultCode.LOCKED) {
                    if (++busy > MAX_BUSY_RETRIES) {
                        break;
                    }
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            } while (rc == ResultCode.OK || rc == ResultCode.BUSY || rc == ResultCode.LOCKED);
            int finish = nat.backupFinish(backup);
            if (rc != ResultCode.DONE) {
                throw new SqliteException(rc, "backup of " + srcSchema + " failed: " + ResultCode.describe(rc));
            }
            if (finish != ResultCode.OK) {
                throw new SqliteException(nat.extendedErrcode(dest), "backup failed: " + nat.errmsg(dest));
            }
        } finally {
            nat.free(zDest);
            nat.free(zSrc);
        }
    }
}
