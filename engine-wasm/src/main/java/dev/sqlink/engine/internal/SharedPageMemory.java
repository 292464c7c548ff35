package dev.sqlink.engine.internal;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A wasm linear memory in one {@code byte[]}, plus 64 KiB pages the host maps in from other
 * memories. This is how connections share SQLite's wal-index: the wal-index regions of a
 * database live in {@code byte[]} pages owned by the VFS, and each connection's memory maps
 * them, so every instance reads and writes the very same bytes (no copying between lock calls).
 *
 * <p>Where the mapped pages are: at {@code SHARED_BASE} and up, the top 64 MiB of the 2 GiB
 * a memory of this runtime can address, which the memory proper never grows into (its maximum
 * is that much lower), so the memory itself has no holes. That is what keeps the common access
 * cheap: every load and store of the compiled engine comes here, and an access of the memory
 * proper is one compare with a constant and one array access, whose bounds check the JVM does
 * anyway and which sends the rare rest (past the end, negative) to the slow path and its trap.
 * A table of pages instead (the design before) cost two more dependent loads on every access:
 * GROUP BY, ORDER BY, joins, scans and bulk inserts took 10–55% longer. Tests of fields on the
 * fast path (address windows around mapped pages inside the heap) lost the whole gain, and
 * reaching the mapped pages through the array's exception made WAL writes 20× slower.
 *
 * <p>The price: a growing memory is copied into a bigger array, with headroom so that a memory
 * growing page by page is copied only a logarithmic number of times. An access inside that
 * headroom (past the memory's size, before the array's end) reads zeros and writes bytes that
 * the next grow() clears, instead of trapping; SQLite never addresses memory its allocator did
 * not grow, and the cap on pages is enforced by grow() as before.
 */
public final class SharedPageMemory implements Memory {
    private static final int PAGE_SHIFT = 16;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    /** Mapped pages at most: 64 MiB of wal-index, for WAL files of up to 8 million frames. */
    static final int MAX_SHARED_PAGES = 1024;
    /**
     * The address of the first mapped page: the top 64 MiB of the 2 GiB a memory of this
     * runtime can address, which the memory proper therefore never grows into. Not above 2 GiB:
     * the compiled code treats a base address of 2 GiB or more as out of bounds as a whole.
     */
    static final int SHARED_BASE = (RUNTIME_MAX_PAGES - MAX_SHARED_PAGES) * PAGE_SIZE;
    private static final byte[][] NO_SHARED_PAGES = new byte[0][];
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryLimits limits;
    private final int maximumPages;
    /** Every byte of the memory, at its own address; longer than the memory when it grew with headroom. */
    private byte[] bytes;
    private int pageCount;
    /** The mapped pages by slot (slot {@code k} at {@code SHARED_BASE + k * PAGE_SIZE}); null slots are free. */
    private byte[][] sharedPages = NO_SHARED_PAGES;
    /** Taken by grow() and by writes from other threads, so no such write lands in an array grow() just left behind. */
    private final Object growLock = new Object();
    private DataSegment[] dataSegments;
    /** True until the first zero() or bulk write: the array is still the JVM's zeroed one. */
    private boolean fresh = true;

    public SharedPageMemory(MemoryLimits limits) {
        this.limits = limits;
        this.maximumPages = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES - MAX_SHARED_PAGES);
        this.bytes = new byte[limits.initialPages() * PAGE_SIZE];
        this.pageCount = limits.initialPages();
    }

    // ------------------------------------------------------------------ sharing

    /** Maps {@code shared} into a free slot at or above {@code SHARED_BASE} and returns its address. */
    public int mapSharedPage(byte[] shared) {
        fresh = false;
        if (shared.length != PAGE_SIZE) {
            throw new IllegalArgumentException("a mapped page must be " + PAGE_SIZE + " bytes, not " + shared.length);
        }
        int slot = 0;
        while (slot < sharedPages.length && sharedPages[slot] != null) {
            slot++;
        }
        if (slot == MAX_SHARED_PAGES) {
            throw new IllegalStateException("no free slot for another mapped page: " + MAX_SHARED_PAGES + " are mapped");
        }
        if (slot == sharedPages.length) {
            sharedPages = Arrays.copyOf(sharedPages, Math.max(4, 2 * sharedPages.length));
        }
        sharedPages[slot] = shared;
        return SHARED_BASE + slot * PAGE_SIZE;
    }

    /** Unmaps the page {@link #mapSharedPage} mapped at {@code address}; its slot may be reused. */
    public void unmapSharedPage(int address) {
        int slot = (address - SHARED_BASE) >>> PAGE_SHIFT;
        if ((address & PAGE_MASK) != 0 || slot >= sharedPages.length || sharedPages[slot] == null) {
            throw new IllegalArgumentException("no page is mapped at " + Integer.toUnsignedString(address));
        }
        sharedPages[slot] = null;
    }

    /**
     * The array holding the {@code size} bytes at {@code addr}, which lie either inside the
     * memory or inside one mapped page, or null when they do not (an access that must trap).
     */
    private byte[] arrayHolding(int addr, int size) {
        if (Integer.compareUnsigned(addr, SHARED_BASE) < 0) {
            return (long) addr + size <= (long) pageCount * PAGE_SIZE ? bytes : null;
        }
        if (addr < 0) {
            return null; // 2 GiB and above: never an address of this runtime
        }
        int slot = (addr - SHARED_BASE) >>> PAGE_SHIFT;
        if (slot >= sharedPages.length || (addr & PAGE_MASK) + size > PAGE_SIZE) {
            return null;
        }
        return sharedPages[slot];
    }

    /** Where {@code addr} is inside the array {@link #arrayHolding} returned for it. */
    private static int offsetIn(int addr) {
        return addr < SHARED_BASE ? addr : addr & PAGE_MASK;
    }

    /** {@link #arrayHolding}, or the trap when there is none. */
    private byte[] checkedArray(int addr, int size) {
        byte[] array = size < 0 ? null : arrayHolding(addr, size);
        if (array == null) {
            throw outOfBounds(addr, size);
        }
        return array;
    }

    // ------------------------------------------------------------------ images

    /** A copy of every byte as it is now, to give this or another memory of the same module these bytes again. */
    byte[] image() {
        return Arrays.copyOf(bytes, pageCount * PAGE_SIZE);
    }

    /**
     * Makes this memory exactly {@code image}: its size and every byte. Pages beyond the image
     * are dropped, and every mapped page is unmapped, never written (its bytes belong to other
     * connections too).
     */
    void restore(byte[] image) {
        int count = image.length / PAGE_SIZE;
        if (count > maximumPages) {
            throw new IllegalArgumentException("an image of " + count + " pages does not fit a memory of at most "
                    + maximumPages);
        }
        synchronized (growLock) {
            if (bytes.length < image.length || bytes.length - image.length > image.length / 2) {
                // a memory that grew large while serving one connection does not keep its array idle
                bytes = image.clone();
            } else {
                System.arraycopy(image, 0, bytes, 0, image.length);
                // the headroom too: no byte of the previous connection stays in the array
                Arrays.fill(bytes, image.length, bytes.length, (byte) 0);
            }
            pageCount = count;
            sharedPages = NO_SHARED_PAGES;
        }
        fresh = false;
    }

    // ------------------------------------------------------------------ size

    /** The pages the array has room for, headroom included. */
    int capacityPages() {
        return bytes.length / PAGE_SIZE;
    }

    @Override
    public int pages() {
        return pageCount;
    }

    @Override
    public int grow(int delta) {
        int previous = pageCount;
        long wanted = (long) previous + delta;
        if (delta < 0 || wanted > maximumPages) {
            return -1;
        }
        byte[] larger = null;
        if (wanted * PAGE_SIZE > bytes.length) {
            larger = larger((int) wanted);
            if (larger == null) {
                return -1; // as when past the maximum: SQLite reports SQLITE_NOMEM, nothing is lost
            }
        }
        synchronized (growLock) {
            if (larger != null) {
                System.arraycopy(bytes, 0, larger, 0, previous * PAGE_SIZE);
                bytes = larger;
            } else {
                // headroom: zero, unless a stray access wrote there (see the class comment)
                Arrays.fill(bytes, previous * PAGE_SIZE, (int) wanted * PAGE_SIZE, (byte) 0);
            }
            pageCount = (int) wanted;
        }
        return previous;
    }

    /**
     * A zeroed array for at least {@code pages} pages, with headroom of half the memory so that
     * a memory growing page by page is copied a logarithmic number of times; null when the JVM
     * has not even the exact size to spare.
     */
    private byte[] larger(int pages) {
        int roomy = (int) Math.min(maximumPages, Math.max(pages, (long) pageCount + pageCount / 2));
        try {
            return new byte[roomy * PAGE_SIZE];
        } catch (OutOfMemoryError tooLarge) {
            if (roomy == pages) {
                return null;
            }
        }
        try {
            return new byte[pages * PAGE_SIZE];
        } catch (OutOfMemoryError tooLarge) {
            return null;
        }
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return maximumPages;
    }

    @Override
    public boolean shared() {
        return false; // not a wasm threads memory: the module is single-threaded
    }

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        throw new UnsupportedOperationException("not a wasm shared memory");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        throw new UnsupportedOperationException("not a wasm shared memory");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        throw new UnsupportedOperationException("not a wasm shared memory");
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return 0;
    }

    // ------------------------------------------------------------------ other threads

    /**
     * Writes a 32-bit value from a thread other than the one running the instance (the
     * connection's interrupt flag): never into an array a concurrent grow() is leaving behind.
     */
    public void writeI32FromAnotherThread(int addr, int value) {
        synchronized (growLock) {
            writeI32(addr, value);
        }
        VarHandle.fullFence();
    }

    /** Reads a 32-bit value from a thread other than the one running the instance, in the array grow() made last. */
    public int readIntFromAnotherThread(int addr) {
        synchronized (growLock) {
            return readInt(addr);
        }
    }

    // ------------------------------------------------------------------ data segments

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        initialize(instance, segments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        this.dataSegments = segments;
        if (segments == null) {
            return;
        }
        for (DataSegment s : segments) {
            if (s instanceof ActiveDataSegment) {
                ActiveDataSegment active = (ActiveDataSegment) s;
                if (active.index() == memoryIndex) {
                    int offset = (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
                    write(offset, active.data());
                }
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ------------------------------------------------------------------ bulk

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        fresh = false;
        System.arraycopy(data, offset, checkedArray(addr, size), offsetIn(addr), size);
    }

    /** Copies {@code size} bytes at {@code addr} into {@code target} without allocating. */
    public void read(int addr, byte[] target, int offset, int size) {
        System.arraycopy(checkedArray(addr, size), offsetIn(addr), target, offset, size);
    }

    /** Decodes straight from the array, skipping the intermediate copy the default makes. */
    @Override
    public String readString(int addr, int len, Charset charset) {
        return new String(checkedArray(addr, len), offsetIn(addr), len, charset);
    }

    @Override
    public String readString(int addr, int len) {
        return readString(addr, len, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        byte[] result = new byte[len];
        read(addr, result, 0, len);
        return result;
    }

    /**
     * Every byte becomes zero and every mapped page is unmapped, never wiped (its bytes belong
     * to other connections too). Chicory calls this once as it builds each instance; clearing a
     * new memory byte by byte ran in the bytecode interpreter in a cold JVM and cost the first
     * open ~50 ms.
     */
    @Override
    public void zero() {
        if (fresh) {
            // Chicory zeroes every memory as it instantiates, right after its memory factory made
            // it (so no one else can have written to it yet): the array is zero already.
            fresh = false;
            return;
        }
        Arrays.fill(bytes, 0, pageCount * PAGE_SIZE, (byte) 0);
        sharedPages = NO_SHARED_PAGES;
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int size = toIndex - fromIndex;
        byte[] array = checkedArray(fromIndex, size);
        int from = offsetIn(fromIndex);
        Arrays.fill(array, from, from + size, value);
    }

    /** memmove, overlapping ranges included, between the memory and mapped pages in any direction. */
    @Override
    public void copy(int dest, int src, int size) {
        byte[] to = checkedArray(dest, size);
        System.arraycopy(checkedArray(src, size), offsetIn(src), to, offsetIn(dest), size);
    }

    // ------------------------------------------------------------------ scalars

    // Every scalar access below the mapped pages indexes the array directly: the JVM's array check
    // already catches the rare cases, an address past the memory's end or negative, and sends
    // them to the slow path, which traps. An access of a mapped page (the wal-index, which SQLite
    // reads and writes often) goes there by the one compare with a constant, not by an exception.
    // Anything more here costs more than the page table did (see the class comment).

    private static WasmRuntimeException outOfBounds(int addr, int size) {
        return new WasmRuntimeException("out of bounds memory access: address " + Integer.toUnsignedString(addr)
                + ", size " + size);
    }

    @Override
    public byte read(int addr) {
        if (addr < SHARED_BASE) {
            try {
                return bytes[addr];
            } catch (IndexOutOfBoundsException outside) {
                // past the memory's end, or negative: the slow path traps
            }
        }
        return (byte) readSlow(addr, 1);
    }

    @Override
    public void writeByte(int addr, byte data) {
        if (addr < SHARED_BASE) {
            try {
                bytes[addr] = data;
                return;
            } catch (IndexOutOfBoundsException outside) {
                // past the memory's end, or negative: the slow path traps
            }
        }
        writeSlow(addr, data, 1);
    }

    @Override
    public short readShort(int addr) {
        if (addr < SHARED_BASE) {
            try {
                return (short) SHORTS.get(bytes, addr);
            } catch (IndexOutOfBoundsException outside) {
                // past the memory's end, or negative: the slow path traps
            }
        }
        return (short) readSlow(addr, 2);
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeShort(int addr, short data) {
        if (addr < SHARED_BASE) {
            try {
                SHORTS.set(bytes, addr, data);
                return;
            } catch (IndexOutOfBoundsException outside) {
                // past the memory's end, or negative: the slow path traps
            }
        }
        writeSlow(addr, data, 2);
    }

    @Override
    public int readInt(int addr) {
        if (addr < SHARED_BASE) {
            try {
                return (int) INTS.get(bytes, addr);
            } catch (IndexOutOfBoundsException outside) {
                // past the memory's end, or negative: the slow path traps
            }
        }
        return (int) readSlow(addr, 4);
    }

    @Override
    public void writeI32(int addr, int data) {
        if (addr < SHARED_BASE) {
            try {
                INTS.set(bytes, addr, data);
                return;
            } catch (IndexOutOfBoundsException outside) {
                // past the memory's end, or negative: the slow path traps
            }
        }
        writeSlow(addr, data, 4);
    }

    @Override
    public long readLong(int addr) {
        if (addr < SHARED_BASE) {
            try {
                return (long) LONGS.get(bytes, addr);
            } catch (IndexOutOfBoundsException outside) {
                // past the memory's end, or negative: the slow path traps
            }
        }
        return readSlow(addr, 8);
    }

    @Override
    public void writeLong(int addr, long data) {
        if (addr < SHARED_BASE) {
            try {
                LONGS.set(bytes, addr, data);
                return;
            } catch (IndexOutOfBoundsException outside) {
                // past the memory's end, or negative: the slow path traps
            }
        }
        writeSlow(addr, data, 8);
    }

    @Override
    public float readFloat(int addr) {
        return Float.intBitsToFloat(readInt(addr));
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public void writeF32(int addr, float data) {
        writeI32(addr, Float.floatToRawIntBits(data));
    }

    @Override
    public double readDouble(int addr) {
        return Double.longBitsToDouble(readLong(addr));
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        writeLong(addr, Double.doubleToRawLongBits(data));
    }

    /** A little-endian value in a mapped page, or the trap. */
    private long readSlow(int addr, int size) {
        byte[] array = checkedArray(addr, size);
        int at = offsetIn(addr);
        switch (size) {
            case 1:
                return array[at];
            case 2:
                return (short) SHORTS.get(array, at);
            case 4:
                return (int) INTS.get(array, at);
            default:
                return (long) LONGS.get(array, at);
        }
    }

    private void writeSlow(int addr, long value, int size) {
        byte[] array = checkedArray(addr, size);
        int at = offsetIn(addr);
        switch (size) {
            case 1:
                array[at] = (byte) value;
                break;
            case 2:
                SHORTS.set(array, at, (short) value);
                break;
            case 4:
                INTS.set(array, at, (int) value);
                break;
            default:
                LONGS.set(array, at, value);
        }
    }
}
