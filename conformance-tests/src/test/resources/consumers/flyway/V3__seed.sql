INSERT INTO customer (email, since) VALUES ('ada@example.org', '2024-01-01'), ('bob@example.org', '2024-02-01');
INSERT INTO purchase (customer_id, amount) VALUES (1, 10), (1, 5.5), (2, 7);
