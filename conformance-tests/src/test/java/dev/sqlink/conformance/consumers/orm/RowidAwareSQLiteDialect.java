package dev.sqlink.conformance.consumers.orm;

import java.sql.Types;
import org.hibernate.community.dialect.SQLiteDialect;

/**
 * The community SQLiteDialect creates a {@code Long} identity column as {@code integer} (it must,
 * only INTEGER PRIMARY KEY aliases the rowid) but its schema validator then expects {@code bigint}
 * and rejects the schema it created itself, whatever the driver. In SQLite both are the same
 * 64-bit storage class, so this dialect tells the validator they are equivalent and nothing else.
 */
public class RowidAwareSQLiteDialect extends SQLiteDialect {

    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return super.equivalentTypes(typeCode1, typeCode2) || (isInteger(typeCode1) && isInteger(typeCode2));
    }

    private static boolean isInteger(int typeCode) {
        return typeCode == Types.INTEGER || typeCode == Types.BIGINT;
    }
}
