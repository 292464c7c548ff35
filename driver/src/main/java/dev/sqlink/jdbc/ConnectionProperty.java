package dev.sqlink.jdbc;

import java.util.Arrays;
import java.util.Locale;

/**
 * One connection property the driver understands: its name, what it does, how its value is
 * checked. Values are validated here before anything reaches SQL, so a URL can never smuggle
 * text into the {@code PRAGMA} statements the driver runs.
 */
public final class ConnectionProperty {
    /** How a property takes effect. */
    public enum Kind {
        /** Run as {@code PRAGMA name = value} right after open. */
        PRAGMA,
        /** A {@code sqlite3_limit} category. */
        LIMIT,
        /** Read by the driver itself (open flags, dates, transactions ...). */
        DRIVER,
        /** Ours, accepted now and implemented by a later release. */
        RESERVED
    }

    /** The shape of a value. */
    public enum Type { BOOLEAN, INTEGER, CHOICE, TEXT }

    private final String name;
    private final Kind kind;
    private final Type type;
    private final String description;
    private final String defaultValue;
    private final String[] choices;

    ConnectionProperty(String name, Kind kind, Type type, String defaultValue, String description, String... choices) {
        this.name = name;
        this.kind = kind;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.choices = choices;
    }

    public String name() { return name; }
    public Kind kind() { return kind; }
    public Type type() { return type; }
    public String description() { return description; }
    /** The value used when the property is absent, or null when the property then does nothing. */
    public String defaultValue() { return defaultValue; }
    /** The allowed values of a CHOICE (or BOOLEAN) property; empty otherwise. */
    public String[] choices() {
        return type == Type.BOOLEAN ? new String[] {"true", "false"} : choices.clone();
    }

    /**
     * Checks {@code raw} and returns its canonical form: "true"/"false" for booleans, a
     * decimal integer, an upper-case choice, or the text unchanged.
     */
    public String normalize(String raw) throws java.sql.SQLException {
        String v = raw.trim();
        switch (type) {
            case BOOLEAN:
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "true": case "on": case "yes": case "1": return "true";
                    case "false": case "off": case "no": case "0": return "false";
                    default: throw invalid(raw, "true or false");
                }
            case INTEGER:
                try {
                    return Long.toString(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    throw invalid(raw, "an integer");
                }
            case CHOICE:
                for (String c : choices) {
                    if (c.equalsIgnoreCase(v)) {
                        return c;
                    }
                }
                throw invalid(raw, "one of " + String.join(", ", choices));
            default:
                return raw;
        }
    }

    private java.sql.SQLException invalid(String raw, String expected) {
        return new java.sql.SQLException("invalid value '" + raw + "' for connection property " + name
                + ": expected " + expected, "HY024");
    }

    @Override
    public String toString() {
        return name + (choices.length > 0 ? " " + Arrays.toString(choices) : "");
    }
}
