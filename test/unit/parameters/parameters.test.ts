import { describe, expect, it } from 'vitest';
import { findPlaceholders, parameterNames, toBindable } from '../../../shared/sql/parameters';

const names = (sql: string, dialect: 'postgres' | 'mysql' | 'sqlite') => findPlaceholders(sql, dialect).map((p) => p.name);

describe('findPlaceholders', () => {
  it.each(['postgres', 'mysql', 'sqlite'] as const)('finds :name in %s code but not in strings, comments or quoted names', (dialect) => {
    const quotedName = dialect === 'mysql' ? '`:in_name`' : '":in_name"';
    const sql = `select :a, ':in_string', ${quotedName} -- :in_line_comment\n /* :in_block */ from t where x = :b`;
    expect(names(sql, dialect)).toEqual([':a', ':b']);
  });

  it('keeps the offsets of each placeholder in the text', () => {
    const sql = 'select :first, $2';
    expect(findPlaceholders(sql, 'postgres').map((p) => sql.slice(p.offset, p.end))).toEqual([':first', '$2']);
  });

  it('does not take PostgreSQL casts, dollar quotes, E-strings or array slices for parameters', () => {
    expect(names("select x::int, y :: text, $$ :a $1 $$, $tag$ ? :b $tag$, E'\\' :c', arr[1:n] from t where z = :z", 'postgres')).toEqual([':z']);
  });

  it('reads $1 and $10 as positional parameters in PostgreSQL, and a$1 as a name', () => {
    expect(names('select $1, $10, a$1 from t', 'postgres')).toEqual(['$1', '$10']);
  });

  it('reads ? as a parameter in MySQL and SQLite but as an operator in PostgreSQL', () => {
    expect(names("select ?, '?', \"?\" from t where j ? 'k'", 'mysql')).toEqual(['?', '?']);
    expect(names("select ?, '?', \"?\", [?], `?` from t", 'sqlite')).toEqual(['?']);
    expect(names("select data ? 'key', data ?| array['a'] from t", 'postgres')).toEqual([]);
  });

  it('skips MySQL # comments, backslash escapes and := assignments', () => {
    expect(names("select @v := 1, 'it\\'s :not', ? # :comment\n, :yes", 'mysql')).toEqual(['?', ':yes']);
  });

  it('does not take the MySQL label syntax or a lone colon for a parameter', () => {
    expect(names('label: begin end', 'mysql')).toEqual([]);
    expect(names("select ':'", 'sqlite')).toEqual([]);
  });
});

describe('toBindable', () => {
  it('numbers PostgreSQL names after the highest $n and binds a repeated name once', () => {
    const bound = toBindable('select :a, $2, :b, :a', 'postgres');
    expect(bound.sql).toBe('select $3, $2, $4, $3');
    expect(bound.names).toEqual(['$1', '$2', ':a', ':b']);
  });

  it('rewrites names to ? in MySQL and SQLite, binding a repeated name at each occurrence', () => {
    for (const dialect of ['mysql', 'sqlite'] as const) {
      const bound = toBindable("select :a, ?, ':a', :a, ?", dialect);
      expect(bound.sql).toBe("select ?, ?, ':a', ?, ?");
      expect(bound.names).toEqual([':a', '?1', ':a', '?2']);
    }
  });

  it('leaves a statement without parameters unchanged', () => {
    const bound = toBindable("select 'x' from t", 'postgres');
    expect(bound.sql).toBe("select 'x' from t");
    expect(bound.names).toEqual([]);
  });

  it('maps offsets in the rewritten text back to the text as written', () => {
    const sql = 'select :greeting, nope';
    const bound = toBindable(sql, 'postgres');
    const rewrittenNope = bound.sql.indexOf('nope');
    expect(bound.originalOffset(rewrittenNope)).toBe(sql.indexOf('nope'));
    expect(bound.originalOffset(bound.sql.indexOf('$1') + 1)).toBe(sql.indexOf(':greeting'));
    expect(bound.originalOffset(2)).toBe(2);
  });
});

describe('parameterNames', () => {
  it('lists each parameter once, in binding order', () => {
    expect(parameterNames('select :b, :a, :b', 'mysql')).toEqual([':b', ':a']);
    expect(parameterNames('select $2, :x', 'postgres')).toEqual(['$1', '$2', ':x']);
    expect(parameterNames('select ?, ?', 'sqlite')).toEqual(['?1', '?2']);
  });
});
