package dev.sqlink.engine;

/** A table column as the schema declares it. */
public final class ColumnMetadata {
    private final String declaredType;
    private final String collation;
    private final boolean notNull;
    private final boolean primaryKey;
    private final boolean autoIncrement;

    ColumnMetadata(String declaredType, String collation, boolean notNull, boolean primaryKey, boolean autoIncrement) {
        this.declaredType = declaredType;
        this.collation = collation;
        this.notNull = notNull;
        this.primaryKey = primaryKey;
        this.autoIncrement = autoIncrement;
    }

    public String declaredType() { return declaredType; }
    public String collation() { return collation; }
    public boolean notNull() { return notNull; }
    public boolean primaryKey() { return primaryKey; }
    public boolean autoIncrement() { return autoIncrement; }
}
