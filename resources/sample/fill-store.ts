import type Database from 'better-sqlite3';
import type { SeededRandom } from './seeded-random';
import { ADJECTIVES, CATEGORIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, MATERIALS, PLACES, REVIEW_PHRASES } from './word-lists';

export const SAMPLE_SIZES = { customers: 5000, products: 1000, orders: 30000, reviews: 5000 } as const;

const FIRST_DAY = Date.UTC(2022, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31, 23, 59, 59);
const DAY_MS = 86_400_000;

/** A product description that a careless grid would turn into markup: the sample shows that it stays text. */
const HOSTILE_DESCRIPTION = '<img src=x onerror=alert(1)> If this shows as an image, the app renders data as HTML.';

type Weighted<T> = readonly (readonly [T, number])[];

const ORDER_STATUSES: Weighted<string> = [
  ['delivered', 55],
  ['shipped', 12],
  ['paid', 8],
  ['pending', 6],
  ['cancelled', 12],
  ['refunded', 7],
];
const ITEMS_PER_ORDER: Weighted<number> = [[1, 40], [2, 30], [3, 20], [4, 10]];
const RATINGS: Weighted<number> = [[1, 6], [2, 8], [3, 16], [4, 32], [5, 38]];
const SHIPPED_STATUSES = new Set(['shipped', 'delivered', 'refunded']);

function weighted<T>(random: SeededRandom, choices: Weighted<T>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1][0];
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function emailPart(name: string): string {
  return name
    .replace(/ł/gi, 'l')
    .replace(/ø/gi, 'o')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function money(value: number): number {
  return Math.round(value * 100) / 100;
}

interface Product {
  id: number;
  price: number;
}

function insertCustomers(db: Database.Database, random: SeededRandom): number[] {
  const insert = db.prepare('INSERT INTO customers (id, name, email, phone, country, city, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const places: Weighted<(typeof PLACES)[number]> = PLACES.map((place) => [place, place.weight]);
  const createdAt: number[] = [];
  for (let id = 1; id <= SAMPLE_SIZES.customers; id++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const place = weighted(random, places);
    const email = `${emailPart(first)}.${emailPart(last)}${id}@${random.pick(EMAIL_DOMAINS)}`;
    const phone = random.chance(0.15) ? null : `+${random.int(1, 99)} ${random.int(100, 999)} ${random.int(1000000, 9999999)}`;
    const created = FIRST_DAY + Math.floor(random.next() * (LAST_DAY - FIRST_DAY) * 0.8);
    createdAt.push(created);
    insert.run(id, `${first} ${last}`, email, phone, place.country, random.pick(place.cities), timestamp(created));
  }
  return createdAt;
}

function insertProducts(db: Database.Database, random: SeededRandom): Product[] {
  const insert = db.prepare(
    'INSERT INTO products (id, sku, name, category, price, stock, description, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const products: Product[] = [];
  for (let id = 1; id <= SAMPLE_SIZES.products; id++) {
    const category = random.pick(CATEGORIES);
    const material = random.pick(MATERIALS);
    const name = `${random.pick(ADJECTIVES)} ${material} ${random.pick(category.nouns)}`;
    const [low, high] = category.priceRange;
    const price = money(Math.floor(low + random.next() * (high - low)) + random.pick([0.99, 0.49, 0.0, 0.95]));
    const stock = random.chance(0.08) ? 0 : random.int(1, 500);
    const description =
      id === 13 ? HOSTILE_DESCRIPTION : random.chance(0.1) ? null : `${name}: ${material.toLowerCase()}, made to last. Ships in ${random.int(1, 5)} days.`;
    const updated = FIRST_DAY + Math.floor(random.next() * (LAST_DAY - FIRST_DAY));
    insert.run(id, `${category.code}-${String(id).padStart(5, '0')}`, name, category.name, price, stock, description, timestamp(updated));
    products.push({ id, price });
  }
  return products;
}

function insertOrders(db: Database.Database, random: SeededRandom, customerCreatedAt: number[], products: Product[]): number {
  const insertOrder = db.prepare('INSERT INTO orders (id, customer_id, status, ordered_at, shipped_at, total) VALUES (?, ?, ?, ?, ?, ?)');
  const insertItem = db.prepare('INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (?, ?, ?, ?)');
  let itemCount = 0;
  for (let id = 1; id <= SAMPLE_SIZES.orders; id++) {
    const customerId = random.int(1, customerCreatedAt.length);
    const since = customerCreatedAt[customerId - 1];
    const ordered = since + Math.floor(random.next() * (LAST_DAY - since));
    const status = weighted(random, ORDER_STATUSES);
    const shipped = SHIPPED_STATUSES.has(status) ? timestamp(ordered + random.int(1, 7) * DAY_MS + random.int(0, DAY_MS - 1)) : null;

    const lines = new Map<number, { quantity: number; unitPrice: number }>();
    const wanted = weighted(random, ITEMS_PER_ORDER);
    while (lines.size < wanted) {
      const product = random.pick(products);
      const discounted = random.chance(0.1) ? money(product.price * 0.9) : product.price;
      lines.set(product.id, { quantity: weighted(random, [[1, 70], [2, 20], [3, 10]]), unitPrice: discounted });
    }
    const total = money([...lines.values()].reduce((sum, line) => sum + line.quantity * line.unitPrice, 0));
    insertOrder.run(id, customerId, status, timestamp(ordered), shipped, total);
    for (const [productId, line] of lines) insertItem.run(id, productId, line.quantity, line.unitPrice);
    itemCount += lines.size;
  }
  return itemCount;
}

function insertReviews(db: Database.Database, random: SeededRandom): void {
  const insert = db.prepare('INSERT INTO reviews (id, product_id, customer_id, rating, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (let id = 1; id <= SAMPLE_SIZES.reviews; id++) {
    const rating = weighted(random, RATINGS);
    const body = random.chance(0.2) ? null : random.pick(REVIEW_PHRASES[rating]);
    const created = FIRST_DAY + Math.floor(random.next() * (LAST_DAY - FIRST_DAY));
    insert.run(id, random.int(1, SAMPLE_SIZES.products), random.int(1, SAMPLE_SIZES.customers), rating, body, timestamp(created));
  }
}

/** Fills an empty database that already has the sample schema. Returns the number of rows written. */
export function fillSampleStore(db: Database.Database, random: SeededRandom): number {
  const customerCreatedAt = insertCustomers(db, random);
  const products = insertProducts(db, random);
  const itemCount = insertOrders(db, random, customerCreatedAt, products);
  insertReviews(db, random);
  return SAMPLE_SIZES.customers + SAMPLE_SIZES.products + SAMPLE_SIZES.orders + itemCount + SAMPLE_SIZES.reviews;
}
