package dev.sqlink.extensions;

import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.FunctionFlag;
import dev.sqlink.spi.SqlObject;
import dev.sqlink.spi.SqlType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Cryptographic hashes from {@code java.security}: {@code md5(x)}, {@code sha1(x)},
 * {@code sha256(x)}, {@code sha512(x)} return lower-case hex text. Text is hashed as UTF-8,
 * a blob as its bytes, a number as its text; NULL gives NULL.
 */
public final class CryptoExtension implements Extension {
    private static final String[][] ALGORITHMS = {
        {"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha256", "SHA-256"}, {"sha512", "SHA-512"}};

    private static final ExtensionManifest MANIFEST = ExtensionManifest.builder("crypto", "1.0.0")
            .description("cryptographic hashes as hex text: md5, sha1, sha256, sha512")
            .provides(SqlObject.scalar("md5"), SqlObject.scalar("sha1"), SqlObject.scalar("sha256"),
                    SqlObject.scalar("sha512"))
            .build();

    @Override
    public ExtensionManifest manifest() {
        return MANIFEST;
    }

    @Override
    public void register(ExtensionContext context) throws NoSuchAlgorithmException {
        for (String[] a : ALGORITHMS) {
            MessageDigest.getInstance(a[1]); // fail at open, not at first use, if the JDK lacks one
            context.scalarFunction(a[0], 1, (args, r) -> {
                if (args.isNull(0)) {
                    return;
                }
                byte[] in = args.type(0) == SqlType.BLOB ? args.getBlob(0)
                        : args.getText(0).getBytes(StandardCharsets.UTF_8);
                r.setText(hex(MessageDigest.getInstance(a[1]).digest(in)));
            }, FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return b.toString();
    }
}
