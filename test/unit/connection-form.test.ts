import { describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../shared/connection-url';
import type { ConnectionProfile } from '../../shared/model/connection';
import {
  applyParsedUrl,
  changeEngine,
  draftFromForm,
  draftOfProfile,
  fieldForIssuePath,
  formFromProfile,
  passwordChangeFromForm,
  productionChange,
  type ConnectionForm,
} from '../../renderer/features/connections/connection-form';

const blank = (): ConnectionForm => formFromProfile(null);

const saved: ConnectionProfile = {
  id: 'c1',
  name: 'Orders prod',
  color: '#ef4444',
  engine: 'postgres',
  host: 'db.internal',
  port: 6432,
  database: 'orders',
  user: 'app',
  sslMode: 'verify-full',
  filePath: '',
  readOnly: true,
  production: true,
  confirmDestructive: true,
  statementTimeoutMs: 30_000,
  connectTimeoutMs: 5_000,
  hasPassword: true,
  builtIn: false,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('connection form', () => {
  it('round-trips a saved profile through the form unchanged', () => {
    const result = draftFromForm(formFromProfile(saved));
    expect(result.errors).toBeNull();
    expect(result.draft).toEqual(draftOfProfile(saved));
  });

  it('fills every field from a pasted postgres URL, password included, and names the connection', () => {
    const form = applyParsedUrl(blank(), parseConnectionUrl('postgresql://alice:p%40ss%3Aword@10.0.0.5:5433/sales?sslmode=require'));
    expect(form).toMatchObject({ engine: 'postgres', host: '10.0.0.5', port: '5433', database: 'sales', user: 'alice', sslMode: 'require', password: 'p@ss:word' });
    expect(form.name).toBe('sales @ 10.0.0.5');
    expect(passwordChangeFromForm(form)).toEqual({ action: 'set', value: 'p@ss:word' });
  });

  it('keeps a name the user typed when a URL is pasted', () => {
    const typed = { ...blank(), name: 'Mine', nameTouched: true };
    expect(applyParsedUrl(typed, parseConnectionUrl('postgres://h/db')).name).toBe('Mine');
  });

  it('switches to SQLite from a file path and names the connection after the file', () => {
    const form = applyParsedUrl(blank(), parseConnectionUrl('/data/shop.sqlite'));
    expect(form).toMatchObject({ engine: 'sqlite', filePath: '/data/shop.sqlite', name: 'shop.sqlite' });
    const result = draftFromForm(form);
    expect(result.draft).toMatchObject({ engine: 'sqlite', filePath: '/data/shop.sqlite', host: '', port: 0 });
  });

  it('moves the port to the new engine default unless the user changed it', () => {
    expect(changeEngine(blank(), 'mysql').port).toBe('3306');
    expect(changeEngine({ ...blank(), port: '6000' }, 'mysql').port).toBe('6000');
    expect(changeEngine(blank(), 'sqlite').port).toBe('');
  });

  it('reports wrong fields with messages instead of sending them', () => {
    const result = draftFromForm({ ...blank(), name: '  ', host: '', port: '99999', statementTimeoutSeconds: 'soon' });
    expect(result.draft).toBeNull();
    expect(result.errors).toMatchObject({
      name: 'Give the connection a name.',
      host: "Enter the server's host name or IP address.",
      port: 'Use a port from 1 to 65535.',
    });
    expect(result.errors?.statementTimeoutSeconds).toMatch(/statement timeout/i);
    expect(draftFromForm({ ...blank(), engine: 'sqlite', name: 'x', filePath: '' }).errors).toMatchObject({ filePath: "Enter the database file's path." });
  });

  it('converts timeouts from seconds to milliseconds', () => {
    const result = draftFromForm({ ...blank(), name: 'n', statementTimeoutSeconds: '2.5', connectTimeoutSeconds: '' });
    expect(result.draft).toMatchObject({ statementTimeoutMs: 2500, connectTimeoutMs: 10_000 });
  });

  it('keeps, replaces or clears the saved password as the form says', () => {
    const editing = formFromProfile(saved);
    expect(passwordChangeFromForm(editing)).toEqual({ action: 'keep' });
    expect(passwordChangeFromForm({ ...editing, password: 'new' })).toEqual({ action: 'set', value: 'new' });
    expect(passwordChangeFromForm({ ...editing, clearPassword: true })).toEqual({ action: 'clear' });
    expect(passwordChangeFromForm({ ...editing, engine: 'sqlite', password: 'ignored' })).toEqual({ action: 'keep' });
  });

  it('starts new connections as non-production, asking before destructive statements', () => {
    expect(blank()).toMatchObject({ production: false, confirmDestructive: true });
    expect(draftFromForm({ ...blank(), name: 'n' }).draft).toMatchObject({ production: false, confirmDestructive: true });
  });

  it('lets a non-production connection turn the destructive-statement confirmation off', () => {
    const result = draftFromForm({ ...blank(), name: 'scratch', color: '#22c55e', confirmDestructive: false });
    expect(result.draft).toMatchObject({ production: false, confirmDestructive: false, color: '#22c55e' });
  });

  it('tags production connections red and keeps their confirmation on whatever the form holds', () => {
    const marked = { ...blank(), name: 'orders', color: '#22c55e', ...productionChange(true) };
    expect(marked).toMatchObject({ production: true, color: '#ef4444' });
    const result = draftFromForm({ ...marked, confirmDestructive: false, color: '#3b82f6' });
    expect(result.draft).toMatchObject({ production: true, confirmDestructive: true, color: '#ef4444' });
    expect({ ...marked, ...productionChange(false) }).toMatchObject({ production: false, color: '#ef4444' });
  });

  it('saves the CA certificate file with the verify modes, trimmed, and round-trips it through a saved profile', () => {
    const form = { ...blank(), name: 'lan', sslMode: 'verify-ca' as const, sslRootCertPath: '  /etc/strata/lan-ca.pem ' };
    expect(draftFromForm(form).draft).toMatchObject({ sslMode: 'verify-ca', sslRootCertPath: '/etc/strata/lan-ca.pem' });
    expect(draftFromForm({ ...form, sslMode: 'verify-full' }).draft).toMatchObject({ sslMode: 'verify-full', sslRootCertPath: '/etc/strata/lan-ca.pem' });

    const withCa: ConnectionProfile = { ...saved, sslMode: 'verify-ca', sslRootCertPath: 'C:\\certs\\lan-ca.pem' };
    expect(formFromProfile(withCa).sslRootCertPath).toBe('C:\\certs\\lan-ca.pem');
    expect(draftOfProfile(withCa).sslRootCertPath).toBe('C:\\certs\\lan-ca.pem');
    expect(draftFromForm(formFromProfile(withCa)).draft).toEqual(draftOfProfile(withCa));
  });

  it('leaves the CA certificate file out of modes that do not verify, and out of an empty field', () => {
    const form = { ...blank(), name: 'lan', sslRootCertPath: '/etc/strata/lan-ca.pem' };
    for (const sslMode of ['disable', 'require'] as const) {
      expect(draftFromForm({ ...form, sslMode }).draft).not.toHaveProperty('sslRootCertPath');
    }
    expect(draftFromForm({ ...form, sslMode: 'verify-full', sslRootCertPath: '   ' }).draft).not.toHaveProperty('sslRootCertPath');
    expect(draftFromForm({ ...form, engine: 'sqlite', filePath: '/data/x.db', sslMode: 'verify-full' }).draft).not.toHaveProperty('sslRootCertPath');
  });

  it('asks for the full path of the CA certificate file', () => {
    const form = { ...blank(), name: 'lan', sslMode: 'verify-ca' as const };
    expect(draftFromForm({ ...form, sslRootCertPath: 'certs/ca.pem' }).errors).toEqual({
      sslRootCertPath: "Enter the file's full path, such as /etc/ssl/certs/my-ca.pem, C:\\certs\\my-ca.pem or ~/certs/my-ca.pem.",
    });
    for (const path of ['/etc/ca.pem', '~/certs/ca.pem', 'C:\\certs\\ca.pem', 'd:/ca.pem', '\\\\server\\share\\ca.pem']) {
      expect(draftFromForm({ ...form, sslRootCertPath: path }).errors).toBeNull();
    }
    expect(fieldForIssuePath('draft.sslRootCertPath')).toBe('sslRootCertPath');
  });

  it('fills the SSL mode and the CA certificate file from a pasted URL', () => {
    const form = applyParsedUrl(blank(), parseConnectionUrl('mysql://app@db.lan/shop?ssl-mode=VERIFY_CA&ssl-ca=%2Fetc%2Fmysql%2Fca.pem'));
    expect(form).toMatchObject({ engine: 'mysql', sslMode: 'verify-ca', sslRootCertPath: '/etc/mysql/ca.pem' });
    expect(draftFromForm(form).draft).toMatchObject({ sslMode: 'verify-ca', sslRootCertPath: '/etc/mysql/ca.pem' });
  });

  it('maps the host validation issue paths to form fields', () => {
    expect(fieldForIssuePath('draft.production')).toBe('production');
    expect(fieldForIssuePath('draft.port')).toBe('port');
    expect(fieldForIssuePath('draft.connectTimeoutMs')).toBe('connectTimeoutSeconds');
    expect(fieldForIssuePath('password.value')).toBe('password');
    expect(fieldForIssuePath('id')).toBeNull();
  });
});
