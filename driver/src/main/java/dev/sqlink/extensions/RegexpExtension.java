package dev.sqlink.extensions;

import dev.sqlink.spi.Extension;
import dev.sqlink.spi.ExtensionContext;
import dev.sqlink.spi.ExtensionManifest;
import dev.sqlink.spi.FunctionFlag;
import dev.sqlink.spi.IndexInfo;
import dev.sqlink.spi.SqlArguments;
import dev.sqlink.spi.SqlObject;
import dev.sqlink.spi.SqlResult;
import dev.sqlink.spi.VirtualCursor;
import dev.sqlink.spi.VirtualTable;
import dev.sqlink.spi.VirtualTableModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Java regular expressions in SQL: the {@code REGEXP} operator ({@code x REGEXP p} calls
 * {@code regexp(p, x)}), {@code regexp_like(text, pattern)}, {@code regexp_substr(text,
 * pattern[, group])}, {@code regexp_replace(text, pattern, replacement)} (Java {@code $1}
 * group syntax) and the table-valued {@code regexp_matches(text, pattern)} listing every match.
 * Every match is time-limited ({@link RegexpGuard}), so a catastrophically backtracking
 * pattern fails its statement instead of running forever.
 */
public final class RegexpExtension implements Extension {
    private static final ExtensionManifest MANIFEST = ExtensionManifest.builder("regexp", "1.0.0")
            .description("regular expressions (java.util.regex): REGEXP operator, regexp_like, regexp_substr, "
                    + "regexp_replace, regexp_matches table")
            .prefix("re")
            .provides(SqlObject.scalar("regexp"), SqlObject.scalar("regexp_like"), SqlObject.scalar("regexp_substr"),
                    SqlObject.scalar("regexp_replace"), SqlObject.virtualTable("regexp_matches"))
            .build();

    @Override
    public ExtensionManifest manifest() {
        return MANIFEST;
    }

    @Override
    public void register(ExtensionContext context) {
        // Per connection: callbacks never run concurrently on one.
        Patterns patterns = new Patterns(RegexpGuard.configured(context.cancelled()));
        FunctionFlag[] pure = {FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS};
        context.scalarFunction("regexp", 2, (a, r) -> {
            if (!a.isNull(0) && !a.isNull(1)) {
                r.setLong(patterns.matcher(a.getText(0), a.getText(1)).find() ? 1 : 0);
            }
        }, pure);
        context.scalarFunction("regexp_like", 2, (a, r) -> {
            if (!a.isNull(0) && !a.isNull(1)) {
                r.setLong(patterns.matcher(a.getText(1), a.getText(0)).find() ? 1 : 0);
            }
        }, pure);
        context.scalarFunction("regexp_substr", -1, (a, r) -> substr(patterns, a, r), pure);
        context.scalarFunction("regexp_replace", 3, (a, r) -> {
            if (!a.isNull(0) && !a.isNull(1) && !a.isNull(2)) {
                r.setText(patterns.matcher(a.getText(1), a.getText(0)).replaceAll(a.getText(2)));
            }
        }, pure);
        context.virtualTable("regexp_matches", new MatchesModule(patterns));
    }

    private static void substr(Patterns patterns, SqlArguments a, SqlResult r) {
        if (a.count() < 2 || a.count() > 3) {
            throw new IllegalArgumentException("regexp_substr(text, pattern[, group]) takes 2 or 3 arguments");
        }
        if (a.isNull(0) || a.isNull(1)) {
            return;
        }
        Matcher m = patterns.matcher(a.getText(1), a.getText(0));
        if (m.find()) {
            r.setText(m.group(a.count() == 3 ? (int) a.getLong(2) : 0));
        }
    }

    /**
     * Compiled patterns of one connection, in a small LRU cache (the same pattern is usually
     * applied to every row), and matchers whose every match is time-limited by the guard.
     */
    static final class Patterns {
        private final RegexpGuard guard;
        private final Map<String, Pattern> cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
                return size() > 32;
            }
        };

        Patterns(RegexpGuard guard) {
            this.guard = guard;
        }

        /** A matcher of {@code regex} over {@code text}, guarded against runaway backtracking. */
        Matcher matcher(String regex, String text) {
            return get(regex).matcher(guard.text(text, regex));
        }

        Pattern get(String regex) {
            Pattern p = cache.get(regex);
            if (p == null) {
                try {
                    p = Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("invalid regular expression: " + e.getDescription() + " in '"
                            + regex + "'");
                }
                cache.put(regex, p);
            }
            return p;
        }
    }

    /** {@code SELECT match, start FROM regexp_matches('a1b22', '[0-9]+')}. */
    private static final class MatchesModule implements VirtualTableModule {
        private final Patterns patterns;

        MatchesModule(Patterns patterns) {
            this.patterns = patterns;
        }

        @Override
        public boolean eponymous() {
            return true;
        }

        @Override
        public boolean creatable() {
            return false;
        }

        @Override
        public VirtualTable connect(String schema, String table, List<String> arguments) {
            return new VirtualTable() {
                @Override
                public String declaration() {
                    return "CREATE TABLE x(match TEXT, start INTEGER, text HIDDEN, pattern HIDDEN)";
                }

                @Override
                public void bestIndex(IndexInfo info) {
                    int found = 0;
                    for (int i = 0; i < info.constraints().size(); i++) {
                        IndexInfo.Constraint c = info.constraints().get(i);
                        if (c.usable() && c.operator() == IndexInfo.OP_EQ && (c.column() == 2 || c.column() == 3)) {
                            info.use(i, c.column() - 2, true);
                            found |= c.column() - 1;
                        }
                    }
                    if (found != 3) {
                        throw new IllegalArgumentException("regexp_matches needs both arguments: "
                                + "regexp_matches(text, pattern)");
                    }
                    info.estimatedCost(10);
                }

                @Override
                public VirtualCursor open() {
                    return new VirtualCursor() {
                        private Matcher matcher;
                        private RegexpGuard.GuardedText text;
                        private boolean eof;
                        private long row;

                        @Override
                        public void filter(int n, String s, SqlArguments args) {
                            matcher = null;
                            if (!args.isNull(0) && !args.isNull(1)) {
                                text = patterns.guard.text(args.getText(0), args.getText(1));
                                matcher = patterns.get(args.getText(1)).matcher(text);
                            }
                            row = 0;
                            next();
                        }

                        @Override
                        public void next() {
                            if (matcher != null) {
                                text.restart(); // the limit is per match, not per listing
                            }
                            eof = matcher == null || !matcher.find();
                            row++;
                        }

                        @Override
                        public boolean eof() {
                            return eof;
                        }

                        @Override
                        public void column(int i, SqlResult result) {
                            if (i == 0) {
                                result.setText(matcher.group());
                            } else if (i == 1) {
                                result.setLong(matcher.start());
                            }
                        }

                        @Override
                        public long rowid() {
                            return row;
                        }
                    };
                }
            };
        }
    }
}
