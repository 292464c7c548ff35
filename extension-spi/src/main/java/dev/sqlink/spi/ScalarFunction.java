package dev.sqlink.spi;

/**
 * A scalar SQL function. An exception fails only the statement that called it, with a
 * message naming the exception.
 */
@FunctionalInterface
public interface ScalarFunction {
    void apply(SqlArguments args, SqlResult result) throws Exception;
}
