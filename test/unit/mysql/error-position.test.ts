import { describe, expect, it } from 'vitest';
import { syntaxErrorPosition } from '../../../electron/core/drivers/mysql/error-position';

const message = (near: string, line: number) =>
  `You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${near}' at line ${line}`;

describe('syntaxErrorPosition', () => {
  it('finds the text the server quotes on the line it names', () => {
    const sql = 'SELECT a,\n  b\nFROM t\nWHERE a = = 1';
    expect(syntaxErrorPosition(message('= 1', 4), sql)).toBe(sql.indexOf('= = 1') + 3);
  });

  it('does not match the same text on an earlier line', () => {
    const sql = "SELECT 'x y'\n, x y";
    expect(syntaxErrorPosition(message('y', 2), sql)).toBe(sql.lastIndexOf('y') + 1);
  });

  it('matches text the server cut short, and text holding quotes', () => {
    const sql = `SELECT * FROM t WHERE name = 'it''s' ${'AND x = 1 '.repeat(20)}frm`;
    const near = `'it''s' ${'AND x = 1 '.repeat(20)}`.slice(0, 80);
    expect(syntaxErrorPosition(message(near, 1), sql)).toBe(sql.indexOf("'it''s'") + 1);
  });

  it('points just past the last word when the statement ended too early', () => {
    expect(syntaxErrorPosition(message('', 1), 'SELECT 1,  \n')).toBe('SELECT 1,'.length + 1);
  });

  it('falls back to the first word of the line when the text is not found', () => {
    const sql = 'SELECT 1\n   FROM nowhere';
    expect(syntaxErrorPosition(message('something else', 2), sql)).toBe(sql.indexOf('FROM') + 1);
  });

  it('gives nothing for messages without a place, or a line the statement does not have', () => {
    expect(syntaxErrorPosition("Table 'x.y' doesn't exist", 'SELECT * FROM y')).toBeUndefined();
    expect(syntaxErrorPosition(message('x', 3), 'SELECT x')).toBeUndefined();
  });
});
