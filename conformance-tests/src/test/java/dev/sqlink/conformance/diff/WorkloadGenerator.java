package dev.sqlink.conformance.diff;

import dev.sqlink.conformance.diff.Step.Param;
import dev.sqlink.conformance.diff.Step.Setter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded generator of random schemas, data and statements. The same seed always gives the same
 * workload, so a failure reproduces from the seed alone. It only uses deterministic SQL (no
 * random(), no clock), so two correct drivers must observe identical results.
 */
final class WorkloadGenerator {

    private static final String[] DECLARED_TYPES = {"INTEGER", "TEXT", "REAL", "BLOB", "NUMERIC", "", "VARCHAR(20)",
        "BOOLEAN", "DATETIME", "DECIMAL(10,2)", "BIGINT", "DOUBLE", "DATE", "CHAR(3)", "INT"};
    private static final String[] TEXTS = {"abc", "", "12", " 7 ", "3.50", "-0", "1e3", "é✓ü", "it''s", "NULL", "x\ny", "0x1F",
        "9223372036854775808", "2024-01-15 10:20:30", "true"};
    private static final String[] COMPARISONS = {"=", "<", ">", "<=", ">=", "<>", "IS", "IS NOT"};

    private final Random random;
    private final List<Table> tables = new ArrayList<>();
    private int viewCount;

    private record Column(String name, String type, boolean notNull, boolean unique) {
    }

    private record Table(String name, List<Column> columns, boolean rowidAlias) {
    }

    WorkloadGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<Step> generate(int steps) {
        List<Step> workload = new ArrayList<>();
        int tableCount = 1 + random.nextInt(3);
        for (int t = 0; t < tableCount; t++) {
            workload.add(createTable("t" + t));
        }
        for (int i = 0; i < tableCount * 6; i++) {
            workload.add(insert());
        }
        while (workload.size() < steps) {
            workload.add(randomStep());
        }
        return workload;
    }

    private Step randomStep() {
        int roll = random.nextInt(100);
        if (roll < 22) {
            return insert();
        } else if (roll < 50) {
            return select();
        } else if (roll < 60) {
            return aggregate();
        } else if (roll < 65) {
            return tables.size() > 1 ? join() : select();
        } else if (roll < 72) {
            return Step.sql("SELECT " + expression(null) + ", " + expression(null));
        } else if (roll < 80) {
            Table table = anyTable();
            return Step.sql("UPDATE " + table.name() + " SET " + anyDataColumn(table).name() + " = " + expression(table)
                    + " WHERE " + condition(table));
        } else if (roll < 85) {
            Table table = anyTable();
            return Step.sql("DELETE FROM " + table.name() + " WHERE " + condition(table));
        } else if (roll < 92) {
            return mistake();
        } else if (roll < 96) {
            return Step.sql(pick("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT sp", "RELEASE sp", "ROLLBACK TO sp", "BEGIN IMMEDIATE"));
        }
        return ddl();
    }

    private Step createTable(String name) {
        List<Column> columns = new ArrayList<>();
        boolean rowidAlias = random.nextBoolean();
        StringBuilder sql = new StringBuilder("CREATE TABLE " + name + "(");
        if (rowidAlias) {
            columns.add(new Column("id", "INTEGER", false, true));
            sql.append("id INTEGER PRIMARY KEY");
        }
        int count = 2 + random.nextInt(4);
        for (int c = 0; c < count; c++) {
            Column column = new Column("c" + c, DECLARED_TYPES[random.nextInt(DECLARED_TYPES.length)],
                    random.nextInt(6) == 0, random.nextInt(6) == 0);
            columns.add(column);
            sql.append(sql.charAt(sql.length() - 1) == '(' ? "" : ", ").append(column.name()).append(' ').append(column.type());
            if (column.notNull()) {
                sql.append(" NOT NULL DEFAULT 0");
            }
            if (column.unique()) {
                sql.append(" UNIQUE");
            }
        }
        if (random.nextInt(4) == 0) {
            sql.append(", CHECK (length(").append(columns.get(columns.size() - 1).name()).append(") < 30)");
        }
        tables.add(new Table(name, columns, rowidAlias));
        return Step.sql(sql.append(")").toString());
    }

    private Step insert() {
        Table table = anyTable();
        List<Column> columns = new ArrayList<>(table.columns());
        if (table.rowidAlias() && random.nextBoolean()) {
            columns.remove(0); // let SQLite choose the rowid, so generated keys are interesting
        }
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        String verb = pick("INSERT", "INSERT", "INSERT", "INSERT OR IGNORE", "INSERT OR REPLACE", "REPLACE");
        boolean keys = random.nextBoolean();
        if (random.nextBoolean()) {
            List<Param> params = new ArrayList<>();
            for (Column column : columns) {
                params.add(isRowidAlias(table, column) ? new Param(Setter.SET_INT, random.nextInt(50)) : param());
            }
            String marks = String.join(", ", columns.stream().map(c -> "?").toList());
            return new Step(verb + " INTO " + table.name() + "(" + names + ") VALUES(" + marks + ")", params, keys);
        }
        int rows = 1 + random.nextInt(3);
        List<String> tuples = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            tuples.add("(" + String.join(", ", columns.stream()
                    .map(c -> isRowidAlias(table, c) ? Integer.toString(random.nextInt(50)) : literal()).toList()) + ")");
        }
        String upsert = verb.equals("INSERT") && random.nextInt(3) == 0 ? " ON CONFLICT DO NOTHING" : "";
        return new Step(verb + " INTO " + table.name() + "(" + names + ") VALUES " + String.join(", ", tuples) + upsert, null, keys);
    }

    private Step select() {
        Table table = anyTable();
        int count = 1 + random.nextInt(4);
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expressions.add(random.nextInt(3) == 0 ? anyColumn(table).name() : expression(table));
        }
        String where = random.nextBoolean() ? " WHERE " + condition(table) : "";
        String limit = random.nextInt(4) == 0 ? " LIMIT " + random.nextInt(5) + " OFFSET " + random.nextInt(3) : "";
        String order = limit.isEmpty() && random.nextBoolean() ? "" : " ORDER BY " + orderAll(count);
        String source = random.nextInt(5) == 0 ? "*" : String.join(", ", expressions);
        return Step.sql("SELECT " + source + " FROM " + table.name() + where + order + limit);
    }

    private Step aggregate() {
        Table table = anyTable();
        Column group = anyColumn(table);
        String value = anyColumn(table).name();
        String function = pick("count(*)", "count(" + value + ")", "sum(" + value + ")", "total(" + value + ")",
                "avg(" + value + ")", "min(" + value + ")", "max(" + value + ")", "group_concat(" + value + ", '|')",
                "count(DISTINCT " + value + ")");
        if (random.nextBoolean()) {
            return Step.sql("SELECT " + function + " FROM " + table.name());
        }
        return Step.sql("SELECT " + group.name() + ", " + function + " FROM " + table.name() + " GROUP BY 1"
                + (random.nextBoolean() ? " HAVING count(*) > 1" : "") + " ORDER BY 1");
    }

    private Step join() {
        Table left = tables.get(0);
        Table right = tables.get(1 + random.nextInt(tables.size() - 1));
        String on = "a." + anyColumn(left).name() + " " + pick("=", "<", ">=") + " b." + anyColumn(right).name();
        return Step.sql("SELECT a." + anyColumn(left).name() + ", b." + anyColumn(right).name() + " FROM " + left.name()
                + " a " + pick("JOIN", "LEFT JOIN", "CROSS JOIN") + " " + right.name() + " b ON " + on + " ORDER BY 1, 2 LIMIT 50");
    }

    /** Statements that must fail, with the same error code and SQLState in both drivers. */
    private Step mistake() {
        Table table = anyTable();
        return Step.sql(switch (random.nextInt(7)) {
            case 0 -> "SELEC 1";
            case 1 -> "SELECT * FROM no_such_table";
            case 2 -> "SELECT no_such_column FROM " + table.name();
            case 3 -> "INSERT INTO " + table.name() + " VALUES(1)";
            case 4 -> table.rowidAlias() ? "INSERT INTO " + table.name() + "(id) VALUES('not an integer')" : "SELECT abs(-9223372036854775808)";
            case 5 -> "CREATE TABLE " + table.name() + "(x)";
            default -> "INSERT INTO " + table.name() + "(" + anyColumn(table).name() + ") VALUES(NULL)";
        });
    }

    private Step ddl() {
        Table table = anyTable();
        Column column = anyColumn(table);
        return Step.sql(switch (random.nextInt(3)) {
            case 0 -> "CREATE INDEX IF NOT EXISTS ix_" + table.name() + "_" + column.name() + " ON " + table.name() + "(" + column.name() + ")";
            case 1 -> "CREATE VIEW v" + viewCount++ + " AS SELECT " + column.name() + ", " + expression(table) + " AS e FROM " + table.name();
            default -> "ANALYZE";
        });
    }

    private String orderAll(int count) {
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            positions.add(Integer.toString(i));
        }
        return String.join(", ", positions);
    }

    private String condition(Table table) {
        String column = anyColumn(table).name();
        return switch (random.nextInt(5)) {
            case 0 -> column + " IS NULL";
            case 1 -> column + " BETWEEN " + literal() + " AND " + literal();
            case 2 -> column + " IN (" + literal() + ", " + literal() + ", " + literal() + ")";
            case 3 -> column + " LIKE '" + pick("a%", "%1%", "_", "") + "'";
            default -> column + " " + COMPARISONS[random.nextInt(COMPARISONS.length)] + " " + literal();
        };
    }

    /** An expression over a column of {@code table}, or over literals only when it is null. */
    private String expression(Table table) {
        String c = table == null ? literal() : anyColumn(table).name();
        String other = random.nextBoolean() || table == null ? literal() : anyColumn(table).name();
        return switch (random.nextInt(24)) {
            case 0 -> c + " + " + other;
            case 1 -> c + " * 2.5";
            case 2 -> "-" + c;
            case 3 -> c + " || " + other;
            case 4 -> "typeof(" + c + ")";
            case 5 -> "length(" + c + ")";
            case 6 -> "abs(" + c + ")";
            case 7 -> "CAST(" + c + " AS " + pick("INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC") + ")";
            case 8 -> "coalesce(" + c + ", " + other + ")";
            case 9 -> c + " > " + other;
            case 10 -> "round(" + c + ", " + random.nextInt(3) + ")";
            case 11 -> "upper(" + c + ")";
            case 12 -> "hex(" + c + ")";
            case 13 -> "quote(" + c + ")";
            case 14 -> c + " / " + pick("2", "0", "2.0", "-3");
            case 15 -> c + " % " + pick("3", "0", "-2");
            case 16 -> "nullif(" + c + ", " + other + ")";
            case 17 -> "iif(" + c + " > 0, 'pos', 'other')";
            case 18 -> "max(" + c + ", " + other + ")";
            case 19 -> "substr(" + c + ", " + random.nextInt(3) + ", 2)";
            case 20 -> c + " = " + other;
            case 21 -> "json_quote(" + c + ")";
            case 22 -> "instr(" + c + ", '1')";
            default -> "printf('%5.2f|%d|%s', " + c + ", " + c + ", " + c + ")";
        };
    }

    private String literal() {
        return switch (random.nextInt(8)) {
            case 0 -> "NULL";
            case 1 -> Integer.toString(random.nextInt(21) - 10);
            case 2 -> Long.toString(pickLong());
            case 3 -> pick("1.5", "-0.0", "1e308", "3.0", "0.1", "-2.75", "1e-7", "123456789.125");
            case 4 -> "x'" + pick("", "00", "ff10", "616263") + "'";
            default -> "'" + TEXTS[random.nextInt(TEXTS.length)] + "'";
        };
    }

    private long pickLong() {
        return switch (random.nextInt(4)) {
            case 0 -> Long.MAX_VALUE;
            case 1 -> Long.MIN_VALUE;
            case 2 -> 1L << 31;
            default -> random.nextLong() >> random.nextInt(64);
        };
    }

    private Param param() {
        Setter setter = Setter.values()[random.nextInt(Setter.values().length)];
        Supplier<Object> objectValue = () -> switch (random.nextInt(7)) {
            case 0 -> random.nextInt(100);
            case 1 -> pickLong();
            case 2 -> random.nextDouble() * 1000;
            case 3 -> TEXTS[random.nextInt(TEXTS.length)].replace("''", "'");
            case 4 -> new byte[] {1, 2, (byte) 0xff};
            case 5 -> java.sql.Date.valueOf("2024-01-15");
            default -> java.sql.Timestamp.valueOf("2024-01-15 10:20:30.5");
        };
        return new Param(setter, switch (setter) {
            case SET_NULL -> null;
            case SET_INT -> random.nextInt();
            case SET_LONG -> pickLong();
            case SET_DOUBLE -> Double.parseDouble(pick("1.5", "-0.0", "1e308", "3.0", "0.1", "NaN", "Infinity", "1e-300"));
            case SET_STRING -> TEXTS[random.nextInt(TEXTS.length)].replace("''", "'");
            case SET_BYTES -> new byte[random.nextInt(4)];
            case SET_BOOLEAN -> random.nextBoolean();
            case SET_BIG_DECIMAL -> new BigDecimal(pick("12.50", "-0.001", "1E+3", "123456789012345678901234567890.5"));
            case SET_OBJECT -> objectValue.get();
        });
    }

    private Table anyTable() {
        return tables.get(random.nextInt(tables.size()));
    }

    /**
     * Rowids stay small: once the largest rowid is 2^63-1, SQLite picks new rowids at random, and
     * two correct drivers would then disagree.
     */
    private static boolean isRowidAlias(Table table, Column column) {
        return table.rowidAlias() && column == table.columns().get(0);
    }

    private Column anyDataColumn(Table table) {
        int first = table.rowidAlias() ? 1 : 0;
        return table.columns().get(first + random.nextInt(table.columns().size() - first));
    }

    private Column anyColumn(Table table) {
        return table.columns().get(random.nextInt(table.columns().size()));
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
