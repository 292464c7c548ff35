package dev.sqlink.engine.split;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A little wasm binary writer for tests (the splitter's and the metadata reader's): LEB128 numbers, names and sized sections. */
public final class WasmBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public WasmBytes u8(int v) {
        out.write(v);
        return this;
    }

    public WasmBytes raw(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    public WasmBytes u32(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    public WasmBytes s32(int v) {
        return s64(v); // a signed LEB128 number is the same bytes whatever the width
    }

    public WasmBytes s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) return this;
        }
    }

    public WasmBytes name(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        u32(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    public WasmBytes sized(WasmBytes content) {
        byte[] bytes = content.toArray();
        u32(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    public WasmBytes section(int id, WasmBytes content) {
        return u8(id).sized(content);
    }

    public byte[] toArray() {
        return out.toByteArray();
    }
}
