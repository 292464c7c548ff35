package dev.sqlink.jdbc.ext;

import dev.sqlink.bundle.BundleStoreException;
import java.io.IOException;
import java.sql.SQLException;

/** Bundle store failures as SQLExceptions, with a SQLState per reason. */
public final class BundleErrors {
    private BundleErrors() {}

    public static SQLException sql(IOException e) {
        if (e instanceof BundleStoreException) {
            BundleStoreException b = (BundleStoreException) e;
            switch (b.reason()) {
                case NOT_FOUND:
                    return new SQLException(b.getMessage(), "42704", b);
                case AMBIGUOUS:
                    return new SQLException(b.getMessage(), "42725", b);
                case CORRUPT:
                    return new SQLException(b.getMessage(), "XX001", b);
                default:
                    return new SQLException(b.getMessage(), "HY024", b);
            }
        }
        return new SQLException("bundle store I/O failed: " + e, "58030", e);
    }
}
