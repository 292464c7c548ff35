CREATE TABLE purchase (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    amount      NUMERIC NOT NULL CHECK (amount > 0)
);
ALTER TABLE customer ADD COLUMN purchases INTEGER NOT NULL DEFAULT 0;
-- A trigger body holds semicolons: the migration parser must keep BEGIN ... END together.
CREATE TRIGGER purchase_counted AFTER INSERT ON purchase
BEGIN
    UPDATE customer SET purchases = purchases + 1 WHERE id = NEW.customer_id;
END;
CREATE VIEW big_spender AS
    SELECT c.email, sum(p.amount) AS total FROM customer c JOIN purchase p ON p.customer_id = c.id GROUP BY c.email;
