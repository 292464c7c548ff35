/**
 * The public API for sqlink extensions.
 *
 * <p>An extension is a named, versioned unit that adds SQL surface to a connection. A Java
 * extension implements {@link dev.sqlink.spi.Extension}, is listed in
 * {@code META-INF/services/dev.sqlink.spi.Extension}, and is enabled per connection by name
 * ({@code jdbc:sqlink:app.db?extensions=NAME}). Its {@link dev.sqlink.spi.ExtensionManifest}
 * says what it provides and which {@link dev.sqlink.spi.Capability capabilities} it needs; the
 * driver grants nothing by default and hands the extension {@link dev.sqlink.spi.HostServices}
 * that refuse whatever the connection properties did not grant.
 *
 * <p>This package depends on nothing but the JDK and changes only compatibly: new methods
 * arrive as defaults.
 */
package dev.sqlink.spi;
