package dev.sqlink.bench.report;

import java.util.Optional;

/** Every row of the results table, in order: the JMH method name, what it does, how it is judged. */
enum Workload {
    BULK_INSERT("bulkInsert", "bulk insert, 5k rows, one transaction, batched", Kind.THROUGHPUT),
    WAL_INSERT("walAutocommitInsert", "autocommit insert, file, WAL, synchronous=NORMAL", Kind.THROUGHPUT),
    POINT_SELECT("pointSelect", "point select by primary key (20k rows)", Kind.THROUGHPUT),
    FULL_SCAN("fullScan", "full scan, 20k rows, every column", Kind.THROUGHPUT),
    GROUP_BY("groupBy", "GROUP BY aggregation, 20k rows into 100 groups", Kind.THROUGHPUT),
    ORDER_BY_LIMIT("orderByLimit", "ORDER BY ... LIMIT 20, no index (20k rows)", Kind.THROUGHPUT),
    JOIN("join", "three-table join + GROUP BY, one region (~1k of 20k orders)", Kind.THROUGHPUT),
    ORM_MIX("ormTransaction", "ORM-like transaction, 72 distinct SQL texts rotating", Kind.THROUGHPUT),
    BLOB_WRITE("blobWrite", "write a 1 MiB blob", Kind.THROUGHPUT),
    BLOB_READ("blobRead", "read a 1 MiB blob", Kind.THROUGHPUT),
    OPEN_PLAIN("openDriverManager", "open + close, DriverManager, file", Kind.OPEN),
    OPEN_POOLED_PHYSICAL("openPooledPhysical", "pooled open: new PooledConnection from the ConnectionPoolDataSource", Kind.OPEN),
    OPEN_POOLED_HANDLE("openPooledHandle", "pooled borrow: handle from an open PooledConnection", Kind.OPEN),
    ENGINE_SCAN_FILTER("engineScanFilter", "engine only: filter + count over 20k rows, one row to JDBC", Kind.ENGINE_ONLY),
    ENGINE_LIKE("engineLike", "engine only: LIKE '%99%' over 20k text values, one row to JDBC", Kind.ENGINE_ONLY),
    ENGINE_PRINTF("enginePrintf", "engine only: printf() on 20k rows, one row to JDBC", Kind.ENGINE_ONLY),
    COLD_START("coldStartToFirstRow", "cold start to first row, fresh JVM (median of runs)", Kind.COLD_START),
    HEAP("heapPerIdleConnection", "heap per idle connection (after a query, after GC)", Kind.MEMORY),
    RSS("rssPerIdleConnection", "resident memory per idle connection (includes native)", Kind.MEMORY);

    /**
     * How a row takes part in the targets. ENGINE_ONLY rows are diagnostics the issue does not set
     * targets for: they show how much of a gap is the compiled engine itself.
     */
    enum Kind { THROUGHPUT, OPEN, COLD_START, MEMORY, ENGINE_ONLY }

    final String method;
    final String label;
    final Kind kind;

    Workload(String method, String label, Kind kind) {
        this.method = method;
        this.label = label;
        this.kind = kind;
    }

    boolean isTime() {
        return kind != Kind.MEMORY;
    }

    boolean isTarget() {
        return kind != Kind.ENGINE_ONLY;
    }

    static Optional<Workload> forMethod(String method) {
        for (Workload workload : values()) {
            if (workload.method.equals(method)) {
                return Optional.of(workload);
            }
        }
        return Optional.empty();
    }
}
