-- Two statements in one migration: Flyway splits and runs them in one transaction.
CREATE TABLE customer (
    id    INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    since DATE NOT NULL DEFAULT (date('now'))
);
CREATE INDEX customer_since ON customer (since);
