import { describe, expect, it } from 'vitest';
import { checkRunSafety, isConfirmationTyped, type SafetyProfile } from '../../../renderer/features/safety/run-safety';

const ordinary: SafetyProfile = { name: 'Local shop', engine: 'postgres', database: 'shop', production: false, confirmDestructive: true };
const production: SafetyProfile = { name: 'Orders prod', engine: 'postgres', database: 'orders', production: true, confirmDestructive: true };

function request(sql: string, profile: SafetyProfile) {
  const safety = checkRunSafety(sql, profile);
  if (safety.kind !== 'confirm') throw new Error(`expected a confirmation for ${sql}`);
  return safety.request;
}

describe('the run safety check', () => {
  it('runs harmless scripts at once', () => {
    expect(checkRunSafety('select * from orders', ordinary)).toEqual({ kind: 'run' });
    expect(checkRunSafety('delete from orders where id = 1', ordinary)).toEqual({ kind: 'run' });
    expect(checkRunSafety('select * from orders where id = 1', production)).toEqual({ kind: 'run' });
  });

  it('asks before destructive statements on an ordinary connection, with Run enabled at once', () => {
    const asked = request('select 1;\ndrop table orders;\ndelete from items', ordinary);
    expect(asked).toMatchObject({ connectionName: 'Local shop', production: false, typeToConfirm: [] });
    expect(asked.statements.map((statement) => [statement.sql, statement.reason.code])).toEqual([
      ['drop table orders', 'drop'],
      ['delete from items', 'delete-without-where'],
    ]);
    expect(isConfirmationTyped(asked, '')).toBe(true);
  });

  it('runs at once when the user turned confirmations off for an ordinary connection', () => {
    expect(checkRunSafety('drop table orders', { ...ordinary, confirmDestructive: false })).toEqual({ kind: 'run' });
  });

  it('always asks on production, even when the stored profile says not to, and for any change', () => {
    const relaxed = { ...production, confirmDestructive: false };
    expect(request('drop table orders', relaxed).production).toBe(true);
    expect(request('update orders set status = 2 where id = 1', relaxed).statements[0].reason.code).toBe('update');
  });

  it('enables Run on production only once the connection or database name is typed exactly', () => {
    const asked = request('delete from orders where id = 1', production);
    expect(asked.typeToConfirm).toEqual(['Orders prod', 'orders']);
    expect(isConfirmationTyped(asked, '')).toBe(false);
    expect(isConfirmationTyped(asked, 'Orders')).toBe(false);
    expect(isConfirmationTyped(asked, 'orders prod')).toBe(false);
    expect(isConfirmationTyped(asked, 'Orders prod')).toBe(true);
    expect(isConfirmationTyped(asked, '  Orders prod ')).toBe(true);
    expect(isConfirmationTyped(asked, 'orders')).toBe(true);
  });

  it('asks for the connection name alone where there is no database name', () => {
    const sqlite: SafetyProfile = { name: 'shop.sqlite', engine: 'sqlite', database: '', production: true, confirmDestructive: true };
    expect(request('delete from t where id = 1', sqlite).typeToConfirm).toEqual(['shop.sqlite']);
  });

  it('reads the script in the connection engine dialect', () => {
    // In MySQL # starts a comment; in PostgreSQL it is an operator and the WHERE counts.
    expect(checkRunSafety('delete from t # where id = 1', { ...ordinary, engine: 'mysql' }).kind).toBe('confirm');
    expect(checkRunSafety('delete from t # where id = 1', ordinary)).toEqual({ kind: 'run' });
  });

  it('does not check engines that do not run SQL', () => {
    expect(checkRunSafety('drop table t', { ...production, engine: 'redis' })).toEqual({ kind: 'run' });
  });
});
