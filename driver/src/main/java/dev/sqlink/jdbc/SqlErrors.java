package dev.sqlink.jdbc;

import dev.sqlink.engine.EngineLoadException;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place where SQLite's result codes become {@code SQLException}s: the subclass is
 * chosen by the primary result code (so Spring and friends translate errors correctly),
 * {@link SQLException#getErrorCode()} is the primary code, the SQLState is a standard one,
 * and the engine's {@link SqliteException} stays attached as the cause so the extended code
 * is available through {@link #extendedCode(SQLException)}.
 */
public final class SqlErrors {
    private static final Map<Integer, String> CODE_NAMES = codeNames();

    private SqlErrors() {}

    /** SQLite's extended result code behind {@code e}, or its error code when it did not come from the engine. */
    public static int extendedCode(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SqliteException) {
                return ((SqliteException) t).extendedCode();
            }
        }
        return e.getErrorCode();
    }

    /** "SQLITE_CONSTRAINT_UNIQUE" for 2067, as SQLite's headers name it. */
    public static String codeName(int code) {
        String name = CODE_NAMES.get(code);
        if (name == null) {
            name = CODE_NAMES.getOrDefault(code & 0xff, "SQLITE_UNKNOWN(" + code + ")");
        }
        return name;
    }

    /** The JDBC exception for an engine error. */
    public static SQLException translate(SqliteException e) {
        int extended = e.extendedCode();
        int primary = extended & 0xff;
        String message = "[" + codeName(extended) + "] " + e.getMessage();
        SQLException result;
        switch (primary) {
            case ResultCode.CONSTRAINT:
                result = new SQLIntegrityConstraintViolationException(message, constraintState(extended), primary);
                break;
            case ResultCode.INTERRUPT:
                result = new SQLTimeoutException(message, "57014", primary);
                break;
            case ResultCode.BUSY:
            case ResultCode.LOCKED:
                // The lock was not granted within busy_timeout: the transaction should be
                // retried, which is what callers of this subclass (Spring: pessimistic
                // locking failure) expect.
                result = new SQLTransactionRollbackException(message, "40001", primary);
                break;
            case ResultCode.CANTOPEN:
                result = new SQLNonTransientConnectionException(message, "08001", primary);
                break;
            case ResultCode.MISUSE:
                result = isClosedMessage(e.getMessage())
                        ? new SQLNonTransientConnectionException(message, "08003", primary)
                        : new SQLException(message, "HY000", primary);
                break;
            case ResultCode.TOOBIG:
                result = new SQLDataException(message, "22001", primary);
                break;
            case ResultCode.MISMATCH:
                result = new SQLDataException(message, "22018", primary);
                break;
            case ResultCode.RANGE:
                result = new SQLException(message, "07009", primary);
                break;
            case ResultCode.READONLY:
                result = new SQLNonTransientException(message, "25006", primary);
                break;
            case ResultCode.AUTH:
                result = new SQLNonTransientException(message, "42501", primary);
                break;
            case ResultCode.FULL:
                result = new SQLNonTransientException(message, "53100", primary);
                break;
            case ResultCode.NOMEM:
                result = new SQLNonTransientException(message, "53200", primary);
                break;
            case ResultCode.IOERR:
            case ResultCode.CORRUPT:
            case ResultCode.NOTADB:
            case ResultCode.INTERNAL:
                result = new SQLNonTransientException(message, "58000", primary);
                break;
            case ResultCode.ERROR:
                result = isGrammarError(e.getMessage())
                        ? new SQLSyntaxErrorException(message, "42000", primary)
                        : new SQLException(message, "HY000", primary);
                break;
            default:
                result = new SQLException(message, "HY000", primary);
        }
        result.initCause(e);
        return result;
    }

    /** The engine could not load at all: no connection can open until the cause is fixed. */
    static SQLNonTransientConnectionException engineUnavailable(EngineLoadException e) {
        return new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
    }

    static SQLNonTransientConnectionException closed(String what) {
        return new SQLNonTransientConnectionException(what + " is closed", "08003", ResultCode.MISUSE);
    }

    /** The engine instance was abandoned (an aborted statement or a trap): only a new connection helps. */
    static SQLNonTransientConnectionException retired() {
        return new SQLNonTransientConnectionException("the connection can no longer be used: a statement that did"
                + " not respond to interrupt was aborted, or the engine failed; open a new connection", "08006",
                ResultCode.MISUSE);
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by SQLite", "0A000");
    }

    static SQLTimeoutException timeout(int seconds, SQLException cause) {
        SQLTimeoutException e = new SQLTimeoutException("[SQLITE_INTERRUPT] the query timeout of " + seconds
                + " s expired and the statement was interrupted", "HYT00", ResultCode.INTERRUPT);
        e.initCause(cause);
        return e;
    }

    private static String constraintState(int extended) {
        switch (extended) {
            case ResultCode.CONSTRAINT_NOTNULL: return "23502";
            case ResultCode.CONSTRAINT_FOREIGNKEY: return "23503";
            case ResultCode.CONSTRAINT_UNIQUE:
            case ResultCode.CONSTRAINT_PRIMARYKEY:
            case ResultCode.CONSTRAINT_ROWID: return "23505";
            case ResultCode.CONSTRAINT_CHECK: return "23514";
            default: return "23000";
        }
    }

    private static boolean isClosedMessage(String message) {
        return message != null && (message.contains("is closed") || message.contains("unusable"));
    }

    /** SQLITE_ERROR covers both bad SQL and other failures; only the former is a grammar error. */
    private static boolean isGrammarError(String message) {
        if (message == null) {
            return false;
        }
        return message.startsWith("near ") || message.startsWith("no such ") || message.contains("syntax error")
                || message.startsWith("incomplete input") || message.startsWith("unrecognized token")
                || message.startsWith("ambiguous column") || message.contains("already exists")
                || message.startsWith("duplicate column") || message.startsWith("wrong number of arguments")
                || message.startsWith("misuse of ") || message.contains("has no column named")
                || message.startsWith("unknown database");
    }

    private static Map<Integer, String> codeNames() {
        Map<Integer, String> names = new HashMap<>();
        for (Field f : ResultCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    names.putIfAbsent(f.getInt(null), "SQLITE_" + f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
