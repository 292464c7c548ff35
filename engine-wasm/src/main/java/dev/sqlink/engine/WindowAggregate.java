package dev.sqlink.engine;

/** An aggregate usable as a window function with a moving frame. */
public interface WindowAggregate extends Aggregate {
    /** Removes a row that left the frame. */
    void inverse(FunctionArgs args) throws Exception;

    /** The current value, without ending the aggregate. */
    void value(FunctionResult result) throws Exception;
}
