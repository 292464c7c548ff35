package dev.sqlink.spi;

import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where an extension registers its SQL objects on one connection, and how it reaches the
 * host services granted to it. Valid only during {@link Extension#register}; keep the
 * {@link HostServices} if the registered objects need them later.
 */
public interface ExtensionContext {
    /** Host services, each usable only as far as the connection granted it. */
    HostServices host();

    /**
     * A scalar function.
     *
     * @param nArgs the number of arguments, or -1 for any number
     */
    void scalarFunction(String name, int nArgs, ScalarFunction function, FunctionFlag... flags);

    /** An aggregate function; {@code factory} makes the state of each group. */
    void aggregateFunction(String name, int nArgs, Supplier<? extends AggregateFunction> factory,
            FunctionFlag... flags);

    /** An aggregate that can also run as a window function over a moving frame. */
    void windowFunction(String name, int nArgs, Supplier<? extends WindowFunction> factory, FunctionFlag... flags);

    /** A collation for {@code COLLATE name}. */
    void collation(String name, Comparator<String> comparator);

    /** A virtual table module, for {@code CREATE VIRTUAL TABLE ... USING name} and/or as an eponymous table. */
    void virtualTable(String name, VirtualTableModule module);

    /**
     * Whether the statement running on this connection was cancelled or timed out. A function
     * that may run long (a loop over its input, a backtracking search) polls it now and then
     * and stops by throwing {@link java.util.concurrent.CancellationException}: the statement
     * then fails as cancelled, and the connection stays usable. Unlike the context, the
     * returned check stays valid after {@link Extension#register}. Lock-free and cheap.
     */
    default BooleanSupplier cancelled() {
        return () -> Thread.currentThread().isInterrupted();
    }
}
