package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorsAndMetadataTest {
    Connection c;
    Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlink::memory:?foreign_keys=true");
        s = c.createStatement();
        s.execute("CREATE TABLE parent(id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(20) NOT NULL UNIQUE,"
                + " price DECIMAL(10,2) CHECK (price >= 0), note TEXT COLLATE NOCASE);"
                + "CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id));"
                + "INSERT INTO parent(name, price) VALUES ('a', 1.5);");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private SQLException fail(String sql) {
        return assertThrows(SQLException.class, () -> s.execute(sql));
    }

    @Test
    void constraintsAreIntegrityViolationsWithStandardStates() {
        SQLException unique = fail("INSERT INTO parent(name) VALUES ('a')");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, unique);
        assertEquals("23505", unique.getSQLState());
        assertEquals(19, unique.getErrorCode());
        assertEquals(2067, SqlErrors.extendedCode(unique)); // SQLITE_CONSTRAINT_UNIQUE
        assertTrue(unique.getMessage().contains("[SQLITE_CONSTRAINT_UNIQUE]"), unique.getMessage());
        assertTrue(unique.getMessage().contains("UNIQUE constraint failed: parent.name"), unique.getMessage());

        assertEquals("23502", fail("INSERT INTO parent(name) VALUES (NULL)").getSQLState());
        assertEquals("23514", fail("INSERT INTO parent(name, price) VALUES ('b', -1)").getSQLState());
        assertEquals("23503", fail("INSERT INTO child(parent_id) VALUES (99)").getSQLState());
        assertEquals("23505", fail("INSERT INTO parent(id, name) VALUES (1, 'z')").getSQLState());
    }

    @Test
    void grammarErrorsAreSyntaxErrors() {
        SQLException e = fail("SELEC 1");
        assertInstanceOf(SQLSyntaxErrorException.class, e);
        assertEquals(1, e.getErrorCode());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
        assertInstanceOf(SQLSyntaxErrorException.class, fail("SELECT * FROM missing"));
        assertInstanceOf(SQLSyntaxErrorException.class, fail("SELECT nope FROM parent"));
    }

    @Test
    void otherErrorsKeepSqlitesMessage() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> c.rollback()); // auto-commit on
        assertEquals("25000", e.getSQLState());
        SQLException big = assertThrows(SQLException.class, () -> {
            c.unwrap(SqlinkConnection.class).limit(dev.sqlink.engine.Database.LIMIT_LENGTH, 100); // SQLite will not go below 30
            PreparedStatement ps = c.prepareStatement("SELECT ?");
            ps.setString(1, "x".repeat(200));
            ps.executeQuery();
        });
        assertEquals(18, big.getErrorCode()); // SQLITE_TOOBIG
        assertEquals("22001", big.getSQLState());
    }

    @Test
    void resultSetMetaDataFromTheSchema() throws SQLException {
        ResultSet rs = s.executeQuery("SELECT p.id, p.name AS label, p.price, p.note, 1 + 1 AS two,"
                + " CAST(p.price AS REAL) FROM parent p");
        assertTrue(rs.next());
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(6, md.getColumnCount());
        assertEquals("label", md.getColumnLabel(2));
        assertEquals("parent", md.getTableName(2));
        assertEquals("", md.getSchemaName(2), "main has no schema name, as in DatabaseMetaData");
        assertEquals("", md.getTableName(5));
        assertEquals("VARCHAR", md.getColumnTypeName(2));
        assertEquals(20, md.getPrecision(2));
        assertEquals(10, md.getPrecision(3));
        assertEquals(2, md.getScale(3));
        assertEquals("DECIMAL", md.getColumnTypeName(3));
        assertEquals(Types.VARCHAR, md.getColumnType(2));
        assertEquals(Types.INTEGER, md.getColumnType(1));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(2));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(3));
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(5));
        assertTrue(md.isAutoIncrement(1));
        assertFalse(md.isAutoIncrement(2));
        assertFalse(md.isCaseSensitive(4), "COLLATE NOCASE");
        assertEquals("FLOAT", md.getColumnTypeName(6), "an expression is typed by its value, as in sqlite-jdbc");
        assertEquals("java.lang.Integer", md.getColumnClassName(1));
        assertThrows(SQLException.class, () -> md.getColumnName(7));
    }

    @Test
    void resultSetIndexAndCursorErrors() throws SQLException {
        ResultSet rs = s.executeQuery("SELECT id, name FROM parent");
        assertThrows(SQLException.class, () -> rs.getInt(1), "before next()");
        assertTrue(rs.next());
        assertEquals(1, rs.getRow());
        assertEquals(2, rs.findColumn("NAME"), "labels are case-insensitive");
        SQLException e = assertThrows(SQLException.class, () -> rs.getInt("nope"));
        assertTrue(e.getMessage().contains("id, name"), e.getMessage());
        assertEquals("07009", assertThrows(SQLException.class, () -> rs.getInt(3)).getSQLState());
        assertThrows(SQLException.class, rs::previous);
        assertThrows(SQLException.class, () -> rs.updateInt(1, 2));
        assertFalse(rs.next());
        assertTrue(rs.isAfterLast());
        rs.close();
        assertThrows(SQLException.class, rs::next);
    }

    @Test
    void preparedStatementMetaDataBeforeExecution() throws SQLException {
        PreparedStatement ps = c.prepareStatement("SELECT name, price FROM parent WHERE id = ?");
        ResultSetMetaData md = ps.getMetaData();
        assertEquals(2, md.getColumnCount());
        assertEquals("name", md.getColumnName(1));
        assertEquals(Types.VARCHAR, md.getColumnType(1));
        assertEquals(Types.DECIMAL, md.getColumnType(2));
    }
}
