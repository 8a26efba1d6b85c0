import { describe, expect, it } from 'vitest';
import { displayVersion, flavorOf, sessionSettings } from '../../../electron/core/drivers/mysql/server-flavor';

describe('MySQL server flavor', () => {
  it('tells MariaDB from MySQL by the version string and shows the number users compare', () => {
    expect(flavorOf('10.11.19-MariaDB-0+deb12u1')).toBe('mariadb');
    expect(flavorOf('8.0.36')).toBe('mysql');
    expect(displayVersion('10.11.19-MariaDB-0+deb12u1')).toBe('MariaDB 10.11.19');
    expect(displayVersion('8.4.2-commercial')).toBe('MySQL 8.4.2');
  });

  it('sets the statement timeout in the unit and variable of each server, and read-only sessions', () => {
    expect(sessionSettings({ readOnly: false, statementTimeoutMs: 0 }, 'mariadb')).toEqual([]);
    expect(sessionSettings({ readOnly: true, statementTimeoutMs: 1500 }, 'mariadb')).toEqual([
      'SET SESSION TRANSACTION READ ONLY',
      'SET SESSION max_statement_time = 1.5',
    ]);
    expect(sessionSettings({ readOnly: false, statementTimeoutMs: 1500 }, 'mysql')).toEqual(['SET SESSION max_execution_time = 1500']);
  });
});
