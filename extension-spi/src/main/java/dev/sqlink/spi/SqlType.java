package dev.sqlink.spi;

/** The storage class of a SQL value, as SQLite reports it. */
public enum SqlType {
    INTEGER, FLOAT, TEXT, BLOB, NULL
}
