package dev.sqlink.jdbc.ext;

import dev.sqlink.engine.FunctionArgs;
import dev.sqlink.engine.FunctionResult;
import dev.sqlink.engine.Vtab;
import dev.sqlink.engine.VtabCursor;
import dev.sqlink.engine.VtabIndex;
import dev.sqlink.engine.VtabModule;
import dev.sqlink.spi.IndexInfo;
import dev.sqlink.spi.VirtualCursor;
import dev.sqlink.spi.VirtualTable;
import dev.sqlink.spi.VirtualTableModule;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Adapts SPI virtual tables to the engine's {@code sqlite3_module} binding. */
final class SpiVirtualTables {
    private SpiVirtualTables() {}

    static VtabModule.Kind kind(VirtualTableModule m) {
        if (m.eponymous() && m.creatable()) {
            return VtabModule.Kind.BOTH;
        }
        if (m.eponymous()) {
            return VtabModule.Kind.EPONYMOUS;
        }
        if (m.creatable()) {
            return VtabModule.Kind.CREATABLE;
        }
        throw new IllegalArgumentException("a virtual table module must be eponymous, creatable or both");
    }

    static VtabModule module(VirtualTableModule m) {
        return (create, argv) -> {
            List<String> args = argv.length > 3 ? List.copyOf(Arrays.asList(argv).subList(3, argv.length)) : List.of();
            VirtualTable t = create ? m.create(argv[1], argv[2], args) : m.connect(argv[1], argv[2], args);
            return table(t, m.directOnly());
        };
    }

    private static Vtab table(VirtualTable t, boolean directOnly) {
        return new Vtab() {
            @Override
            public String declaration() {
                return t.declaration();
            }

            @Override
            public boolean directOnly() {
                return directOnly;
            }

            @Override
            public void bestIndex(VtabIndex index) throws Exception {
                t.bestIndex(indexInfo(index));
            }

            @Override
            public VtabCursor open() throws Exception {
                return cursor(t.open());
            }

            @Override
            public long update(FunctionArgs args) throws Exception {
                if (args.count() == 1) {
                    t.delete(args.getLong(0));
                    return 0;
                }
                Long newRowid = args.isNull(1) ? null : args.getLong(1);
                Object[] values = SpiValues.values(args, 2);
                if (args.isNull(0)) {
                    return t.insert(newRowid, values);
                }
                long old = args.getLong(0);
                t.update(old, newRowid == null ? old : newRowid, values);
                return newRowid == null ? old : newRowid;
            }

            @Override
            public void disconnect(boolean destroy) throws Exception {
                if (destroy) {
                    t.destroy();
                } else {
                    t.disconnect();
                }
            }
        };
    }

    private static VtabCursor cursor(VirtualCursor c) {
        return new VtabCursor() {
            @Override
            public void filter(int indexNumber, String indexString, FunctionArgs args) throws Exception {
                c.filter(indexNumber, indexString, SpiValues.args(args));
            }

            @Override
            public void next() throws Exception {
                c.next();
            }

            @Override
            public boolean eof() throws Exception {
                return c.eof();
            }

            @Override
            public void column(int i, FunctionResult result) throws Exception {
                c.column(i, SpiValues.result(result));
            }

            @Override
            public long rowid() throws Exception {
                return c.rowid();
            }

            @Override
            public void close() throws Exception {
                c.close();
            }
        };
    }

    /** The SPI's view of the planner's question; argument indexes are 0-based here, 1-based in SQLite. */
    private static IndexInfo indexInfo(VtabIndex x) {
        List<IndexInfo.Constraint> constraints = new ArrayList<>();
        for (int i = 0; i < x.constraintCount(); i++) {
            int column = x.constraintColumn(i);
            int op = x.constraintOperator(i);
            boolean usable = x.constraintUsable(i);
            constraints.add(new IndexInfo.Constraint() {
                @Override
                public int column() {
                    return column;
                }

                @Override
                public int operator() {
                    return op;
                }

                @Override
                public boolean usable() {
                    return usable;
                }
            });
        }
        List<IndexInfo.OrderBy> orderBy = new AbstractList<>() {
            @Override
            public IndexInfo.OrderBy get(int i) {
                int column = x.orderByColumn(i);
                boolean desc = x.orderByDescending(i);
                return new IndexInfo.OrderBy() {
                    @Override
                    public int column() {
                        return column;
                    }

                    @Override
                    public boolean descending() {
                        return desc;
                    }
                };
            }

            @Override
            public int size() {
                return x.orderByCount();
            }
        };
        return new IndexInfo() {
            @Override
            public List<Constraint> constraints() {
                return constraints;
            }

            @Override
            public List<OrderBy> orderBy() {
                return orderBy;
            }

            @Override
            public void use(int constraint, int argumentIndex, boolean omit) {
                x.use(constraint, argumentIndex + 1, omit);
            }

            @Override
            public void indexNumber(int value) {
                x.indexNumber(value);
            }

            @Override
            public void indexString(String value) {
                x.indexString(value);
            }

            @Override
            public void estimatedCost(double cost) {
                x.estimatedCost(cost);
            }

            @Override
            public void estimatedRows(long rows) {
                x.estimatedRows(rows);
            }

            @Override
            public void orderByConsumed(boolean consumed) {
                x.orderByConsumed(consumed);
            }
        };
    }
}
