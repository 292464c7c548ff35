package dev.sqlink.jdbc;

import dev.sqlink.bundle.Bundle;
import dev.sqlink.bundle.BundleEntry;
import dev.sqlink.bundle.GcPolicy;
import dev.sqlink.bundle.GcReport;
import dev.sqlink.engine.Database;
import dev.sqlink.engine.FunctionArgs;
import dev.sqlink.engine.FunctionFlags;
import dev.sqlink.engine.FunctionResult;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.Vtab;
import dev.sqlink.engine.VtabCursor;
import dev.sqlink.engine.VtabIndex;
import dev.sqlink.engine.VtabModule;
import dev.sqlink.jdbc.ext.ConnectionFiles;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundle store from SQL, for users who only have a SQL editor (DBeaver):
 * <pre>
 * SELECT * FROM sqlink_bundles;                       -- hash, names, extensions, last_used
 * SELECT sqlink_bundle_save('analytics');             -- this connection's extensions → hash
 * SELECT sqlink_bundle_delete('analytics');           -- removes the alias → 1 or 0
 * SELECT sqlink_bundle_gc([keep_recent [, 'P30D']]);  -- → a summary of what went
 * SELECT sqlink_bundle_build('analytics');            -- → number of wasm extensions built
 * SELECT sqlink_bundle_export('analytics', '/out/a.json');   -- needs grants=connection:fs.write=/out
 * SELECT sqlink_bundle_import('/in/a.json' [, 'name']);      -- needs grants=connection:fs.read=/in
 * </pre>
 * All are direct-only (not callable from triggers or views, so a schema cannot make them run
 * behind the user's back). They touch only the store the connection's properties chose,
 * except export and import, whose paths must lie under the connection's own file grants.
 */
final class BundleSql {
    private final SqlinkBundles bundles;
    private final ConnectionFiles files;

    private BundleSql(SqlinkBundles bundles, ConnectionFiles files) {
        this.bundles = bundles;
        this.files = files;
    }

    static void register(Database db, SqlinkBundles bundles, ConnectionFiles files) {
        BundleSql sql = new BundleSql(bundles, files);
        int flags = FunctionFlags.UTF8 | FunctionFlags.DIRECTONLY;
        db.createFunction("sqlink_bundle_save", 1, flags, (a, r) -> r.setText(bundles.save(a.getText(0)).hash()));
        db.createFunction("sqlink_bundle_delete", 1, flags,
                (a, r) -> r.setLong(bundles.deleteAlias(a.getText(0)) ? 1 : 0));
        db.createFunction("sqlink_bundle_gc", -1, flags, sql::gc);
        db.createFunction("sqlink_bundle_build", 1, flags, (a, r) -> r.setLong(bundles.build(a.getText(0))));
        db.createFunction("sqlink_bundle_export", 2, flags, sql::exportBundle);
        db.createFunction("sqlink_bundle_import", -1, flags, sql::importBundle);
        db.createModule("sqlink_bundles", VtabModule.Kind.EPONYMOUS, (create, argv) -> sql.table());
    }

    private void gc(FunctionArgs a, FunctionResult r) throws SQLException {
        if (a.count() > 2) {
            throw new SQLException("sqlink_bundle_gc takes at most 2 arguments: keep_recent (or NULL) and an "
                    + "ISO-8601 duration such as 'P30D' (or NULL)");
        }
        Integer keep = a.count() > 0 && !a.isNull(0) ? (int) a.getLong(0) : null;
        Duration unused = null;
        if (a.count() > 1 && !a.isNull(1)) {
            try {
                unused = Duration.parse(a.getText(1));
            } catch (DateTimeParseException e) {
                throw new SQLException("sqlink_bundle_gc: '" + a.getText(1) + "' is not an ISO-8601 duration "
                        + "(e.g. 'P30D' for 30 days, 'PT12H' for 12 hours)");
            }
        }
        GcReport g = bundles.gc(new GcPolicy(keep, unused));
        r.setText("removed " + g.bundlesRemoved().size() + " bundle(s), " + g.aliasesRemoved() + " alias(es), "
                + g.blobsRemoved() + " blob(s), " + g.builtRemoved() + " built form(s); freed " + g.bytesFreed()
                + " bytes");
    }

    private void exportBundle(FunctionArgs a, FunctionResult r) throws SQLException {
        Path file = granted(r, a.getText(1), true, "sqlink_bundle_export");
        if (file != null) {
            r.setText(bundles.export(a.getText(0), file).hash());
        }
    }

    private void importBundle(FunctionArgs a, FunctionResult r) throws SQLException {
        if (a.count() < 1 || a.count() > 2) {
            throw new SQLException("sqlink_bundle_import takes a path and optionally a name");
        }
        String alias = a.count() > 1 && !a.isNull(1) ? a.getText(1) : null;
        Path file = granted(r, a.getText(0), false, "sqlink_bundle_import");
        if (file != null) {
            r.setText(bundles.importFrom(file, alias).hash());
        }
    }

    /**
     * The real path {@code function} may write (or read), or null when the grants refuse it:
     * then the statement fails as {@code SQLITE_AUTH}, so the caller sees the same error code
     * and SQLState as for an ATTACH outside them. Other path errors are thrown as they are.
     */
    private Path granted(FunctionResult r, String path, boolean write, String function) throws SQLException {
        try {
            return write ? files.writable(path, function) : files.readable(path, function);
        } catch (SQLException e) {
            if (!ConnectionFiles.REFUSED.equals(e.getSQLState())) {
                throw e;
            }
            r.setError(e.getMessage(), ResultCode.AUTH);
            return null;
        }
    }

    private Vtab table() {
        return new Vtab() {
            @Override
            public String declaration() {
                return "CREATE TABLE x(hash TEXT, names TEXT, extensions TEXT, last_used TEXT)";
            }

            @Override
            public void bestIndex(VtabIndex index) {
                index.estimatedCost(1000);
            }

            @Override
            public VtabCursor open() {
                return new Cursor();
            }

            @Override
            public long update(FunctionArgs args) throws SQLException {
                throw new SQLException("sqlink_bundles is read-only; use sqlink_bundle_save, sqlink_bundle_delete ...");
            }

            @Override
            public void disconnect(boolean destroy) {
                // nothing held
            }
        };
    }

    private final class Cursor implements VtabCursor {
        private List<Bundle> rows = List.of();
        private int at;

        @Override
        public void filter(int indexNumber, String indexString, FunctionArgs args) throws SQLException {
            rows = bundles.list();
            at = 0;
        }

        @Override
        public void next() {
            at++;
        }

        @Override
        public boolean eof() {
            return at >= rows.size();
        }

        @Override
        public void column(int i, FunctionResult result) {
            Bundle b = rows.get(at);
            switch (i) {
                case 0:
                    result.setText(b.hash());
                    break;
                case 1:
                    result.setText(String.join(",", b.names()));
                    break;
                case 2:
                    List<String> e = new ArrayList<>();
                    for (BundleEntry x : b.entries()) {
                        e.add(x.name() + " " + x.version() + " " + x.kind().id());
                    }
                    result.setText(String.join(", ", e));
                    break;
                default:
                    result.setText(b.lastUsed().toString());
            }
        }

        @Override
        public long rowid() {
            return at + 1;
        }

        @Override
        public void close() {
            rows = List.of();
        }
    }
}
