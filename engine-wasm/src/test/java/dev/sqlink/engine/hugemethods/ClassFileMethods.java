package dev.sqlink.engine.hugemethods;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads just enough of a JVM class file to list its methods with the length of their
 * bytecode (the {@code code_length} of the Code attribute, which is what HotSpot compares
 * with {@code HugeMethodLimit}). Layout as in JVMS chapter 4; everything else is skipped.
 */
public final class ClassFileMethods {
    /** One method: name, descriptor, and bytecode length (0 for abstract or native methods). */
    public record Method(String name, String descriptor, int codeLength) {}

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileMethods() {}

    public static List<Method> read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file (bad magic number)");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        String[] utf8 = readConstantPool(in);
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class
        in.readUnsignedShort(); // super class
        skip(in, 2 * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            skip(in, 6); // access, name, descriptor
            skipAttributes(in);
        }
        int count = in.readUnsignedShort();
        List<Method> methods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort(); // access flags
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            int codeLength = 0;
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if ("Code".equals(attribute)) {
                    in.readUnsignedShort(); // max stack
                    in.readUnsignedShort(); // max locals
                    codeLength = in.readInt();
                    skip(in, length - 8);
                } else {
                    skip(in, length);
                }
            }
            methods.add(new Method(name, descriptor, codeLength));
        }
        return methods;
    }

    /** Returns the pool's UTF-8 entries by index (other entries are skipped and left null). */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // CONSTANT_Utf8 (modified UTF-8, as readUTF expects)
                case 7, 8, 16, 19, 20 -> skip(in, 2); // Class, String, MethodType, Module, Package
                case 15 -> skip(in, 3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> { // Long, Double take two slots
                    skip(in, 8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            skip(in, in.readInt());
        }
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        in.skipNBytes(n);
    }
}
