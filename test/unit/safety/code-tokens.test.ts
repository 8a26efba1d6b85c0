import { describe, expect, it } from 'vitest';
import { closingIndex, codeTokens, splitAtSemicolons, stringContent } from '../../../shared/sql/code-tokens';
import type { SplitDialect } from '../../../shared/sql/split';

const words = (sql: string, dialect: SplitDialect = 'postgres') => codeTokens(sql, dialect).filter((token) => token.kind === 'word').map((token) => token.text);

describe('SQL code tokens', () => {
  it('upper-cases words and keeps their offsets in the text', () => {
    const sql = 'select Name from t';
    const tokens = codeTokens(sql, 'postgres');
    expect(tokens.map((token) => token.text)).toEqual(['SELECT', 'NAME', 'FROM', 'T']);
    expect(tokens.map((token) => sql.slice(token.offset, token.end))).toEqual(['select', 'Name', 'from', 't']);
  });

  it('skips comments: line, block, nested block in PostgreSQL, # in MySQL', () => {
    expect(words('a -- b\nc /* d */ e')).toEqual(['A', 'C', 'E']);
    expect(words('a /* b /* c */ d */ e')).toEqual(['A', 'E']);
    expect(words('a /* b /* c */ d */ e', 'mysql')).toEqual(['A', 'D', 'E']);
    expect(words('a # b\nc', 'mysql')).toEqual(['A', 'C']);
    expect(words('a #b')).toEqual(['A', 'B']);
    expect(words('a --b', 'mysql')).toEqual(['A', 'B']);
    expect(words('a /*!50001 b */ c', 'mysql')).toEqual(['A', 'B', 'C']);
  });

  it('reads strings and quoted names as single tokens', () => {
    const kinds = (sql: string, dialect: SplitDialect) => codeTokens(sql, dialect).map((token) => [token.kind, token.text]);
    expect(kinds(`'it''s' "a ""b""" $$x$$ $tag$ $$ $tag$ E'\\'' $1`, 'postgres')).toEqual([
      ['string', "'it''s'"],
      ['name', '"a ""b"""'],
      ['string', '$$x$$'],
      ['string', '$tag$ $$ $tag$'],
      ['string', "E'\\''"],
      ['other', '$'],
      ['other', '1'],
    ]);
    expect(kinds("`a``b` \"s\\\"\" 'x\\''", 'mysql')).toEqual([
      ['name', '`a``b`'],
      ['string', '"s\\""'],
      ['string', "'x\\''"],
    ]);
    expect(kinds('[a b] `c`', 'sqlite')).toEqual([
      ['name', '[a b]'],
      ['name', '`c`'],
    ]);
  });

  it('treats a word after a dot as a name and keeps $ inside PostgreSQL names', () => {
    expect(codeTokens('t.where a$b', 'postgres').map((token) => [token.kind, token.text])).toEqual([
      ['word', 'T'],
      ['dot', '.'],
      ['name', 'where'],
      ['word', 'A$B'],
    ]);
  });

  it('tracks parenthesis depth and finds the closing parenthesis', () => {
    const tokens = codeTokens('a (b (c) d) e', 'postgres');
    expect(tokens.map((token) => `${token.text}${token.depth}`)).toEqual(['A0', '(0', 'B1', '(1', 'C2', ')1', 'D1', ')0', 'E0']);
    expect(closingIndex(tokens, 1)).toBe(7);
    expect(closingIndex(tokens, 3)).toBe(5);
  });

  it('ends open parentheses at a semicolon and splits there', () => {
    const tokens = codeTokens('select (1; drop table t', 'postgres');
    expect(tokens.find((token) => token.text === 'DROP')?.depth).toBe(0);
    expect(splitAtSemicolons(tokens).map((part) => part.map((token) => token.text).join(' '))).toEqual(['SELECT ( 1', 'DROP TABLE T']);
  });

  it('runs unterminated strings and comments to the end', () => {
    expect(codeTokens("select 'open", 'postgres').at(-1)).toMatchObject({ kind: 'string', end: 12 });
    expect(words('select /* open drop')).toEqual(['SELECT']);
    expect(codeTokens('select $q$ drop', 'postgres').at(-1)).toMatchObject({ kind: 'string' });
  });

  it('gives the content of strings', () => {
    const content = (sql: string) => stringContent(codeTokens(sql, 'postgres')[0]);
    expect(content("'it''s'")).toBe("it's");
    expect(content('$body$ drop $$ $body$')).toBe(' drop $$ ');
    expect(content('$$unterminated')).toBe('unterminated');
    expect(content("E'it''s'")).toBe("it's");
    const mysqlContent = (sql: string) => stringContent(codeTokens(sql, 'mysql')[0]);
    expect(mysqlContent('"say ""hi"""')).toBe('say "hi"');
    expect(mysqlContent("'a''b'")).toBe("a'b");
  });
});
