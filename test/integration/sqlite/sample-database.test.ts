import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSample, makeTempDir } from './sqlite-kit';

describe('the sample database generator', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let file: string;
  let report: string;
  let db: Database.Database;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    file = join(dir, 'nested', 'sample.sqlite');
    report = buildSample(file);
    db = new Database(file, { readonly: true, fileMustExist: true });
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  const count = (sql: string) => Number(db.prepare(sql).pluck().get());

  it('builds about 100k rows of a store, with row counts in the expected ranges', () => {
    expect(report).toMatch(/^Built the sample database \(\d+ rows\)/);
    expect(count('SELECT count(*) FROM customers')).toBeGreaterThanOrEqual(4000);
    expect(count('SELECT count(*) FROM customers')).toBeLessThanOrEqual(6000);
    expect(count('SELECT count(*) FROM products')).toBeGreaterThanOrEqual(800);
    expect(count('SELECT count(*) FROM products')).toBeLessThanOrEqual(1200);
    expect(count('SELECT count(*) FROM orders')).toBeGreaterThanOrEqual(25_000);
    expect(count('SELECT count(*) FROM orders')).toBeLessThanOrEqual(35_000);
    expect(count('SELECT count(*) FROM order_items')).toBeGreaterThanOrEqual(50_000);
    expect(count('SELECT count(*) FROM order_items')).toBeLessThanOrEqual(70_000);
    expect(count('SELECT count(*) FROM reviews')).toBeGreaterThanOrEqual(4000);
    expect(count('SELECT count(*) FROM reviews')).toBeLessThanOrEqual(6000);
  });

  it('passes the foreign key and integrity checks', () => {
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('has a view that returns rows, and consistent order totals', () => {
    expect(count('SELECT count(*) FROM product_ratings WHERE review_count > 0')).toBeGreaterThan(0);
    const mismatched = count(`SELECT count(*) FROM orders o
      WHERE abs(o.total - (SELECT sum(quantity * unit_price) FROM order_items WHERE order_id = o.id)) > 0.01`);
    expect(mismatched).toBe(0);
  });

  it('has realistic data: some NULLs, unicode names and places, ratings within 1–5', () => {
    expect(count('SELECT count(*) FROM customers WHERE phone IS NULL')).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM orders WHERE shipped_at IS NULL AND status IN ('pending', 'paid', 'cancelled')")).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM orders WHERE shipped_at IS NULL AND status IN ('shipped', 'delivered')")).toBe(0);
    expect(count("SELECT count(*) FROM customers WHERE name LIKE 'Zoë %' OR name LIKE '% Müller'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM customers WHERE city = '東京'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM reviews WHERE rating NOT BETWEEN 1 AND 5')).toBe(0);
    expect(count('SELECT count(DISTINCT email) FROM customers')).toBe(count('SELECT count(*) FROM customers'));
  });

  it('enforces the rating check and keeps products.updated_at current with its trigger', async () => {
    const { dir: scratchDir, cleanup: removeScratch } = await makeTempDir();
    await db.backup(join(scratchDir, 'copy.sqlite'));
    const scratch = new Database(join(scratchDir, 'copy.sqlite'));
    try {
      scratch.pragma('foreign_keys = ON');
      expect(() => scratch.prepare('INSERT INTO reviews (product_id, customer_id, rating, created_at) VALUES (1, 1, 6, ?)').run('2024-01-01')).toThrow(
        /CHECK constraint failed/,
      );
      const before = scratch.prepare('SELECT updated_at FROM products WHERE id = 1').pluck().get() as string;
      scratch.prepare('UPDATE products SET stock = stock + 1 WHERE id = 1').run();
      const after = scratch.prepare('SELECT updated_at FROM products WHERE id = 1').pluck().get() as string;
      expect(after > before).toBe(true);
    } finally {
      scratch.close();
      await removeScratch();
    }
  });

  it('is deterministic, skips the work when the file is fresh, and leaves no temporary files', async () => {
    const again = join(dir, 'again.sqlite');
    buildSample(again);
    const second = new Database(again, { readonly: true });
    const digest = (target: Database.Database) =>
      target.prepare("SELECT group_concat(id || name || email || city, '|') FROM (SELECT * FROM customers ORDER BY id)").pluck().get();
    expect(digest(second)).toBe(digest(db));
    second.close();

    const modifiedBefore = (await stat(again)).mtimeMs;
    expect(buildSample(again)).toMatch(/^Sample database is up to date/);
    expect((await stat(again)).mtimeMs).toBe(modifiedBefore);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(`${again}-journal`)).toBe(false);
  });
});
