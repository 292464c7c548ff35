package dev.sqlink.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The memory under every connection: bulk and scalar access across page edges and around mapped pages, growth, and page sharing. */
class SharedPageMemoryTest {
    private static final int P = Memory.PAGE_SIZE;

    @Test
    void copyBehavesLikeMemmoveAcrossPageBoundaries() {
        Random random = new Random(1);
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(4, 8));
        byte[] reference = new byte[4 * P];
        random.nextBytes(reference);
        memory.write(0, reference);
        for (int i = 0; i < 300; i++) {
            int size = random.nextInt(2 * P);
            int src = random.nextInt(4 * P - size);
            int dest = random.nextInt(4 * P - size);
            if (i % 3 == 0) {
                dest = Math.min(4 * P - size, src + random.nextInt(64)); // overlapping, above
            }
            memory.copy(dest, src, size);
            System.arraycopy(reference, src, reference, dest, size);
        }
        assertArrayEquals(reference, memory.readBytes(0, 4 * P));
    }

    @Test
    void scalarsStraddlingPagesAreLittleEndian() {
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(2, 3));
        for (int at = P - 8; at <= P; at++) {
            memory.writeLong(at, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, memory.readLong(at));
            assertEquals(0x08, memory.read(at));
            memory.writeI32(at, 0xCAFEBABE);
            assertEquals(0xCAFEBABE, memory.readInt(at));
            memory.writeF64(at, Math.PI);
            assertEquals(Math.PI, memory.readDouble(at));
            memory.writeShort(at, (short) 0xBEEF);
            assertEquals((short) 0xBEEF, memory.readShort(at));
        }
        assertThrows(WasmRuntimeException.class, () -> memory.readInt(2 * P - 2));
        assertThrows(WasmRuntimeException.class, () -> memory.read(2 * P));
        assertThrows(WasmRuntimeException.class, () -> memory.readInt(-4));
        assertEquals(2, memory.grow(1));
        assertEquals(0, memory.readInt(2 * P));
        assertEquals(-1, memory.grow(10));
    }

    @Test
    void everyWidthTrapsOutsideTheMemoryAndAStraddlingWriteChangesNothing() {
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(1, 2));
        // past the grown size (page slot still empty), past the maximum, and negative (>= 2 GiB)
        for (int at : new int[] {P, P + 100, 2 * P, 5 * P, Integer.MAX_VALUE - 3, -1, Integer.MIN_VALUE}) {
            assertThrows(WasmRuntimeException.class, () -> memory.read(at));
            assertThrows(WasmRuntimeException.class, () -> memory.readShort(at));
            assertThrows(WasmRuntimeException.class, () -> memory.readInt(at));
            assertThrows(WasmRuntimeException.class, () -> memory.readLong(at));
            assertThrows(WasmRuntimeException.class, () -> memory.readFloat(at));
            assertThrows(WasmRuntimeException.class, () -> memory.readDouble(at));
            assertThrows(WasmRuntimeException.class, () -> memory.writeByte(at, (byte) 1));
            assertThrows(WasmRuntimeException.class, () -> memory.writeShort(at, (short) 1));
            assertThrows(WasmRuntimeException.class, () -> memory.writeI32(at, 1));
            assertThrows(WasmRuntimeException.class, () -> memory.writeLong(at, 1));
            assertThrows(WasmRuntimeException.class, () -> memory.writeF32(at, 1f));
            assertThrows(WasmRuntimeException.class, () -> memory.writeF64(at, 1d));
        }
        memory.writeI32(P - 4, 0x11223344);
        assertThrows(WasmRuntimeException.class, () -> memory.writeLong(P - 4, -1L));
        assertEquals(0x11223344, memory.readInt(P - 4));
        memory.writeF32(P - 4, 1.5f);
        assertEquals(1.5f, memory.readFloat(P - 4));
    }

    @Test
    void zeroClearsWhatWasWrittenButSkipsTheFirstFillOfANewMemory() {
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(2, 2));
        memory.zero(); // as Chicory does when it instantiates
        assertArrayEquals(new byte[2 * P], memory.readBytes(0, 2 * P));
        memory.writeLong(P - 4, -1L);
        memory.write(10, new byte[] {1, 2, 3});
        memory.zero();
        assertArrayEquals(new byte[2 * P], memory.readBytes(0, 2 * P));

        SharedPageMemory written = new SharedPageMemory(new MemoryLimits(1, 1));
        written.write(0, new byte[] {7});
        written.zero();
        assertEquals(0, written.read(0));
    }

    @Test
    void growingPageByPageToTheMaximumKeepsEveryPage() {
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(2, 300));
        assertEquals(300, memory.maximumPages());
        memory.writeI32(P + 8, -7);
        for (int page = 2; page < 300; page++) {
            assertEquals(page, memory.grow(1));
            memory.writeLong(page * P - 4, page); // straddles the new page and the one before
        }
        assertEquals(-1, memory.grow(1), "no page past the maximum");
        assertEquals(300, memory.pages());
        assertEquals(-7, memory.readInt(P + 8));
        for (int page = 2; page < 300; page++) {
            assertEquals(page, memory.readLong(page * P - 4));
        }
        assertThrows(WasmRuntimeException.class, () -> memory.read(300 * P));
    }

    @Test
    void restoringAnImageGivesBackItsSizeAndBytesAndNeverWritesAMappedPage() {
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(2, 100));
        memory.writeI32(8, 42);
        memory.writeI32(P + 8, 43);
        byte[] image = memory.image();
        memory.writeI32(8, -1);
        assertEquals(2, memory.grow(40));
        memory.writeLong(30 * P, -1L);
        memory.writeLong(2 * P, -1L);
        byte[] shared = new byte[P];
        int mapped = memory.mapSharedPage(shared);
        memory.writeI32(mapped + 8, 99);

        memory.restore(image);

        assertEquals(2, memory.pages());
        assertEquals(2, memory.capacityPages(), "the idle memory kept the array it grew to");
        assertEquals(42, memory.readInt(8));
        assertEquals(43, memory.readInt(P + 8));
        assertEquals(99, shared[8], "the mapped page was written over");
        assertThrows(WasmRuntimeException.class, () -> memory.readInt(mapped + 8), "still mapped after a restore");
        assertThrows(WasmRuntimeException.class, () -> memory.read(2 * P));
        assertEquals(2, memory.grow(1));
        assertEquals(0L, memory.readLong(2 * P), "a page grown after the restore held old bytes");
        memory.writeI32(8, 7);
        memory.restore(image);
        assertEquals(42, memory.readInt(8), "writing after a restore changed the image");
    }

    @Test
    void restoringIntoTheSameArrayLeavesNoByteOfThePreviousUseInItsHeadroom() {
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(2, 100));
        byte[] image = memory.image();
        assertEquals(2, memory.grow(1));
        memory.writeLong(2 * P + 8, -1L); // the previous connection's bytes, past the image's size

        memory.restore(image);

        assertEquals(3, memory.capacityPages(), "the array was not reused, nothing to test");
        assertEquals(0L, memory.readLong(2 * P + 8), "an old byte survived in the headroom");
    }

    @Test
    void aMappedPageIsTheSameBytesInEveryMemory() {
        SharedPageMemory one = new SharedPageMemory(new MemoryLimits(4, 8));
        SharedPageMemory two = new SharedPageMemory(new MemoryLimits(4, 8));
        byte[] other = new byte[P];
        byte[] shared = new byte[P];
        two.mapSharedPage(other);
        int inOne = one.mapSharedPage(shared);
        int inTwo = two.mapSharedPage(shared);
        assertTrue(inOne > 0 && inOne >= new SharedPageMemory(new MemoryLimits(1, 65536)).maximumPages() * P,
                "mapped where the memory proper may grow to, or at 2 GiB and above (where compiled code traps)");
        assertEquals(inOne + P, inTwo, "the second slot of two");
        one.writeI32(inOne + 100, 42);
        assertEquals(42, two.readInt(inTwo + 100));
        two.writeLong(inTwo + P - 8, -1L);
        assertEquals(-1L, one.readLong(inOne + P - 8));
        assertEquals(-1L, shared[P - 1]);
        assertThrows(WasmRuntimeException.class, () -> one.readLong(inOne + P - 4), "straddles the end of the page");
        assertThrows(WasmRuntimeException.class, () -> one.read(inOne + P), "past the last mapped page");
        one.unmapSharedPage(inOne);
        assertThrows(WasmRuntimeException.class, () -> one.readInt(inOne + 100));
        assertEquals(42, two.readInt(inTwo + 100));
        assertEquals(inOne, one.mapSharedPage(new byte[P]), "a free slot is reused");
        assertThrows(IllegalArgumentException.class, () -> one.unmapSharedPage(inOne + P));
    }

    @Test
    void zeroClearsEveryPageButLeavesAMappedPageToItsOtherUsers() {
        SharedPageMemory one = new SharedPageMemory(new MemoryLimits(2, 8));
        SharedPageMemory two = new SharedPageMemory(new MemoryLimits(2, 8));
        one.grow(1);
        one.writeI32(100, 7);
        one.writeLong(2 * P + P - 8, -1L);
        byte[] shared = new byte[P];
        int inOne = one.mapSharedPage(shared);
        int inTwo = two.mapSharedPage(shared);
        one.writeI32(inOne + 4, 42);

        one.zero();

        assertEquals(3, one.pages());
        assertArrayEquals(new byte[3 * P], one.readBytes(0, 3 * P));
        assertEquals(42, two.readInt(inTwo + 4), "the other memory's view of the shared page must survive");
        assertThrows(WasmRuntimeException.class, () -> one.readInt(inOne + 4), "still mapped after zero()");
    }
    @Test
    void scalarsAndBulkAccessesReachMappedPagesAndCopyBetweenThemAndTheMemory() {
        Random random = new Random(7);
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(2, 8));
        byte[] page = new byte[P];
        int mapped = memory.mapSharedPage(page);
        byte[] reference = new byte[P];
        ByteBuffer expected = ByteBuffer.wrap(reference).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 2_000; i++) {
            int at = random.nextInt(P - 8);
            long value = random.nextLong();
            switch (i % 4) {
                case 0:
                    memory.writeByte(mapped + at, (byte) value);
                    expected.put(at, (byte) value);
                    break;
                case 1:
                    memory.writeShort(mapped + at, (short) value);
                    expected.putShort(at, (short) value);
                    break;
                case 2:
                    memory.writeF32(mapped + at, Float.intBitsToFloat((int) value));
                    expected.putInt(at, Float.floatToRawIntBits(Float.intBitsToFloat((int) value)));
                    break;
                default:
                    memory.writeLong(mapped + at, value);
                    expected.putLong(at, value);
            }
            assertEquals(expected.get(at), memory.read(mapped + at));
            assertEquals(expected.getShort(at), memory.readShort(mapped + at));
            assertEquals(expected.getInt(at), memory.readInt(mapped + at));
            assertEquals(expected.getLong(at), memory.readLong(mapped + at));
        }
        assertArrayEquals(reference, page, "the scalars went to the mapped array");

        byte[] data = new byte[300];
        random.nextBytes(data);
        memory.write(100, data);
        memory.copy(mapped + 1000, 100, 300); // memory -> mapped page (SQLite's wal-index header write)
        memory.copy(mapped + 1100, mapped + 1000, 300); // inside the page, overlapping
        memory.copy(5000, mapped + 1100, 300); // mapped page -> memory (its header read)
        assertArrayEquals(data, memory.readBytes(5000, 300));
        assertArrayEquals(data, Arrays.copyOfRange(page, 1100, 1400));
        memory.fill((byte) 9, mapped + 10, mapped + 20);
        assertEquals(9, page[19]);
        assertEquals(new String(data, 0, 50, StandardCharsets.ISO_8859_1),
                memory.readString(mapped + 1100, 50, StandardCharsets.ISO_8859_1));
        assertThrows(WasmRuntimeException.class, () -> memory.copy(mapped + P - 10, 0, 20), "past the page");
        assertThrows(WasmRuntimeException.class, () -> memory.fill((byte) 1, mapped + P - 1, mapped + P + 1));
    }

    @Test
    void aGrowLeavesHeadroomThatNextGrowsUseAndClear() {
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(10, 100));
        assertEquals(10, memory.grow(1));
        int capacity = memory.capacityPages();
        assertTrue(capacity > 11, "no headroom left to test");
        memory.writeLong(11 * P - 8, -1L);
        assertEquals(-1, memory.read(11 * P - 1));
        memory.writeI32(12 * P, 5); // a stray write in the headroom (see the class comment)
        assertThrows(WasmRuntimeException.class, () -> memory.read(capacity * P));
        assertThrows(WasmRuntimeException.class, () -> memory.readLong(capacity * P - 4));
        assertEquals(11, memory.grow(2));
        assertEquals(capacity, memory.capacityPages(), "grew into the headroom: no copy");
        assertEquals(0L, memory.readLong(11 * P), "grown into the headroom: zero");
        assertEquals(0, memory.readInt(12 * P), "the stray write survived the grow");
        assertEquals(-1L, memory.readLong(11 * P - 8));
    }

    /**
     * The interrupt flag is written by another thread while the engine's may be growing the
     * memory into a new array. Each round writes once, at a random moment of a grow that copies
     * 16 MiB; a write that landed in the array being left behind would be lost.
     */
    @Test
    void aWriteFromAnotherThreadSurvivesAConcurrentGrow() throws InterruptedException {
        int flag = 12_345 * 4;
        long growNanos = timeOneGrow();
        Random random = new Random(3);
        for (int round = 0; round < 40; round++) {
            SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(256, 512));
            long delay = (long) (random.nextDouble() * growNanos);
            CountDownLatch growing = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                try {
                    growing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                long until = System.nanoTime() + delay;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                memory.writeI32FromAnotherThread(flag, 1);
            });
            writer.start();
            growing.countDown();
            assertEquals(256, memory.grow(1));
            writer.join();
            assertEquals(1, memory.readInt(flag), "round " + round + ": the other thread's write was lost");
            assertEquals(1, memory.readIntFromAnotherThread(flag));
        }
    }

    private static long timeOneGrow() {
        SharedPageMemory memory = new SharedPageMemory(new MemoryLimits(256, 512));
        long start = System.nanoTime();
        memory.grow(1);
        return System.nanoTime() - start;
    }
}
