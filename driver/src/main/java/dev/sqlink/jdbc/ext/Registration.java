package dev.sqlink.jdbc.ext;

import dev.sqlink.engine.Aggregate;
import dev.sqlink.engine.Database;
import dev.sqlink.engine.FunctionArgs;
import dev.sqlink.engine.FunctionFlags;
import dev.sqlink.engine.FunctionResult;
import dev.sqlink.engine.WindowAggregate;
import dev.sqlink.jdbc.ext.wasm.WasmHostContext;
import dev.sqlink.jdbc.ext.wasm.WasmLimits;
import dev.sqlink.spi.AggregateFunction;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.FunctionFlag;
import dev.sqlink.spi.HostServices;
import dev.sqlink.spi.ScalarFunction;
import dev.sqlink.spi.SqlObject;
import dev.sqlink.spi.VirtualTableModule;
import dev.sqlink.spi.WindowFunction;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link ExtensionContext} one extension registers through: checks each object against
 * the manifest and registers it on the engine under the names the {@link NamePlan} chose.
 */
final class Registration implements ExtensionContext, WasmHostContext {
    private final Database db;
    private final EnabledExtension extension;
    private final NamePlan plan;
    private final HostServices host;
    private final WasmLimits wasmLimits;
    private final Set<SqlObject> registered = new HashSet<>();

    Registration(Database db, EnabledExtension extension, NamePlan plan, HostServices host, WasmLimits wasmLimits) {
        this.db = db;
        this.extension = extension;
        this.plan = plan;
        this.host = host;
        this.wasmLimits = wasmLimits;
    }

    @Override
    public WasmLimits wasmLimits() {
        return wasmLimits;
    }

    @Override
    public HostServices host() {
        return host;
    }

    private List<String> names(SqlObject.Kind kind, String name) {
        SqlObject o = SqlObject.of(kind, name);
        if (!extension.manifest.provides().contains(o)) {
            throw new IllegalStateException("extension '" + extension.name() + "' registers " + o
                    + ", which its manifest does not list; add it to the manifest's provides");
        }
        registered.add(o);
        return plan.namesOf(extension, o);
    }

    /** Objects the manifest lists that register() did not register. */
    Set<SqlObject> missing() {
        Set<SqlObject> m = new HashSet<>(extension.manifest.provides());
        m.removeAll(registered);
        return m;
    }

    private static int flags(FunctionFlag[] flags) {
        int bits = 0;
        for (FunctionFlag f : flags) {
            switch (f) {
                case DETERMINISTIC: bits |= FunctionFlags.DETERMINISTIC; break;
                case INNOCUOUS: bits |= FunctionFlags.INNOCUOUS; break;
                case DIRECT_ONLY: bits |= FunctionFlags.DIRECTONLY; break;
                default: throw new IllegalArgumentException(String.valueOf(f));
            }
        }
        return bits;
    }

    @Override
    public void scalarFunction(String name, int nArgs, ScalarFunction function, FunctionFlag... flags) {
        for (String n : names(SqlObject.Kind.SCALAR_FUNCTION, name)) {
            db.createFunction(n, nArgs, flags(flags),
                    (args, result) -> function.apply(SpiValues.args(args), SpiValues.result(result)));
        }
    }

    @Override
    public void aggregateFunction(String name, int nArgs, Supplier<? extends AggregateFunction> factory,
            FunctionFlag... flags) {
        for (String n : names(SqlObject.Kind.AGGREGATE_FUNCTION, name)) {
            db.createAggregate(n, nArgs, flags(flags), () -> aggregate(factory.get()));
        }
    }

    @Override
    public void windowFunction(String name, int nArgs, Supplier<? extends WindowFunction> factory,
            FunctionFlag... flags) {
        for (String n : names(SqlObject.Kind.WINDOW_FUNCTION, name)) {
            db.createWindowFunction(n, nArgs, flags(flags), () -> window(factory.get()));
        }
    }

    private static Aggregate aggregate(AggregateFunction a) {
        return new Aggregate() {
            @Override
            public void step(FunctionArgs args) throws Exception {
                a.step(SpiValues.args(args));
            }

            @Override
            public void finish(FunctionResult result) throws Exception {
                a.finish(SpiValues.result(result));
            }
        };
    }

    private static WindowAggregate window(WindowFunction w) {
        return new WindowAggregate() {
            @Override
            public void step(FunctionArgs args) throws Exception {
                w.step(SpiValues.args(args));
            }

            @Override
            public void finish(FunctionResult result) throws Exception {
                w.finish(SpiValues.result(result));
            }

            @Override
            public void inverse(FunctionArgs args) throws Exception {
                w.inverse(SpiValues.args(args));
            }

            @Override
            public void value(FunctionResult result) throws Exception {
                w.value(SpiValues.result(result));
            }
        };
    }

    @Override
    public void collation(String name, Comparator<String> comparator) {
        for (String n : names(SqlObject.Kind.COLLATION, name)) {
            db.createCollation(n, comparator);
        }
    }

    @Override
    public void virtualTable(String name, VirtualTableModule module) {
        for (String n : names(SqlObject.Kind.VIRTUAL_TABLE, name)) {
            db.createModule(n, SpiVirtualTables.kind(module), SpiVirtualTables.module(module));
        }
    }
}
