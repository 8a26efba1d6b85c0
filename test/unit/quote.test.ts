import { describe, expect, it } from 'vitest';
import { qualifiedName, quoteIdentifier } from '../../shared/sql/quote';

describe('quoteIdentifier', () => {
  it('wraps PostgreSQL and SQLite names in double quotes and doubles embedded ones', () => {
    expect(quoteIdentifier('postgres', 'users')).toBe('"users"');
    expect(quoteIdentifier('postgres', 'say "hi"')).toBe('"say ""hi"""');
    expect(quoteIdentifier('sqlite', 'a"b')).toBe('"a""b"');
  });

  it('wraps MySQL names in backticks and doubles embedded ones', () => {
    expect(quoteIdentifier('mysql', 'order')).toBe('`order`');
    expect(quoteIdentifier('mysql', 'we`ird')).toBe('`we``ird`');
  });

  it('keeps reserved words, case, spaces, placeholders and other quote styles as plain text', () => {
    expect(quoteIdentifier('postgres', 'Select')).toBe('"Select"');
    expect(quoteIdentifier('postgres', 'approved?')).toBe('"approved?"');
    expect(quoteIdentifier('mysql', 'has "double" quotes')).toBe('`has "double" quotes`');
    expect(quoteIdentifier('sqlite', 'back`tick')).toBe('"back`tick"');
    expect(quoteIdentifier('postgres', '')).toBe('""');
  });
});

describe('qualifiedName', () => {
  it('quotes every part and joins them with dots', () => {
    expect(qualifiedName('postgres', ['public', 'Users'])).toBe('"public"."Users"');
    expect(qualifiedName('mysql', ['shop', 'order items'])).toBe('`shop`.`order items`');
    expect(qualifiedName('sqlite', ['main', 'a.b'])).toBe('"main"."a.b"');
  });

  it('returns a single quoted name for one part', () => {
    expect(qualifiedName('sqlite', ['t'])).toBe('"t"');
  });
});
