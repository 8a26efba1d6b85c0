import { describe, expect, it } from 'vitest';
import { tableObjectsStatement } from '../../../electron/core/drivers/mysql/catalog-queries';
import { catalogSupport, hasCheckConstraintsTable } from '../../../electron/core/drivers/mysql/catalog-support';

describe('MySQL catalog support by server version', () => {
  it.each([
    ['5.7.44', false],
    ['5.7.44-log', false],
    ['8.0.15', false],
    ['8.0.16', true],
    ['8.0.36', true],
    ['8.4.0', true],
    ['9.1.0', true],
    ['10.1.48-MariaDB', false],
    ['10.2.1-MariaDB', false],
    ['10.2.21-MariaDB', false],
    ['10.2.22-MariaDB', true],
    ['10.3.9-MariaDB', false],
    ['10.3.10-MariaDB', true],
    ['10.4.0-MariaDB', true],
    ['10.11.19-MariaDB-0+deb12u1', true],
    ['11.4.2-MariaDB', true],
  ])('%s lists check constraints in information_schema: %s', (version, expected) => {
    expect(hasCheckConstraintsTable(version)).toBe(expected);
  });

  it('takes a version it cannot read for a current server', () => {
    expect(hasCheckConstraintsTable('')).toBe(true);
    expect(catalogSupport('unknown')).toEqual({ flavor: 'mysql', checkConstraints: true });
  });

  it('reads check constraints only where the server has them, binding one value per placeholder', () => {
    const types = ['BASE TABLE', 'SYSTEM VERSIONED'] as const;
    for (const version of ['5.7.44', '8.0.36', '10.1.48-MariaDB', '10.11.19-MariaDB-0+deb12u1']) {
      const support = catalogSupport(version);
      const { sql, params } = tableObjectsStatement(support, 'shop', 'orders', types);
      expect(sql.includes('CHECK_CONSTRAINTS'), version).toBe(support.checkConstraints);
      expect(sql.match(/\?/g)?.length, version).toBe(params.length);
      expect(params.slice(0, 4)).toEqual(['shop', 'orders', ...types]);
    }
    // MySQL names check constraints per database, so its query joins TABLE_CONSTRAINTS; MariaDB's has TABLE_NAME.
    expect(tableObjectsStatement(catalogSupport('8.0.36'), 'd', 't', types).sql).toContain('JOIN information_schema.CHECK_CONSTRAINTS');
    expect(tableObjectsStatement(catalogSupport('10.11.19-MariaDB'), 'd', 't', types).sql).not.toContain('JOIN information_schema.CHECK_CONSTRAINTS');
  });
});
