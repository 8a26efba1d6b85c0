import { describe, expect, it } from 'vitest';
import { commandTag, leadingKeyword } from '../../../electron/core/drivers/mysql/statement-command';

describe('MySQL command tags', () => {
  it('is the first keyword, upper-cased, after whitespace and every MySQL comment style', () => {
    expect(leadingKeyword('select 1')).toBe('SELECT');
    expect(leadingKeyword('  -- note\n# another\n/* block */ insert into t values (1)')).toBe('INSERT');
    expect(leadingKeyword('/*!40101 SET NAMES utf8mb4 */')).toBe('SET');
    expect(leadingKeyword('-- only a comment')).toBeNull();
    expect(leadingKeyword('(SELECT 1)')).toBeNull();
  });

  it('reports a WITH that returned rows as SELECT, and keeps WITH … UPDATE as WITH', () => {
    expect(commandTag('WITH x AS (SELECT 1) SELECT * FROM x', true)).toBe('SELECT');
    expect(commandTag('WITH x AS (SELECT 1) UPDATE t JOIN x SET t.a = 1', false)).toBe('WITH');
    expect(commandTag('create table t (a int)', false)).toBe('CREATE');
  });
});
