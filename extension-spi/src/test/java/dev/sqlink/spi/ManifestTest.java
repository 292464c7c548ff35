package dev.sqlink.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ManifestTest {
    @Test
    void versionRangesCompareNumerically() {
        VersionRange r = VersionRange.parse(">=1.2 <2");
        assertTrue(r.contains(Version.parse("1.10")));
        assertTrue(r.contains(Version.parse("1.2.0")));
        assertFalse(r.contains(Version.parse("1.1.9")));
        assertFalse(r.contains(Version.parse("2.0")));
        assertTrue(VersionRange.parse("1.4").contains(Version.parse("1.9.3")));
        assertFalse(VersionRange.parse("1.4").contains(Version.parse("2.0.0")));
        assertTrue(VersionRange.parse("=3.1").contains(Version.parse("3.1.0")));
        assertTrue(VersionRange.ANY.contains(Version.parse("0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(">=one"));
    }

    @Test
    void manifestKeepsWhatItWasGivenAndChecksNames() {
        ExtensionManifest m = ExtensionManifest.builder("geo", "1.2.0").description("distances")
                .provides(SqlObject.scalar("Distance"), SqlObject.virtualTable("tiles"))
                .requiresCapability(Capability.FS_READ).requiresExtension("json", ">=1").build();
        assertEquals("geo", m.prefix());
        assertEquals("distance", m.provides().get(0).name());
        assertEquals("json@>=1", m.requires().get(0).toString());
        assertTrue(m.capabilities().contains(Capability.FS_READ));
        assertThrows(IllegalArgumentException.class, () -> ExtensionManifest.builder("Geo-2", "1"));
        assertThrows(IllegalArgumentException.class,
                () -> ExtensionManifest.builder("geo", "1").provides(SqlObject.scalar("a"), SqlObject.scalar("a")));
        assertThrows(IllegalArgumentException.class, () -> m.withContentHash("abc"));
        assertEquals(Capability.FS_WRITE, Capability.fromId("fs.write"));
    }
}
