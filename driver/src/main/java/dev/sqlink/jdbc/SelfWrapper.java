package dev.sqlink.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@link Wrapper} for the driver's own objects, which wrap nothing but themselves: unwrap to
 * any interface or class they implement (for example {@link SqlinkConnection}), and nothing
 * else. Internal to the driver; public only so its packages can share it.
 */
public interface SelfWrapper extends Wrapper {
    @Override
    default <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(getClass().getSimpleName() + " is not a wrapper for " + iface.getName(), "HY024");
    }

    @Override
    default boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
