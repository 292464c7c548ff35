package dev.sqlink.engine;

/** A scalar SQL function implemented in Java. An exception becomes the statement's error. */
@FunctionalInterface
public interface ScalarFunction {
    void apply(FunctionArgs args, FunctionResult result) throws Exception;
}
