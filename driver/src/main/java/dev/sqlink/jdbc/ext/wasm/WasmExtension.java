package dev.sqlink.jdbc.ext.wasm;

import dev.sqlink.spi.AggregateFunction;
import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.SqlArguments;
import dev.sqlink.spi.SqlResult;
import dev.sqlink.spi.WindowFunction;

/**
 * A wasm module seen as an SPI {@link Extension}, so it goes through the same registration
 * path as Java extensions (names, prefixes, dependencies, grants). Shared by every connection
 * that enables it; each registration creates that connection's own {@link ExtensionRuntime}.
 */
final class WasmExtension implements Extension {
    private final CompiledModule compiled;
    private final WasmManifest manifest;

    WasmExtension(CompiledModule compiled, WasmManifest manifest) {
        this.compiled = compiled;
        this.manifest = manifest;
    }

    CompiledModule compiled() {
        return compiled;
    }

    @Override
    public ExtensionManifest manifest() {
        return manifest.manifest;
    }

    @Override
    public void register(ExtensionContext context) {
        WasmLimits limits = context instanceof WasmHostContext ? ((WasmHostContext) context).wasmLimits()
                : WasmLimits.DEFAULT;
        ExtensionRuntime rt = new ExtensionRuntime(compiled, "extension '" + manifest.manifest.name() + "'", limits,
                context.host());
        rt.start();
        for (WasmManifest.Binding b : manifest.bindings) {
            String name = b.object.name();
            switch (b.object.kind()) {
                case SCALAR_FUNCTION:
                    context.scalarFunction(name, b.args, (args, result) -> scalar(rt, b, args, result), b.flags);
                    break;
                case AGGREGATE_FUNCTION:
                    context.aggregateFunction(name, b.args, () -> new Group(rt, b), b.flags);
                    break;
                case WINDOW_FUNCTION:
                    context.windowFunction(name, b.args, () -> new Group(rt, b), b.flags);
                    break;
                case COLLATION:
                    context.collation(name, (x, y) -> collate(rt, b, x, y));
                    break;
                default:
                    throw new IllegalStateException(b.object + " cannot come from a wasm manifest");
            }
        }
    }

    private static void scalar(ExtensionRuntime rt, WasmManifest.Binding b, SqlArguments args, SqlResult result) {
        try {
            int argv = rt.writeArguments(args);
            rt.pending().reset();
            rt.call(b.export, args.count(), argv);
            rt.pending().applyTo(result);
        } catch (WasmCallException e) {
            result.setError(e.getMessage()); // the message says it all; the exception type would add noise
        }
    }

    private static int collate(ExtensionRuntime rt, WasmManifest.Binding b, String x, String y) {
        long[] pair = rt.writePair(x, y);
        rt.pending().reset();
        long[] r = rt.call(b.export, pair);
        rt.throwReportedError(b.export);
        return Integer.signum((int) r[0]);
    }

    /** One aggregate group: an id the module keys its state by (ABI "context id"). */
    private static final class Group implements WindowFunction {
        private final ExtensionRuntime rt;
        private final WasmManifest.Binding b;
        private final int id;

        Group(ExtensionRuntime rt, WasmManifest.Binding b) {
            this.rt = rt;
            this.b = b;
            this.id = rt.newGroup();
        }

        private void rows(String suffix, SqlArguments args) {
            int argv = rt.writeArguments(args);
            rt.pending().reset();
            rt.call(b.export + suffix, id, args.count(), argv);
            rt.throwReportedError(b.export + suffix);
        }

        private void result(String suffix, SqlResult result) {
            try {
                rt.pending().reset();
                rt.call(b.export + suffix, id);
                rt.pending().applyTo(result);
            } catch (WasmCallException e) {
                result.setError(e.getMessage());
            }
        }

        @Override
        public void step(SqlArguments args) {
            rows("_step", args);
        }

        @Override
        public void inverse(SqlArguments args) {
            rows("_inverse", args);
        }

        @Override
        public void value(SqlResult result) {
            result("_value", result);
        }

        @Override
        public void finish(SqlResult result) {
            result("_final", result);
        }
    }
}
