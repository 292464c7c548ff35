package dev.sqlink.spi;

/** The running state of one group of an aggregate function; a fresh one per group. */
public interface AggregateFunction {
    /** Adds one row. */
    void step(SqlArguments args) throws Exception;

    /** Produces the group's result; the object is discarded afterwards. */
    void finish(SqlResult result) throws Exception;
}
