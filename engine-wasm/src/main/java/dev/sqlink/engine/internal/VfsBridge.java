package dev.sqlink.engine.internal;

import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.vfs.SharedMemoryRegion;
import dev.sqlink.engine.vfs.Vfs;
import dev.sqlink.engine.vfs.VfsException;
import dev.sqlink.engine.vfs.VfsFile;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Serves the VFS imports of one connection: turns pointers into Java values, calls the
 * {@link Vfs}, and turns exceptions into SQLite result codes. Nothing thrown here may
 * unwind through wasm, so every entry point catches everything.
 */
public final class VfsBridge {
    private static final int SQLITE_OPEN_READONLY = 0x1;
    private static final int SQLITE_OPEN_READWRITE = 0x2;
    private static final int SQLITE_NOTFOUND = 12;
    private static final int SQLITE_FCNTL_SIZE_HINT = 5;
    private static final long UNIX_EPOCH_JULIAN_MS = 210866760000000L;

    private final Vfs vfs;
    private final List<VfsFile> files = new ArrayList<>();
    private Native nat;
    /** Per open file: wal-index page number -> the address the memory mapped it at. */
    private final Map<Integer, Map<Integer, Integer>> shmPages = new HashMap<>();
    private byte[] transfer = new byte[8192];
    /** The last VFS failure, kept so an open error can say why, not just "unable to open". */
    private volatile String lastError;

    public VfsBridge(Vfs vfs) {
        this.vfs = vfs;
    }

    void bind(Native nat) {
        this.nat = nat;
    }

    public Vfs vfs() {
        return vfs;
    }

    /** Takes the message of the most recent VFS failure, if any. */
    public String takeLastError() {
        String e = lastError;
        lastError = null;
        return e;
    }

    private int fail(VfsException e) {
        lastError = e.getMessage();
        return e.resultCode();
    }

    private int fail(RuntimeException e, int code) {
        lastError = String.valueOf(e);
        return code;
    }

    private VfsFile file(int handle) {
        return files.get(handle);
    }

    private byte[] buffer(int size) {
        if (transfer.length < size) {
            transfer = new byte[Math.max(size, transfer.length * 2)];
        }
        return transfer;
    }

    int open(int zName, int flags, int pOutFlags, int pHandle) {
        try {
            String name = nat.readCString(zName);
            VfsFile f = vfs.open(name, flags);
            int handle = files.indexOf(null);
            if (handle < 0) {
                handle = files.size();
                files.add(f);
            } else {
                files.set(handle, f);
            }
            int out = flags;
            if (f.openedReadOnly()) {
                out = (flags & ~SQLITE_OPEN_READWRITE) | SQLITE_OPEN_READONLY;
            }
            nat.writeInt(pOutFlags, out);
            nat.writeInt(pHandle, handle);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.CANTOPEN);
        }
    }

    int close(int handle) {
        try {
            VfsFile f = file(handle);
            releaseShmPages(handle);
            files.set(handle, null);
            f.close();
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_CLOSE);
        }
    }

    int delete(int zName, int syncDir) {
        try {
            vfs.delete(nat.readCString(zName), syncDir != 0);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_DELETE);
        }
    }

    int access(int zName, int flags, int pResOut) {
        try {
            nat.writeInt(pResOut, vfs.access(nat.readCString(zName), flags) ? 1 : 0);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_ACCESS);
        }
    }

    int fullPathname(int zName, int nOut, int zOut) {
        try {
            byte[] full = vfs.fullPathname(nat.readCString(zName)).getBytes(StandardCharsets.UTF_8);
            if (full.length + 1 > nOut) {
                lastError = "path longer than " + (nOut - 1) + " bytes";
                return ResultCode.CANTOPEN_FULLPATH;
            }
            nat.memory.write(zOut, full);
            nat.memory.writeByte(zOut + full.length, (byte) 0);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.CANTOPEN_FULLPATH);
        }
    }

    int randomness(int n, int zOut) {
        byte[] bytes = new byte[n];
        SeedSource.fill(bytes);
        nat.memory.write(zOut, bytes);
        return n;
    }

    int sleep(int micros) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(Math.max(0, micros)));
        return micros;
    }

    int currentTime(int piNow) {
        nat.writeLong(piNow, UNIX_EPOCH_JULIAN_MS + System.currentTimeMillis());
        return 0;
    }

    /** Fills a struct tm (9 ints) for SQLite's 'localtime' modifier in the JVM's default zone. */
    int localtime(long epochSeconds, int pFields) {
        try {
            ZonedDateTime t = Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault());
            int[] f = {
                t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue() - 1,
                t.getYear() - 1900, t.getDayOfWeek().getValue() % 7, t.getDayOfYear() - 1,
                t.getZone().getRules().isDaylightSavings(t.toInstant()) ? 1 : 0
            };
            for (int i = 0; i < f.length; i++) {
                nat.writeInt(pFields + 4 * i, f[i]);
            }
            return 0;
        } catch (RuntimeException e) {
            return 1;
        }
    }

    boolean shmSupported() {
        return vfs.supportsSharedMemory();
    }

    int read(int handle, int pBuf, int amount, long offset) {
        try {
            byte[] b = buffer(amount);
            int n = file(handle).read(b, amount, offset);
            nat.memory.write(pBuf, b, 0, n);
            if (n < amount) {
                nat.memory.fill((byte) 0, pBuf + n, pBuf + amount);
                return ResultCode.IOERR_SHORT_READ;
            }
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_READ);
        }
    }

    int write(int handle, int pBuf, int amount, long offset) {
        try {
            byte[] b = buffer(amount);
            copyOut(pBuf, b, amount);
            file(handle).write(b, amount, offset);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_WRITE);
        }
    }

    private void copyOut(int ptr, byte[] target, int length) {
        nat.memory.read(ptr, target, 0, length);
    }

    int truncate(int handle, long size) {
        try {
            file(handle).truncate(size);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_TRUNCATE);
        }
    }

    int sync(int handle, int flags) {
        try {
            file(handle).sync(flags);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_FSYNC);
        }
    }

    int size(int handle, int pSize) {
        try {
            nat.writeLong(pSize, file(handle).size());
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_FSTAT);
        }
    }

    int lock(int handle, int level) {
        try {
            file(handle).lock(level);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_LOCK);
        }
    }

    int unlock(int handle, int level) {
        try {
            file(handle).unlock(level);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_UNLOCK);
        }
    }

    int checkReservedLock(int handle, int pResOut) {
        try {
            nat.writeInt(pResOut, file(handle).checkReservedLock() ? 1 : 0);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_CHECKRESERVEDLOCK);
        }
    }

    int fileControl(int handle, int op, int pArg) {
        if (op == SQLITE_FCNTL_SIZE_HINT) {
            return 0; // a hint, safely ignored
        }
        return SQLITE_NOTFOUND;
    }

    int sectorSize(int handle) {
        return file(handle).sectorSize();
    }

    int deviceCharacteristics(int handle) {
        return file(handle).deviceCharacteristics();
    }

    /**
     * Maps wal-index region {@code region} into this instance's memory: the VFS's shared page
     * holding it is mapped above the memory proper (see {@link SharedPageMemory}), so every
     * connection reads and writes the same bytes.
     */
    int shmMap(int handle, int region, int size, int extend, int pp) {
        try {
            SharedMemoryRegion shared = file(handle).shmMap(region, size, extend != 0);
            if (shared == null) {
                nat.writeInt(pp, 0);
                return 0;
            }
            Map<Integer, Integer> pages = shmPages.computeIfAbsent(handle, h -> new HashMap<>());
            int pageNo = region / 2; // two 32 KiB wal-index regions per 64 KiB page
            Integer address = pages.get(pageNo);
            if (address == null) {
                address = nat.memory.mapSharedPage(shared.page());
                pages.put(pageNo, address);
            }
            nat.writeInt(pp, address + shared.offset());
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_SHMMAP);
        }
    }

    int shmLock(int handle, int offset, int n, int flags) {
        try {
            file(handle).shmLock(offset, n, flags);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_SHMLOCK);
        }
    }

    /** SQLite's memory barrier around wal-index reads and writes made by other connections' threads. */
    void shmBarrier(int handle) {
        VarHandle.fullFence();
    }

    int shmUnmap(int handle, int deleteFlag) {
        try {
            releaseShmPages(handle);
            file(handle).shmUnmap(deleteFlag != 0);
            return 0;
        } catch (VfsException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(e, ResultCode.IOERR_SHMMAP);
        }
    }

    private void releaseShmPages(int handle) {
        Map<Integer, Integer> pages = shmPages.remove(handle);
        if (pages != null) {
            pages.values().forEach(nat.memory::unmapSharedPage);
        }
    }

    /** Whether SQLite still holds a file open through this bridge (a connection closed only in part). */
    boolean hasOpenFiles() {
        for (VfsFile f : files) {
            if (f != null) {
                return true;
            }
        }
        return false;
    }

    /** Closes whatever SQLite left open (only after a trap, when SQLite could not). */
    void closeAll() {
        for (int h = 0; h < files.size(); h++) {
            VfsFile f = files.get(h);
            if (f != null) {
                try {
                    // No wasm calls here (the instance may be broken): the shared pages stay
                    // mapped in a memory nobody runs again, and the VFS forgets this user.
                    shmPages.remove(h);
                    f.shmUnmap(false);
                    f.close();
                } catch (Exception ignored) {
                    // best effort: the connection is already lost
                }
                files.set(h, null);
            }
        }
    }
}
