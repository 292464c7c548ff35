package dev.sqlink.spi;

/**
 * An extension used a host service the connection did not grant (or beyond the granted
 * scope, such as a path outside the granted folders). The message names the extension, the
 * capability and the property text that would grant it.
 */
public final class CapabilityDeniedException extends SecurityException {
    private static final long serialVersionUID = 1L;

    private final String extension;
    private final Capability capability;

    public CapabilityDeniedException(String extension, Capability capability, String message) {
        super(message);
        this.extension = extension;
        this.capability = capability;
    }

    public String extension() {
        return extension;
    }

    public Capability capability() {
        return capability;
    }
}
