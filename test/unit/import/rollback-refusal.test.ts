import { describe, expect, it } from 'vitest';
import { rollbackRefusal } from '../../../shared/import/rollback-refusal';
import type { PathSegment } from '../../../shared/model/schema';

const path: PathSegment[] = [
  { kind: 'database', name: 'sh`op' },
  { kind: 'group', name: 'tables' },
  { kind: 'table', name: 'log s' },
];

describe('CSV import refusal for engines that cannot roll back', () => {
  it('names the table, the engine, what would go wrong and what to do', () => {
    expect(rollbackRefusal(path, { name: 'MyISAM', transactional: false })).toBe(
      'The table `sh``op`.`log s` uses the MyISAM storage engine, which cannot roll back: if a row failed, the rows imported before it would stay in the table. ' +
        'Convert the table first (ALTER TABLE `sh``op`.`log s` ENGINE=InnoDB), or import into an InnoDB table.',
    );
  });

  it('lets transactional engines and tables without an engine through', () => {
    expect(rollbackRefusal(path, { name: 'InnoDB', transactional: true })).toBeNull();
    expect(rollbackRefusal(path, undefined)).toBeNull();
  });
});
