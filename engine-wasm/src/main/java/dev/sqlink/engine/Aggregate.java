package dev.sqlink.engine;

/**
 * The running state of one aggregate group. A fresh one is created for every group (and
 * every window partition) from the supplier given at registration.
 */
public interface Aggregate {
    void step(FunctionArgs args) throws Exception;

    /** Produces the group's result; the aggregate is discarded afterwards. */
    void finish(FunctionResult result) throws Exception;
}
