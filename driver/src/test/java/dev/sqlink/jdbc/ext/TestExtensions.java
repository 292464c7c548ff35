package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.AggregateFunction;
import dev.sqlink.spi.Capability;
import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.FunctionFlag;
import dev.sqlink.spi.SqlArguments;
import dev.sqlink.spi.SqlObject;
import dev.sqlink.spi.SqlResult;
import dev.sqlink.spi.WindowFunction;

/** Small Java extensions the tests enable by name (listed in the test META-INF/services). */
public final class TestExtensions {
    private TestExtensions() {}

    /** Base: a manifest and a registration body. */
    abstract static class Simple implements Extension {
        private final ExtensionManifest manifest;

        Simple(ExtensionManifest manifest) {
            this.manifest = manifest;
        }

        @Override
        public ExtensionManifest manifest() {
            return manifest;
        }
    }

    public static final class HashA extends Simple {
        public HashA() {
            super(ExtensionManifest.builder("hasha", "1.0").provides(SqlObject.scalar("hash"), SqlObject.scalar("only_a"))
                    .build());
        }

        @Override
        public void register(ExtensionContext c) {
            c.scalarFunction("hash", 1, (a, r) -> r.setText("a:" + a.getText(0)), FunctionFlag.DETERMINISTIC);
            c.scalarFunction("only_a", 0, (a, r) -> r.setText("only a"));
        }
    }

    public static final class HashB extends Simple {
        public HashB() {
            super(ExtensionManifest.builder("hashb", "1.0").provides(SqlObject.scalar("hash")).build());
        }

        @Override
        public void register(ExtensionContext c) {
            c.scalarFunction("hash", 1, (a, r) -> r.setText("b:" + a.getText(0)));
        }
    }

    /** An aggregate, a window function and a collation. */
    public static final class Kinds extends Simple {
        public Kinds() {
            super(ExtensionManifest.builder("kinds", "1.0").provides(SqlObject.aggregate("sumsq"),
                    SqlObject.window("runsum"), SqlObject.collation("reverse")).build());
        }

        @Override
        public void register(ExtensionContext c) {
            c.aggregateFunction("sumsq", 1, () -> new AggregateFunction() {
                long sum;

                @Override
                public void step(SqlArguments args) {
                    sum += args.getLong(0) * args.getLong(0);
                }

                @Override
                public void finish(SqlResult result) {
                    result.setLong(sum);
                }
            });
            c.windowFunction("runsum", 1, () -> new WindowFunction() {
                long sum;

                @Override
                public void step(SqlArguments args) {
                    sum += args.getLong(0);
                }

                @Override
                public void inverse(SqlArguments args) {
                    sum -= args.getLong(0);
                }

                @Override
                public void value(SqlResult result) {
                    result.setLong(sum);
                }

                @Override
                public void finish(SqlResult result) {
                    result.setLong(sum);
                }
            });
            c.collation("reverse", (x, y) -> y.compareTo(x));
        }
    }

    public static final class Thrower extends Simple {
        public Thrower() {
            super(ExtensionManifest.builder("thrower", "1.0").provides(SqlObject.scalar("boom")).build());
        }

        @Override
        public void register(ExtensionContext c) {
            c.scalarFunction("boom", 1, (a, r) -> {
                if (a.getLong(0) > 2) {
                    throw new IllegalStateException("boom at " + a.getLong(0));
                }
                r.setLong(a.getLong(0));
            });
        }
    }

    public static final class ClockUser extends Simple {
        public ClockUser() {
            super(ExtensionManifest.builder("clockx", "1.0").provides(SqlObject.scalar("now_ms"))
                    .requiresCapability(Capability.CLOCK).build());
        }

        @Override
        public void register(ExtensionContext c) {
            java.time.Clock clock = c.host().clock();
            c.scalarFunction("now_ms", 0, (a, r) -> r.setLong(clock.millis()));
        }
    }

    public static final class EnvUser extends Simple {
        public EnvUser() {
            super(ExtensionManifest.builder("envx", "1.0").provides(SqlObject.scalar("env_get"))
                    .requiresCapability(Capability.ENV).build());
        }

        @Override
        public void register(ExtensionContext c) {
            c.scalarFunction("env_get", 1, (a, r) -> r.setText(c.host().environment(a.getText(0))));
        }
    }

    public static final class SqlUser extends Simple {
        public SqlUser() {
            super(ExtensionManifest.builder("sqlx", "1.0").provides(SqlObject.scalar("count_rows"))
                    .requiresCapability(Capability.SQL).build());
        }

        @Override
        public void register(ExtensionContext c) {
            dev.sqlink.spi.SqlRunner sql = c.host().sql();
            c.scalarFunction("count_rows", 0,
                    (a, r) -> r.setObject(sql.query("SELECT count(*) FROM sqlite_schema WHERE type = ?", "table")
                            .get(0)[0]));
        }
    }

    /** Reaches for the clock without declaring it: refused at use even though nothing was granted to anyone. */
    public static final class Sneaky extends Simple {
        public Sneaky() {
            super(ExtensionManifest.builder("sneaky", "1.0").provides(SqlObject.scalar("sneak")).build());
        }

        @Override
        public void register(ExtensionContext c) {
            c.scalarFunction("sneak", 0, (a, r) -> r.setLong(c.host().clock().millis()));
        }
    }

    public static final class NeedsJson extends Simple {
        public NeedsJson() {
            super(ExtensionManifest.builder("needsjson", "1.0").provides(SqlObject.scalar("needs_json"))
                    .requiresExtension("json", ">=3").build());
        }

        @Override
        public void register(ExtensionContext c) {
            c.scalarFunction("needs_json", 0, (a, r) -> r.setText("ok"));
        }
    }

    public static final class NeedsCrypto extends Simple {
        public NeedsCrypto() {
            super(ExtensionManifest.builder("needscrypto", "1.0").requiresExtension("crypto", "1").build());
        }

        @Override
        public void register(ExtensionContext c) {
        }
    }

    public static final class NeedsMissing extends Simple {
        public NeedsMissing() {
            super(ExtensionManifest.builder("needsmissing", "1.0").requiresExtension("nothere", "*").build());
        }

        @Override
        public void register(ExtensionContext c) {
        }
    }

    public static final class CycleOne extends Simple {
        public CycleOne() {
            super(ExtensionManifest.builder("cycone", "1.0").requiresExtension("cyctwo", "*").build());
        }

        @Override
        public void register(ExtensionContext c) {
        }
    }

    public static final class CycleTwo extends Simple {
        public CycleTwo() {
            super(ExtensionManifest.builder("cyctwo", "1.0").requiresExtension("cycone", "*").build());
        }

        @Override
        public void register(ExtensionContext c) {
        }
    }
}
