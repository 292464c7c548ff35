package dev.sqlink.extensions;

import dev.sqlink.spi.Capability;
import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.FunctionFlag;
import dev.sqlink.spi.SqlArguments;
import dev.sqlink.spi.SqlObject;
import dev.sqlink.spi.SqlType;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.UUID;

/**
 * UUIDs as SQLite's uuid extension has them: {@code uuid()} a random (version 4) UUID as
 * text, {@code uuid_str(x)} the canonical text of a 16-byte blob or any UUID text,
 * {@code uuid_blob(x)} the 16 bytes. Random numbers come from the host, so {@code uuid()}
 * needs {@code grants=uuid:random}.
 */
public final class UuidExtension implements Extension {
    private static final ExtensionManifest MANIFEST = ExtensionManifest.builder("uuid", "1.0.0")
            .description("UUID generation and conversion: uuid(), uuid_str(), uuid_blob()")
            .provides(SqlObject.scalar("uuid"), SqlObject.scalar("uuid_str"), SqlObject.scalar("uuid_blob"))
            .requiresCapability(Capability.RANDOM)
            .build();

    @Override
    public ExtensionManifest manifest() {
        return MANIFEST;
    }

    @Override
    public void register(ExtensionContext context) {
        Random random = context.host().random();
        context.scalarFunction("uuid", 0, (a, r) -> {
            byte[] b = new byte[16];
            random.nextBytes(b);
            b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
            b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
            r.setText(toUuid(b).toString());
        });
        FunctionFlag[] pure = {FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS};
        context.scalarFunction("uuid_str", 1, (a, r) -> {
            UUID u = parse(a);
            r.setText(u == null ? null : u.toString());
        }, pure);
        context.scalarFunction("uuid_blob", 1, (a, r) -> {
            UUID u = parse(a);
            r.setBlob(u == null ? null
                    : ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                            .array());
        }, pure);
    }

    private static UUID toUuid(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong());
    }

    /** A blob of 16 bytes, or text of 32 hex digits with optional dashes and braces; otherwise NULL. */
    private static UUID parse(SqlArguments a) {
        if (a.type(0) == SqlType.BLOB) {
            byte[] b = a.getBlob(0);
            return b.length == 16 ? toUuid(b) : null;
        }
        if (a.type(0) != SqlType.TEXT) {
            return null;
        }
        String hex = a.getText(0).replace("-", "").replace("{", "").replace("}", "");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            return null;
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
