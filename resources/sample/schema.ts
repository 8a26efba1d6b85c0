/** The sample store's tables, indexes, view and trigger. Money is DECIMAL(10,2): NUMERIC affinity, stored as REAL rounded to cents. */
export const SAMPLE_SCHEMA = `
CREATE TABLE customers (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  email      TEXT NOT NULL UNIQUE,
  phone      TEXT,
  country    TEXT NOT NULL,
  city       TEXT NOT NULL,
  created_at DATETIME NOT NULL
);

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  category    TEXT NOT NULL,
  price       DECIMAL(10,2) NOT NULL CHECK (price >= 0),
  stock       INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
  description TEXT,
  updated_at  DATETIME NOT NULL
);

CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  status      TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
  ordered_at  DATETIME NOT NULL,
  shipped_at  DATETIME,
  total       DECIMAL(10,2) NOT NULL
);

CREATE TABLE order_items (
  order_id   INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
  quantity   INTEGER NOT NULL CHECK (quantity > 0),
  unit_price DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (order_id, product_id)
);

CREATE TABLE reviews (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body        TEXT,
  created_at  DATETIME NOT NULL
);

CREATE INDEX customers_country_city ON customers (country, city);
CREATE INDEX products_category ON products (category);
CREATE INDEX orders_customer_id ON orders (customer_id);
CREATE INDEX orders_status_ordered_at ON orders (status, ordered_at);
CREATE INDEX orders_ordered_at ON orders (ordered_at);
CREATE INDEX order_items_product_id ON order_items (product_id);
CREATE INDEX reviews_product_id ON reviews (product_id);
CREATE INDEX reviews_customer_id ON reviews (customer_id);

CREATE VIEW product_ratings AS
SELECT p.id AS product_id,
       p.name,
       p.category,
       count(r.id) AS review_count,
       round(avg(r.rating), 2) AS average_rating
FROM products AS p
LEFT JOIN reviews AS r ON r.product_id = p.id
GROUP BY p.id;

CREATE TRIGGER products_touch_updated_at
AFTER UPDATE OF name, category, price, stock, description ON products
FOR EACH ROW
BEGIN
  UPDATE products SET updated_at = datetime('now') WHERE id = NEW.id;
END;
`;
