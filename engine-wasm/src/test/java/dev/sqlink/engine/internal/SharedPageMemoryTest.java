package dev.sqlink.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page-based memory under every connection: bulk and scalar access across page edges, and page sharing. */
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
        byte[][] image = memory.image();
        memory.writeI32(8, -1);
        assertEquals(2, memory.grow(40));
        memory.writeLong(30 * P, -1L);
        memory.writeLong(2 * P, -1L);
        byte[] shared = new byte[P];
        memory.mapSharedPage(1, shared);
        memory.writeI32(P + 8, 99);

        memory.restore(image);

        assertEquals(2, memory.pages());
        assertEquals(42, memory.readInt(8));
        assertEquals(43, memory.readInt(P + 8));
        assertEquals(99, shared[8], "the mapped page was written over");
        assertThrows(WasmRuntimeException.class, () -> memory.read(2 * P));
        assertEquals(2, memory.grow(1));
        assertEquals(0L, memory.readLong(2 * P), "a page grown after the restore held old bytes");
        memory.writeI32(8, 7);
        memory.restore(image);
        assertEquals(42, memory.readInt(8), "writing after a restore changed the image");
    }

    @Test
    void aMappedPageIsTheSameBytesInEveryMemory() {
        SharedPageMemory one = new SharedPageMemory(new MemoryLimits(4, 8));
        SharedPageMemory two = new SharedPageMemory(new MemoryLimits(4, 8));
        byte[] shared = new byte[P];
        one.mapSharedPage(1, shared);
        two.mapSharedPage(3, shared);
        one.writeI32(P + 100, 42);
        assertEquals(42, two.readInt(3 * P + 100));
        two.writeLong(3 * P + P - 8, -1L);
        assertEquals(-1L, one.readLong(2 * P - 8));
        one.unmapSharedPage(1);
        assertEquals(0, one.readInt(P + 100));
        assertEquals(42, two.readInt(3 * P + 100));
    }

    @Test
    void zeroClearsEveryPageButLeavesAMappedPageToItsOtherUsers() {
        SharedPageMemory one = new SharedPageMemory(new MemoryLimits(2, 8));
        SharedPageMemory two = new SharedPageMemory(new MemoryLimits(2, 8));
        one.grow(1);
        one.writeI32(100, 7);
        one.writeLong(2 * P + P - 8, -1L);
        byte[] shared = new byte[P];
        one.mapSharedPage(1, shared);
        two.mapSharedPage(1, shared);
        one.writeI32(P + 4, 42);

        one.zero();

        assertEquals(3, one.pages());
        assertArrayEquals(new byte[3 * P], one.readBytes(0, 3 * P));
        assertEquals(42, two.readInt(P + 4), "the other memory's view of the shared page must survive");
        one.writeI32(P + 4, 9);
        assertEquals(42, two.readInt(P + 4), "after zero() the page is private again");
    }
}
