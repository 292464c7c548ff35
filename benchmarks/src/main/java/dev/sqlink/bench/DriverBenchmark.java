package dev.sqlink.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every side-by-side workload shares: the {@code driver} parameter (so JMH runs each
 * workload through all three drivers in one run) and the default run shape. The defaults are
 * the full mode's; {@code run.sh} overrides them for the medium and quick modes. The warm-up is
 * long because sqlink's AOT-compiled SQLite is thousands of methods the JIT must compile first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 2)
public abstract class DriverBenchmark {
    @Param({"sqlink", "xerial", "sqlite4j"})
    public String driver;
}
