import { describe, expect, it } from 'vitest';
import { formatSql, formatterDialectFor } from '../../../renderer/features/editor/format/format-sql';

describe('formatSql', () => {
  it('formats PostgreSQL, keeping dollar quotes, casts and both kinds of parameters', () => {
    const result = formatSql("select id,total::numeric from orders where status=$1 and note=:note and body=$$a;b$$", 'postgresql');
    expect(result).toEqual({
      ok: true,
      text: ['select', '  id,', '  total::numeric', 'from', '  orders', 'where', '  status = $1', '  and note = :note', '  and body = $$a;b$$'].join('\n'),
    });
  });

  it('formats MySQL and MariaDB with backtick names and ? parameters', () => {
    const expected = ['select', '  `back``tick`', 'from', '  t', 'where', '  a = ?'].join('\n');
    expect(formatSql('select `back``tick` from t where a=?', 'mysql')).toEqual({ ok: true, text: expected });
    expect(formatSql('select `back``tick` from t where a=?', 'mariadb')).toEqual({ ok: true, text: expected });
  });

  it('formats SQLite with bracketed names and its parameter forms', () => {
    expect(formatSql('select [odd name],"we""ird" from t where a=?1 and b=:b and c=@c', 'sqlite')).toEqual({
      ok: true,
      text: ['select', '  [odd name],', '  "we""ird"', 'from', '  t', 'where', '  a = ?1', '  and b = :b', '  and c = @c'].join('\n'),
    });
  });

  it('separates statements and keeps a final line break', () => {
    expect(formatSql('select 1;select 2;\n', 'postgresql')).toEqual({ ok: true, text: 'select\n  1;\n\nselect\n  2;\n' });
  });

  it('returns the parser\'s message instead of throwing on SQL it cannot read', () => {
    const result = formatSql('select (1 from t', 'postgresql');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Parse error/);
    expect(formatSql("select 'unterminated", 'sqlite').ok).toBe(false);
    expect(formatSql('select $$a$$', 'sqlite').ok).toBe(false);
  });

  it('picks the formatter dialect from the connection', () => {
    expect(formatterDialectFor('postgres', 'PostgreSQL 15.19')).toBe('postgresql');
    expect(formatterDialectFor('mysql', '10.11.19-MariaDB-0+deb12u1')).toBe('mariadb');
    expect(formatterDialectFor('mysql', '8.0.36')).toBe('mysql');
    expect(formatterDialectFor('mysql', null)).toBe('mysql');
    expect(formatterDialectFor('sqlite', '3.45.0')).toBe('sqlite');
    expect(formatterDialectFor(null, null)).toBe('postgresql');
  });
});
