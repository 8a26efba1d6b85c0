import { describe, expect, it } from 'vitest';
import { rowCountText } from '../../../renderer/features/table-data/row-count-text';

describe("the table view's row count", () => {
  it('says nothing until the count arrives', () => {
    expect(rowCountText(null, false)).toBe('');
  });

  it("gives the table's exact count, or the statistics' estimate with ≈", () => {
    expect(rowCountText({ rows: 1234, exact: true }, false)).toBe('1,234 rows');
    expect(rowCountText({ rows: 2_500_000, exact: false }, false)).toBe('≈ 2,500,000 rows');
  });

  it('counts only the matching rows once filtered, and says when they pass the cap', () => {
    expect(rowCountText({ rows: 1, exact: true }, true)).toBe('1 matching row');
    expect(rowCountText({ rows: 0, exact: true }, true)).toBe('0 matching rows');
    expect(rowCountText({ rows: 100_001, exact: false, atLeast: true }, true)).toBe('more than 100,000 matching rows');
  });
});
