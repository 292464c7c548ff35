package dev.sqlink.engine.internal;

import dev.sqlink.engine.Datatype;
import dev.sqlink.engine.Hooks;

/** A pre-update hook's view of the changing row; reads values on demand during the callback. */
final class PreupdateView implements Hooks.Preupdate {
    private final Native nat;
    private final int db;
    private final int op;
    private final String database;
    private final String table;
    private final long oldRowid;
    private final long newRowid;

    PreupdateView(Native nat, int db, int op, String database, String table, long oldRowid, long newRowid) {
        this.nat = nat;
        this.db = db;
        this.op = op;
        this.database = database;
        this.table = table;
        this.oldRowid = oldRowid;
        this.newRowid = newRowid;
    }

    @Override public int op() { return op; }
    @Override public String database() { return database; }
    @Override public String table() { return table; }
    @Override public long oldRowid() { return oldRowid; }
    @Override public long newRowid() { return newRowid; }

    @Override
    public int columnCount() {
        return nat.preupdateCount(db);
    }

    @Override
    public Object oldValue(int i) {
        return read(i, true);
    }

    @Override
    public Object newValue(int i) {
        return read(i, false);
    }

    private Object read(int i, boolean old) {
        int pp = nat.mallocOrThrow(4);
        try {
            int rc = old ? nat.preupdateOld(db, i, pp) : nat.preupdateNew(db, i, pp);
            if (rc != 0) {
                throw new IllegalStateException(nat.errstr(rc) + " reading " + (old ? "old" : "new") + " value " + i);
            }
            int v = nat.readInt(pp);
            switch (nat.valueType(v)) {
                case Datatype.INTEGER: return nat.valueLong(v);
                case Datatype.FLOAT: return nat.valueDouble(v);
                case Datatype.TEXT: return nat.valueText(v);
                case Datatype.BLOB: return nat.valueBlob(v);
                default: return null;
            }
        } finally {
            nat.free(pp);
        }
    }
}
