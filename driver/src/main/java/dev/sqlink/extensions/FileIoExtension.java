package dev.sqlink.extensions;

import dev.sqlink.spi.Capability;
import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.FileAccess;
import dev.sqlink.spi.FunctionFlag;
import dev.sqlink.spi.SqlObject;
import dev.sqlink.spi.SqlType;
import java.nio.charset.StandardCharsets;

/**
 * {@code readfile(path)} returns a file's bytes as a blob; {@code writefile(path, data)}
 * writes a blob (or text as UTF-8) and returns the number of bytes written. Only inside the
 * folders granted: {@code grants=fileio:fs.read=/in,fileio:fs.write=/out}. Both are
 * direct-only, so a view or trigger in an untrusted database cannot call them.
 */
public final class FileIoExtension implements Extension {
    private static final ExtensionManifest MANIFEST = ExtensionManifest.builder("fileio", "1.0.0")
            .description("readfile(path) and writefile(path, data), confined to granted folders")
            .provides(SqlObject.scalar("readfile"), SqlObject.scalar("writefile"))
            .requiresCapability(Capability.FS_READ, Capability.FS_WRITE)
            .build();

    @Override
    public ExtensionManifest manifest() {
        return MANIFEST;
    }

    @Override
    public void register(ExtensionContext context) {
        FileAccess files = context.host().files();
        context.scalarFunction("readfile", 1, (a, r) -> {
            if (!a.isNull(0)) {
                r.setBlob(files.readAllBytes(a.getText(0)));
            }
        }, FunctionFlag.DIRECT_ONLY);
        context.scalarFunction("writefile", 2, (a, r) -> {
            if (a.isNull(0)) {
                return;
            }
            byte[] data = a.isNull(1) ? new byte[0] : a.type(1) == SqlType.BLOB ? a.getBlob(1)
                    : a.getText(1).getBytes(StandardCharsets.UTF_8);
            files.write(a.getText(0), data);
            r.setLong(data.length);
        }, FunctionFlag.DIRECT_ONLY);
    }
}
