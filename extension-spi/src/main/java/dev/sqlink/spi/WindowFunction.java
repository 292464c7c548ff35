package dev.sqlink.spi;

/** An aggregate that also works as a window function with a moving frame. */
public interface WindowFunction extends AggregateFunction {
    /** Removes a row that left the frame. */
    void inverse(SqlArguments args) throws Exception;

    /** The current value, without ending the aggregate. */
    void value(SqlResult result) throws Exception;
}
