import { describe, expect, it } from 'vitest';
import { maskForSplitter } from '../../shared/sql/split-mask';
import type { SplitDialect } from '../../shared/sql/split';

/** The mask with its blanks made visible as `_`. */
function visible(sql: string, dialect: SplitDialect): string {
  const masked = maskForSplitter(sql, dialect);
  expect(masked).toHaveLength(sql.length);
  return masked.replaceAll('\u0000', '_');
}

describe('maskForSplitter', () => {
  it('blanks # comments and nested comments, keeping the line ends inside them', () => {
    expect(visible("a # b; it's\nc", 'mysql')).toBe('a _ __ ____\nc');
    expect(visible('a -- b; # c\n/* d; */ e', 'mysql')).toBe('a __ __ _ _\n__ __ __ e');
    expect(visible('/* a /* b */\nc; */ d', 'postgres')).toBe('__ _ __ _ __\n__ __ d');
  });

  it('leaves the comments the splitter reads right to it', () => {
    expect(visible("a -- b; 'c\n/* d; */ e", 'postgres')).toBe("a -- b; 'c\n/* d; */ e");
    expect(visible('a # b', 'postgres')).toBe('a # b');
    expect(visible('/* a /* b */ c; */ d', 'mysql')).toBe('/* a /* b */ c; */ d');
    expect(visible('/*!40101 SET a = 1 */; -- x', 'mysql')).toBe('/*!40101 SET a = 1 */; -- x');
    expect(visible("a # b; 'c", 'sqlite')).toBe("a # b; 'c");
  });

  it('blanks E strings, dollar quotes and MySQL minus-minus, and leaves plain strings and quoted names', () => {
    expect(visible("E'a\\';' 'b;' \"c;\" $t$d;$t$ $1", 'postgres')).toBe("_______ 'b;' \"c;\" ________ $1");
    expect(visible("'a\\';' `b;` 5--2 -- c", 'mysql')).toBe("'a\\';' `b;` 5_-2 -- c");
    expect(visible("'a;' [b;] `c;`", 'sqlite')).toBe("'a;' [b;] `c;`");
  });

  it('blanks the semicolons of a routine body and no others', () => {
    expect(visible('CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; SELECT 2;', 'postgres')).toBe(
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1_ END; SELECT 2;',
    );
    expect(visible('BEGIN; CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END; COMMIT;', 'sqlite')).toBe(
      'BEGIN; CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1_ END; COMMIT;',
    );
    expect(visible('CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;', 'postgres')).toBe('CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;');
    expect(visible('CREATE FUNCTION f() BEGIN SELECT 1; END;', 'mysql')).toBe('CREATE FUNCTION f() BEGIN SELECT 1; END;');
  });
});
