package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.SqlObject;
import java.util.List;

/**
 * An extension compiled into the SQLite wasm module (FTS5, JSON, R*Tree ...). It is present
 * in every connection whether enabled or not, so enabling it registers nothing: it is listed
 * so that manifests can depend on it, bundles can record it, and its SQL names count as taken.
 */
final class CompiledIn implements Extension {
    private final ExtensionManifest manifest;

    private CompiledIn(ExtensionManifest manifest) {
        this.manifest = manifest;
    }

    private static CompiledIn of(String name, String description, SqlObject... provides) {
        return new CompiledIn(ExtensionManifest.builder(name, "3.54.1").description(description)
                .provides(provides).build());
    }

    /** The compile options of engine-wasm/wasm/build.sh, as extensions. */
    static final List<CompiledIn> ALL = List.of(
            of("fts3", "full-text search, version 3 (SQLITE_ENABLE_FTS3, with parenthesised queries)",
                    SqlObject.virtualTable("fts3"), SqlObject.virtualTable("fts3tokenize"), SqlObject.scalar("snippet"),
                    SqlObject.scalar("offsets"), SqlObject.scalar("matchinfo"), SqlObject.scalar("optimize")),
            of("fts4", "full-text search, version 4 (SQLITE_ENABLE_FTS4)", SqlObject.virtualTable("fts4"),
                    SqlObject.virtualTable("fts4aux")),
            of("fts5", "full-text search, version 5 (SQLITE_ENABLE_FTS5)", SqlObject.virtualTable("fts5"),
                    SqlObject.virtualTable("fts5vocab"), SqlObject.scalar("fts5"), SqlObject.scalar("bm25"),
                    SqlObject.scalar("highlight"), SqlObject.scalar("snippet")),
            of("json", "JSON functions and table-valued functions (built into SQLite)", SqlObject.scalar("json"),
                    SqlObject.scalar("json_extract"), SqlObject.scalar("json_set"), SqlObject.aggregate("json_group_array"),
                    SqlObject.aggregate("json_group_object"), SqlObject.virtualTable("json_each"),
                    SqlObject.virtualTable("json_tree"), SqlObject.scalar("jsonb")),
            of("rtree", "R*Tree spatial index (SQLITE_ENABLE_RTREE)", SqlObject.virtualTable("rtree"),
                    SqlObject.virtualTable("rtree_i32"), SqlObject.scalar("rtreecheck")),
            of("geopoly", "polygon functions over R*Tree (SQLITE_ENABLE_GEOPOLY)", SqlObject.virtualTable("geopoly"),
                    SqlObject.scalar("geopoly_area"), SqlObject.scalar("geopoly_contains_point"),
                    SqlObject.scalar("geopoly_within"), SqlObject.scalar("geopoly_json")),
            of("math", "math functions (SQLITE_ENABLE_MATH_FUNCTIONS)", SqlObject.scalar("sqrt"), SqlObject.scalar("pow"),
                    SqlObject.scalar("ln"), SqlObject.scalar("log"), SqlObject.scalar("sin"), SqlObject.scalar("pi")),
            of("percentile", "percentile and median aggregates (SQLITE_ENABLE_PERCENTILE)",
                    SqlObject.window("median"), SqlObject.window("percentile"), SqlObject.window("percentile_cont"),
                    SqlObject.window("percentile_disc")),
            of("stat4", "extra index statistics for the query planner (SQLITE_ENABLE_STAT4)"),
            of("dbstat", "page-level space usage table (SQLITE_ENABLE_DBSTAT_VTAB)", SqlObject.virtualTable("dbstat")),
            of("dbpage", "raw page access to database files (SQLITE_ENABLE_DBPAGE_VTAB)",
                    SqlObject.virtualTable("sqlite_dbpage")),
            of("bytecode", "the bytecode and tables_used table-valued functions (SQLITE_ENABLE_BYTECODE_VTAB)",
                    SqlObject.virtualTable("bytecode"), SqlObject.virtualTable("tables_used")),
            of("stmt", "the sqlite_stmt table of prepared statements (SQLITE_ENABLE_STMTVTAB)",
                    SqlObject.virtualTable("sqlite_stmt")),
            of("soundex", "the soundex() function (SQLITE_SOUNDEX)", SqlObject.scalar("soundex")),
            of("session", "the session extension's change tracking, C API only (SQLITE_ENABLE_SESSION)"));

    static CompiledIn find(String name) {
        for (CompiledIn c : ALL) {
            if (c.manifest.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public ExtensionManifest manifest() {
        return manifest;
    }

    @Override
    public void register(ExtensionContext context) {
        // always present in the engine
    }
}
