package dev.sqlink.engine.internal;

import dev.sqlink.engine.VtabIndex;

/**
 * {@code sqlite3_index_info} read and written in place. The offsets are wasm32's, pinned by
 * static assertions in the virtual table section of sqlink_glue.c.
 */
final class IndexInfoView implements VtabIndex {
    private static final int N_CONSTRAINT = 0;
    private static final int A_CONSTRAINT = 4;
    private static final int N_ORDER_BY = 8;
    private static final int A_ORDER_BY = 12;
    private static final int A_USAGE = 16;
    private static final int IDX_NUM = 20;
    private static final int IDX_STR = 24;
    private static final int NEED_TO_FREE_IDX_STR = 28;
    private static final int ORDER_BY_CONSUMED = 32;
    private static final int ESTIMATED_COST = 40;
    private static final int ESTIMATED_ROWS = 48;
    private static final int CONSTRAINT_SIZE = 12;
    private static final int ORDER_BY_SIZE = 8;
    private static final int USAGE_SIZE = 8;

    private final Native nat;
    private final int info;

    IndexInfoView(Native nat, int info) {
        this.nat = nat;
        this.info = info;
    }

    private int constraint(int i) {
        if (i < 0 || i >= constraintCount()) {
            throw new IndexOutOfBoundsException("constraint " + i + " of " + constraintCount());
        }
        return nat.readInt(info + A_CONSTRAINT) + i * CONSTRAINT_SIZE;
    }

    private int orderBy(int i) {
        if (i < 0 || i >= orderByCount()) {
            throw new IndexOutOfBoundsException("ORDER BY term " + i + " of " + orderByCount());
        }
        return nat.readInt(info + A_ORDER_BY) + i * ORDER_BY_SIZE;
    }

    @Override
    public int constraintCount() {
        return nat.readInt(info + N_CONSTRAINT);
    }

    @Override
    public int constraintColumn(int i) {
        return nat.readInt(constraint(i));
    }

    @Override
    public int constraintOperator(int i) {
        return nat.memory.read(constraint(i) + 4) & 0xff;
    }

    @Override
    public boolean constraintUsable(int i) {
        return nat.memory.read(constraint(i) + 5) != 0;
    }

    @Override
    public int orderByCount() {
        return nat.readInt(info + N_ORDER_BY);
    }

    @Override
    public int orderByColumn(int i) {
        return nat.readInt(orderBy(i));
    }

    @Override
    public boolean orderByDescending(int i) {
        return nat.memory.read(orderBy(i) + 4) != 0;
    }

    @Override
    public void use(int i, int argvIndex, boolean omit) {
        constraint(i); // bounds check
        int usage = nat.readInt(info + A_USAGE) + i * USAGE_SIZE;
        nat.writeInt(usage, argvIndex);
        nat.memory.writeByte(usage + 4, (byte) (omit ? 1 : 0));
    }

    @Override
    public void indexNumber(int value) {
        nat.writeInt(info + IDX_NUM, value);
    }

    @Override
    public void indexString(String value) {
        if (nat.readInt(info + NEED_TO_FREE_IDX_STR) != 0) {
            nat.free(nat.readInt(info + IDX_STR));
        }
        nat.writeInt(info + IDX_STR, nat.cString(value)); // SQLite's allocator, so SQLite frees it
        nat.writeInt(info + NEED_TO_FREE_IDX_STR, value == null ? 0 : 1);
    }

    @Override
    public void estimatedCost(double cost) {
        nat.writeLong(info + ESTIMATED_COST, Double.doubleToRawLongBits(cost));
    }

    @Override
    public void estimatedRows(long rows) {
        nat.writeLong(info + ESTIMATED_ROWS, rows);
    }

    @Override
    public void orderByConsumed(boolean consumed) {
        nat.writeInt(info + ORDER_BY_CONSUMED, consumed ? 1 : 0);
    }
}
