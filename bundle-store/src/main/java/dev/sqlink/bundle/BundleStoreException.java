package dev.sqlink.bundle;

import java.io.IOException;

/** A store operation that failed for a reason the user can act on; the message says how. */
public class BundleStoreException extends IOException {
    /** What went wrong, for callers that react differently (tests, SQLState mapping). */
    public enum Reason {
        /** No bundle, alias or blob by that name or hash. */
        NOT_FOUND,
        /** A hash prefix that matches more than one bundle. */
        AMBIGUOUS,
        /** Bytes whose hash is not what they claim: a changed blob, bundle document or export. */
        CORRUPT,
        /** Input that does not follow the rules (a bad alias, a malformed export). */
        INVALID
    }

    private final Reason reason;

    public BundleStoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BundleStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
