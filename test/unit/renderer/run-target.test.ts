import { describe, expect, it } from 'vitest';
import { dialectFor, pickRunTarget } from '../../../renderer/features/editor/run-target';

const script = 'select 1;\n\nselect $$a;b$$ as x;\n-- trailing comment\n';
const cursorAt = (offset: number) => ({ start: offset, end: offset });

describe('pickRunTarget', () => {
  it('runs the statement under the cursor, with its offset in the editor', () => {
    const inside = script.indexOf('$$a;b') + 3;
    expect(pickRunTarget(script, cursorAt(inside), 'statement', 'postgres')).toEqual({
      sql: 'select $$a;b$$ as x',
      offset: script.indexOf('select $$'),
    });
    expect(pickRunTarget(script, cursorAt(2), 'statement', 'postgres')).toEqual({ sql: 'select 1', offset: 0 });
  });

  it('runs the statement before the cursor when the cursor sits after it', () => {
    expect(pickRunTarget(script, cursorAt(script.length), 'statement', 'postgres')?.sql).toBe('select $$a;b$$ as x');
  });

  it('runs the selection as it is when there is one', () => {
    const start = script.indexOf('1;');
    expect(pickRunTarget(script, { start, end: start + 1 }, 'statement', 'postgres')).toEqual({ sql: '1', offset: start });
  });

  it('runs the whole text for "all" and nothing for blank text', () => {
    expect(pickRunTarget(script, cursorAt(0), 'all', 'postgres')).toEqual({ sql: script, offset: 0 });
    expect(pickRunTarget('  \n ', cursorAt(0), 'all', 'postgres')).toBeNull();
    expect(pickRunTarget('  \n ', { start: 0, end: 3 }, 'statement', 'postgres')).toBeNull();
    expect(pickRunTarget('', cursorAt(0), 'statement', 'postgres')).toBeNull();
  });

  it('picks the splitter dialect from the engine', () => {
    expect(dialectFor('mysql')).toBe('mysql');
    expect(dialectFor('sqlite')).toBe('sqlite');
    expect(dialectFor('postgres')).toBe('postgres');
    expect(dialectFor(null)).toBe('postgres');
  });
});
