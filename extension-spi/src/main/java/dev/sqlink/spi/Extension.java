package dev.sqlink.spi;

/**
 * A Java extension, found with {@link java.util.ServiceLoader} and enabled by the name in its
 * {@link #manifest() manifest}.
 *
 * <p>The driver calls {@link #register(ExtensionContext)} once per connection that enables the
 * extension, before that connection's first statement. Implementations must be stateless or
 * keep per-connection state in the objects they register: one instance serves every
 * connection in the JVM.
 */
public interface Extension {
    /** What this extension is, provides and needs. Called often: return a constant. */
    ExtensionManifest manifest();

    /**
     * Registers the extension's SQL objects on one connection. Register exactly the objects the
     * manifest lists, under their unqualified names: the driver adds the extension's prefix and
     * decides which bare names are registered.
     *
     * @throws Exception to refuse the connection; the message reaches the user
     */
    void register(ExtensionContext context) throws Exception;
}
