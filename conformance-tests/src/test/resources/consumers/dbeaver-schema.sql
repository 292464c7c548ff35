CREATE TABLE customer (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    email        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    first_name   TEXT,
    last_name    TEXT,
    full_name    TEXT GENERATED ALWAYS AS (first_name || ' ' || last_name) VIRTUAL,
    email_domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) STORED,
    created      TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE product (
    sku     TEXT NOT NULL,
    variant INTEGER NOT NULL,
    price   NUMERIC(10,2),
    PRIMARY KEY (sku, variant)
) WITHOUT ROWID;
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE ON UPDATE CASCADE,
    placed      DATE
);
CREATE TABLE order_line (
    order_id INTEGER NOT NULL,
    line_no  INTEGER NOT NULL,
    sku      TEXT NOT NULL,
    variant  INTEGER NOT NULL,
    qty      INTEGER NOT NULL DEFAULT 1 CHECK (qty > 0),
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_line_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT fk_line_product FOREIGN KEY (sku, variant) REFERENCES product (sku, variant) ON DELETE RESTRICT
);
CREATE INDEX customer_lower_last ON customer (lower(last_name));
CREATE INDEX line_by_product ON order_line (sku, variant DESC);
CREATE UNIQUE INDEX orders_once_a_day ON orders (customer_id, placed) WHERE placed IS NOT NULL;
CREATE VIEW order_totals AS
    SELECT o.id AS order_id, c.email, sum(l.qty) AS items
    FROM orders o JOIN customer c ON c.id = o.customer_id JOIN order_line l ON l.order_id = o.id
    GROUP BY o.id;
CREATE TRIGGER customer_touch AFTER UPDATE OF email ON customer
BEGIN
    UPDATE customer SET created = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE TRIGGER order_line_guard BEFORE INSERT ON order_line WHEN NEW.qty > 1000
BEGIN
    SELECT RAISE(ABORT, 'too many');
END;
INSERT INTO customer (email, first_name, last_name) VALUES ('ada@example.org', 'Ada', 'Lovelace'), ('bob@example.com', 'Bob', 'Stone');
INSERT INTO product VALUES ('bolt', 6, 0.10), ('bolt', 8, 0.12);
INSERT INTO orders VALUES (1, 1, '2025-01-02'), (2, 2, NULL);
INSERT INTO order_line VALUES (1, 1, 'bolt', 6, 100), (1, 2, 'bolt', 8, 50), (2, 1, 'bolt', 6, 1);
