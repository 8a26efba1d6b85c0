import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../renderer/features/editor/completion/sql-tokens';

const kinds = (sql: string, dialect: 'postgres' | 'mysql' | 'sqlite') => tokenize(sql, dialect).map((token) => [token.kind, token.value]);

describe('tokenize', () => {
  it('reads quoted names with doubled quotes per dialect', () => {
    expect(kinds('select "we""ird" from t', 'postgres')).toEqual([
      ['word', 'select'],
      ['quoted', 'we"ird'],
      ['word', 'from'],
      ['word', 't'],
    ]);
    expect(kinds('select `back``tick`, "text"', 'mysql')).toEqual([
      ['word', 'select'],
      ['quoted', 'back`tick'],
      ['punct', ','],
      ['string', 'text'],
    ]);
    expect(kinds('select [odd name] from "x"', 'sqlite')).toEqual([
      ['word', 'select'],
      ['quoted', 'odd name'],
      ['word', 'from'],
      ['quoted', 'x'],
    ]);
  });

  it('keeps strings, dollar quotes and comments whole, with their ends', () => {
    const sql = "select 'a;b' -- c\n, $tag$ x $tag$ /* y */ from t";
    expect(kinds(sql, 'postgres')).toEqual([
      ['word', 'select'],
      ['string', 'a;b'],
      ['comment', '-- c'],
      ['punct', ','],
      ['string', '$tag$ x $tag$'],
      ['comment', '/* y */'],
      ['word', 'from'],
      ['word', 't'],
    ]);
    expect(kinds("select E'it\\'s', 'it''s'", 'postgres').map(([, value]) => value)).toEqual(['select', "it's", ',', "it's"]);
    expect(kinds("select 'it\\'s' # note", 'mysql')).toEqual([
      ['word', 'select'],
      ['string', "it's"],
      ['comment', '# note'],
    ]);
  });

  it('marks what is left open at the end as unterminated', () => {
    const [, open] = tokenize('select "we""i', 'postgres');
    expect(open).toMatchObject({ kind: 'quoted', value: 'we"i', terminated: false, start: 7, end: 13 });
    expect(tokenize("select 'abc", 'postgres')[1]).toMatchObject({ kind: 'string', terminated: false });
    expect(tokenize('select /* abc', 'postgres')[1]).toMatchObject({ kind: 'comment', terminated: false });
  });

  it('tells parameters, casts and numbers from names', () => {
    expect(kinds('select $1::text, :name, ?, 1.5e3, t.col', 'postgres')).toEqual([
      ['word', 'select'],
      ['param', '$1'],
      ['operator', '::'],
      ['word', 'text'],
      ['punct', ','],
      ['param', ':name'],
      ['punct', ','],
      ['param', '?'],
      ['punct', ','],
      ['number', '1.5e3'],
      ['punct', ','],
      ['word', 't'],
      ['punct', '.'],
      ['word', 'col'],
    ]);
  });
});
