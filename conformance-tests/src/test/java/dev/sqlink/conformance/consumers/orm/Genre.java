package dev.sqlink.conformance.consumers.orm;

/** Stored by name (EnumType.STRING) on books, by ordinal on nothing: names survive reordering. */
public enum Genre {
    FICTION, SCIENCE, HISTORY
}
