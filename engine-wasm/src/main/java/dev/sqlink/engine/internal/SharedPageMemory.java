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
import java.util.BitSet;

/**
 * A wasm linear memory made of 64 KiB pages, any of which the host can replace by a page
 * that other instances map too. This is how connections share SQLite's wal-index: the
 * wal-index regions of a database live in {@code byte[]} pages owned by the VFS, and each
 * connection's memory points one of its own page slots at them, so every instance reads and
 * writes the very same bytes (no copying between lock calls).
 *
 * <p>Everything else is an ordinary private memory; accesses inside one page go straight to
 * the page array through little-endian {@link VarHandle} views.
 */
public final class SharedPageMemory implements Memory {
    private static final int PAGE_SHIFT = 16;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Page-table slots a new memory starts with beyond its initial pages (SQLite soon grows its heap). */
    private static final int TABLE_HEADROOM = 16;

    private final MemoryLimits limits;
    private final int maximumPages;
    /**
     * The page table, as long as the memory has grown so far plus headroom (null slots past
     * {@link #pageCount}). Not sized for the maximum up front: 32,767 slots are 128 KiB of heap
     * for every connection, most of whose memories never pass a few MiB.
     */
    private byte[][] pages;
    /**
     * Volatile so that a page (and page table) grow() made is visible to a thread that writes the
     * interrupt flag: grow() raises it last, and that thread's slow path reads it first.
     */
    private volatile int pageCount;
    private DataSegment[] dataSegments;
    /** Slots holding a page mapped from another memory: never written by {@link #restore}. */
    private final BitSet sharedSlots = new BitSet();
    /** True until the first zero() or bulk write: the pages are still the JVM's zeroed arrays. */
    private boolean fresh = true;

    public SharedPageMemory(MemoryLimits limits) {
        this.limits = limits;
        this.maximumPages = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
        this.pages = new byte[Math.min(maximumPages, limits.initialPages() + TABLE_HEADROOM)][];
        for (int i = 0; i < limits.initialPages(); i++) {
            pages[i] = new byte[PAGE_SIZE];
        }
        this.pageCount = limits.initialPages();
    }

    // ------------------------------------------------------------------ sharing

    /** Makes page {@code index} (which must exist) be {@code shared}; its old private bytes are dropped. */
    public void mapSharedPage(int index, byte[] shared) {
        fresh = false;
        if (shared.length != PAGE_SIZE || index < 0 || index >= pageCount) {
            throw new IllegalArgumentException("cannot map a shared page at page " + index);
        }
        pages[index] = shared;
        sharedSlots.set(index);
    }

    /** Gives page {@code index} back a private, zeroed page. */
    public void unmapSharedPage(int index) {
        pages[index] = new byte[PAGE_SIZE];
        sharedSlots.clear(index);
    }

    // ------------------------------------------------------------------ images

    /** A copy of every page as it is now, to give this or another memory of the same module these bytes again. */
    byte[][] image() {
        byte[][] image = new byte[pageCount][];
        for (int i = 0; i < image.length; i++) {
            image[i] = pages[i].clone();
        }
        return image;
    }

    /**
     * Makes this memory exactly {@code image}: its size and every byte. Private pages are
     * overwritten, pages beyond the image dropped, and a page mapped from another memory is
     * replaced by a private copy, never written (its bytes belong to other connections too).
     */
    void restore(byte[][] image) {
        int count = image.length;
        if (count > maximumPages) {
            throw new IllegalArgumentException("an image of " + count + " pages does not fit a memory of at most "
                    + maximumPages);
        }
        if (pages.length < count || pages.length > count + TABLE_HEADROOM) {
            pages = Arrays.copyOf(pages, Math.min(maximumPages, count + TABLE_HEADROOM));
        }
        for (int i = 0; i < count; i++) {
            if (pages[i] == null || sharedSlots.get(i)) {
                pages[i] = image[i].clone();
            } else {
                System.arraycopy(image[i], 0, pages[i], 0, PAGE_SIZE);
            }
        }
        Arrays.fill(pages, count, pages.length, null);
        sharedSlots.clear();
        fresh = false;
        pageCount = count;
    }

    // ------------------------------------------------------------------ size

    @Override
    public int pages() {
        return pageCount;
    }

    @Override
    public int grow(int delta) {
        int previous = pageCount;
        int wanted = previous + delta;
        if (delta < 0 || wanted > maximumPages) {
            return -1;
        }
        if (wanted > pages.length) {
            // doubling keeps a memory that grows page by page from copying the table each time
            pages = Arrays.copyOf(pages, Math.min(maximumPages, Math.max(wanted, 2 * pages.length)));
        }
        for (int i = previous; i < wanted; i++) {
            pages[i] = new byte[PAGE_SIZE];
        }
        pageCount = wanted;
        return previous;
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

    private void checkRange(int addr, int size) {
        long end = Integer.toUnsignedLong(addr) + size;
        if (size < 0 || end > (long) pageCount * PAGE_SIZE) {
            throw outOfBounds(addr, size);
        }
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        fresh = false;
        checkRange(addr, size);
        while (size > 0) {
            int inPage = addr & PAGE_MASK;
            int chunk = Math.min(size, PAGE_SIZE - inPage);
            System.arraycopy(data, offset, pages[addr >>> PAGE_SHIFT], inPage, chunk);
            addr += chunk;
            offset += chunk;
            size -= chunk;
        }
    }

    /** Copies {@code size} bytes at {@code addr} into {@code target} without allocating. */
    public void read(int addr, byte[] target, int offset, int size) {
        checkRange(addr, size);
        while (size > 0) {
            int inPage = addr & PAGE_MASK;
            int chunk = Math.min(size, PAGE_SIZE - inPage);
            System.arraycopy(pages[addr >>> PAGE_SHIFT], inPage, target, offset, chunk);
            addr += chunk;
            offset += chunk;
            size -= chunk;
        }
    }

    /**
     * Decodes straight from the page when the bytes lie in one (almost always: SQLite's values
     * are far smaller than a page), skipping the intermediate copy the default makes.
     */
    @Override
    public String readString(int addr, int len, Charset charset) {
        checkRange(addr, len);
        int inPage = addr & PAGE_MASK;
        if (inPage + len <= PAGE_SIZE) {
            return new String(pages[addr >>> PAGE_SHIFT], inPage, len, charset);
        }
        return new String(readBytes(addr, len), charset);
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
     * Every page becomes a fresh private page, which the JVM hands out zeroed. Chicory calls
     * this once as it builds each instance; filling the pages byte by byte instead ran in the
     * bytecode interpreter in a cold JVM and cost the first open ~50 ms. A page mapped from
     * another memory is unmapped, never wiped: its bytes belong to other connections too.
     */
    @Override
    public void zero() {
        if (fresh) {
            // Chicory zeroes every memory as it instantiates, right after its memory factory made
            // it (so no one else can have written to it yet): the new pages are zero already.
            fresh = false;
            return;
        }
        for (int i = 0; i < pageCount; i++) {
            pages[i] = new byte[PAGE_SIZE];
        }
        sharedSlots.clear();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int size = toIndex - fromIndex;
        checkRange(fromIndex, size);
        int addr = fromIndex;
        while (size > 0) {
            int inPage = addr & PAGE_MASK;
            int chunk = Math.min(size, PAGE_SIZE - inPage);
            Arrays.fill(pages[addr >>> PAGE_SHIFT], inPage, inPage + chunk, value);
            addr += chunk;
            size -= chunk;
        }
    }

    /** memmove: copies forward unless the destination overlaps the source from above. */
    @Override
    public void copy(int dest, int src, int size) {
        checkRange(dest, size);
        checkRange(src, size);
        if (Integer.compareUnsigned(dest, src) > 0 && Integer.compareUnsigned(dest, src + size) < 0) {
            int d = dest + size;
            int s = src + size;
            while (size > 0) {
                int dAvail = ((d - 1) & PAGE_MASK) + 1;
                int sAvail = ((s - 1) & PAGE_MASK) + 1;
                int chunk = Math.min(size, Math.min(dAvail, sAvail));
                d -= chunk;
                s -= chunk;
                System.arraycopy(pages[s >>> PAGE_SHIFT], s & PAGE_MASK, pages[d >>> PAGE_SHIFT], d & PAGE_MASK, chunk);
                size -= chunk;
            }
        } else {
            while (size > 0) {
                int chunk = Math.min(size, PAGE_SIZE - Math.max(dest & PAGE_MASK, src & PAGE_MASK));
                System.arraycopy(pages[src >>> PAGE_SHIFT], src & PAGE_MASK, pages[dest >>> PAGE_SHIFT], dest & PAGE_MASK, chunk);
                dest += chunk;
                src += chunk;
                size -= chunk;
            }
        }
    }

    // ------------------------------------------------------------------ scalars

    // Every scalar access indexes the page table and the page directly, with no checks of its
    // own: the JVM's array checks already catch the rare cases, an address past the memory (the
    // page table is too short, or the page slot is still null) and a value that straddles two
    // pages (the view's index check). Those land in the slow path, which traps or assembles the
    // value byte by byte. Explicit page-fit and null checks on every access cost ~5-10% of a
    // GROUP BY (JFR samples in page()/fits() before).

    private static WasmRuntimeException outOfBounds(int addr, int size) {
        return new WasmRuntimeException("out of bounds memory access: address " + Integer.toUnsignedString(addr)
                + ", size " + size);
    }

    @Override
    public byte read(int addr) {
        try {
            return pages[addr >>> PAGE_SHIFT][addr & PAGE_MASK];
        } catch (IndexOutOfBoundsException | NullPointerException outside) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        try {
            pages[addr >>> PAGE_SHIFT][addr & PAGE_MASK] = data;
        } catch (IndexOutOfBoundsException | NullPointerException outside) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public short readShort(int addr) {
        try {
            return (short) SHORTS.get(pages[addr >>> PAGE_SHIFT], addr & PAGE_MASK);
        } catch (IndexOutOfBoundsException | NullPointerException straddlesOrOutside) {
            return (short) readSlow(addr, 2);
        }
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeShort(int addr, short data) {
        try {
            SHORTS.set(pages[addr >>> PAGE_SHIFT], addr & PAGE_MASK, data);
        } catch (IndexOutOfBoundsException | NullPointerException straddlesOrOutside) {
            writeSlow(addr, data, 2);
        }
    }

    @Override
    public int readInt(int addr) {
        try {
            return (int) INTS.get(pages[addr >>> PAGE_SHIFT], addr & PAGE_MASK);
        } catch (IndexOutOfBoundsException | NullPointerException straddlesOrOutside) {
            return (int) readSlow(addr, 4);
        }
    }

    @Override
    public void writeI32(int addr, int data) {
        try {
            INTS.set(pages[addr >>> PAGE_SHIFT], addr & PAGE_MASK, data);
        } catch (IndexOutOfBoundsException | NullPointerException straddlesOrOutside) {
            writeSlow(addr, data, 4);
        }
    }

    @Override
    public long readLong(int addr) {
        try {
            return (long) LONGS.get(pages[addr >>> PAGE_SHIFT], addr & PAGE_MASK);
        } catch (IndexOutOfBoundsException | NullPointerException straddlesOrOutside) {
            return readSlow(addr, 8);
        }
    }

    @Override
    public void writeLong(int addr, long data) {
        try {
            LONGS.set(pages[addr >>> PAGE_SHIFT], addr & PAGE_MASK, data);
        } catch (IndexOutOfBoundsException | NullPointerException straddlesOrOutside) {
            writeSlow(addr, data, 8);
        }
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

    /** A little-endian value that straddles two pages, byte by byte. */
    private long readSlow(int addr, int size) {
        checkRange(addr, size);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (read(addr + i) & 0xFF);
        }
        return value;
    }

    private void writeSlow(int addr, long value, int size) {
        checkRange(addr, size);
        for (int i = 0; i < size; i++) {
            writeByte(addr + i, (byte) (value >>> (8 * i)));
        }
    }
}
