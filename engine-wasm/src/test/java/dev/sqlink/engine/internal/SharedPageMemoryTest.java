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
