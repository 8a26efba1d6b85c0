import { describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../shared/connection-url';

describe('parseConnectionUrl: server URLs', () => {
  it('reads every part of a postgres:// URL', () => {
    expect(parseConnectionUrl('postgres://alice:secret@db.example.com:6543/shop?sslmode=require')).toEqual({
      draft: { engine: 'postgres', host: 'db.example.com', port: 6543, user: 'alice', database: 'shop', sslMode: 'require' },
      password: 'secret',
    });
  });

  it('accepts postgresql:// and fills in the default port, no password and no TLS', () => {
    expect(parseConnectionUrl('  postgresql://bob@localhost/app  ')).toEqual({
      draft: { engine: 'postgres', host: 'localhost', port: 5432, user: 'bob', database: 'app', sslMode: 'disable' },
      password: null,
    });
  });

  it('percent-decodes a password holding @, : and /, and the user and database names', () => {
    const { draft, password } = parseConnectionUrl('postgres://us%40er:p%40ss%3Aw%2Frd%25@host/my%20db');
    expect(password).toBe('p@ss:w/rd%');
    expect(draft.user).toBe('us@er');
    expect(draft.database).toBe('my db');
    expect(draft.host).toBe('host');
  });

  it('takes the last @ as the end of the user part when the password holds a raw @', () => {
    const { draft, password } = parseConnectionUrl('postgres://u:p@ss@host:5433/db');
    expect(password).toBe('p@ss');
    expect(draft).toMatchObject({ user: 'u', host: 'host', port: 5433 });
  });

  it('reads bracketed IPv6 hosts with and without a port', () => {
    expect(parseConnectionUrl('postgres://u@[::1]:5433/db').draft).toMatchObject({ host: '::1', port: 5433 });
    expect(parseConnectionUrl('mysql://root@[2001:db8::7]/shop').draft).toMatchObject({ host: '2001:db8::7', port: 3306 });
  });

  it('maps libpq and MySQL TLS modes onto disable, require, verify-ca and verify-full', () => {
    const mode = (url: string) => parseConnectionUrl(url).draft.sslMode;
    expect(mode('postgres://h/db?sslmode=disable')).toBe('disable');
    expect(mode('postgres://h/db?sslmode=prefer')).toBe('disable');
    expect(mode('postgres://h/db?sslmode=require')).toBe('require');
    expect(mode('postgres://h/db?sslmode=verify-ca')).toBe('verify-ca');
    expect(mode('postgres://h/db?application_name=x&sslmode=verify-full')).toBe('verify-full');
    expect(mode('mysql://h/db?ssl-mode=REQUIRED')).toBe('require');
    expect(mode('mysql://h/db?ssl-mode=VERIFY_CA')).toBe('verify-ca');
    expect(mode('mysql://h/db?ssl_mode=verify_ca')).toBe('verify-ca');
    expect(mode('mysql://h/db?ssl-mode=VERIFY_IDENTITY')).toBe('verify-full');
    expect(mode('postgres://h/db?ssl=true')).toBe('require');
  });

  it("reads libpq's sslrootcert into the CA certificate file, percent-decoded", () => {
    expect(parseConnectionUrl('postgres://app@db.lan/shop?sslmode=verify-full&sslrootcert=%2Fetc%2Fstrata%2Fmy%20ca.pem').draft).toMatchObject({
      sslMode: 'verify-full',
      sslRootCertPath: '/etc/strata/my ca.pem',
    });
    expect(parseConnectionUrl('postgresql://db.lan/shop?sslrootcert=/home/me/ca.crt&sslmode=verify-ca').draft).toMatchObject({
      sslMode: 'verify-ca',
      sslRootCertPath: '/home/me/ca.crt',
    });
  });

  it("reads MySQL's ssl-ca and ssl_ca, with MySQL Shell's parenthesised paths", () => {
    expect(parseConnectionUrl('mysql://root@db.lan/shop?ssl-mode=VERIFY_CA&ssl-ca=%2Fetc%2Fmysql%2Fca.pem').draft).toMatchObject({
      sslMode: 'verify-ca',
      sslRootCertPath: '/etc/mysql/ca.pem',
    });
    expect(parseConnectionUrl('mariadb://db.lan/shop?ssl_ca=C:%5Ccerts%5Cca.pem&ssl-mode=VERIFY_IDENTITY').draft).toMatchObject({
      engine: 'mysql',
      sslMode: 'verify-full',
      sslRootCertPath: 'C:\\certs\\ca.pem',
    });
    expect(parseConnectionUrl('mysql://db.lan/shop?ssl-mode=VERIFY_CA&ssl-ca=(/etc/mysql/ca.pem)').draft.sslRootCertPath).toBe('/etc/mysql/ca.pem');
  });

  it("turns 'require' with a CA file into 'verify-ca', as libpq does, and a CA file without a mode into 'verify-ca'", () => {
    expect(parseConnectionUrl('postgres://h/db?sslmode=require&sslrootcert=/ca.pem').draft).toMatchObject({ sslMode: 'verify-ca', sslRootCertPath: '/ca.pem' });
    expect(parseConnectionUrl('mysql://h/db?ssl-mode=REQUIRED&ssl-ca=/ca.pem').draft.sslMode).toBe('verify-ca');
    expect(parseConnectionUrl('postgres://h/db?sslrootcert=/ca.pem').draft.sslMode).toBe('verify-ca');
    // An explicit 'disable' stays: the file is kept for when the user picks a verify mode.
    expect(parseConnectionUrl('postgres://h/db?sslmode=disable&sslrootcert=/ca.pem').draft).toMatchObject({ sslMode: 'disable', sslRootCertPath: '/ca.pem' });
  });

  it("takes sslrootcert=system as the system's authorities, with verify-full as in libpq", () => {
    const { draft } = parseConnectionUrl('postgres://h/db?sslrootcert=system');
    expect(draft.sslMode).toBe('verify-full');
    expect(draft).not.toHaveProperty('sslRootCertPath');
    expect(parseConnectionUrl('postgres://h/db?sslmode=verify-full&sslrootcert=system').draft.sslMode).toBe('verify-full');
    expect(() => parseConnectionUrl('postgres://h/db?sslmode=require&sslrootcert=system')).toThrow(/sslrootcert=system .* needs sslmode=verify-full/);
  });

  it('leaves the CA certificate file out when the URL names none, or names an empty one', () => {
    expect(parseConnectionUrl('postgres://h/db?sslmode=verify-full').draft).not.toHaveProperty('sslRootCertPath');
    expect(parseConnectionUrl('postgres://h/db?sslmode=verify-ca&sslrootcert=').draft).not.toHaveProperty('sslRootCertPath');
    // Only the engines whose drivers read a CA file take one from the URL.
    expect(parseConnectionUrl('redis://cache/0?ssl-ca=/ca.pem').draft).not.toHaveProperty('sslRootCertPath');
  });

  it('reads the connect timeout in seconds', () => {
    expect(parseConnectionUrl('postgres://h/db?connect_timeout=5').draft.connectTimeoutMs).toBe(5000);
  });

  it('reads mysql://, mongodb://, mongodb+srv://, redis:// and rediss:// URLs', () => {
    expect(parseConnectionUrl('mysql://root:pw@127.0.0.1/shop')).toEqual({
      draft: { engine: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: 'shop', sslMode: 'disable' },
      password: 'pw',
    });
    expect(parseConnectionUrl('mongodb://admin:pw@mongo.local:27018/inventory?authSource=admin').draft).toMatchObject({
      engine: 'mongodb',
      host: 'mongo.local',
      port: 27018,
      database: 'inventory',
      user: 'admin',
    });
    expect(parseConnectionUrl('mongodb+srv://app@cluster0.example.net/prod').draft).toMatchObject({
      engine: 'mongodb',
      host: 'cluster0.example.net',
      sslMode: 'require',
    });
    expect(parseConnectionUrl('redis://:only-password@cache:6380/2')).toEqual({
      draft: { engine: 'redis', host: 'cache', port: 6380, user: '', database: '2', sslMode: 'disable' },
      password: 'only-password',
    });
    expect(parseConnectionUrl('rediss://cache.example.com').draft).toMatchObject({ engine: 'redis', port: 6379, sslMode: 'require' });
  });
});

describe('parseConnectionUrl: SQLite', () => {
  it('reads sqlite: URLs with relative and absolute paths', () => {
    expect(parseConnectionUrl('sqlite:data/app.db').draft).toEqual({
      engine: 'sqlite',
      name: 'app.db',
      host: '',
      port: 0,
      filePath: 'data/app.db',
      readOnly: false,
    });
    expect(parseConnectionUrl('sqlite:/var/lib/app.sqlite').draft.filePath).toBe('/var/lib/app.sqlite');
    expect(parseConnectionUrl('sqlite:///var/lib/app.sqlite').draft.filePath).toBe('/var/lib/app.sqlite');
  });

  it('reads file: URLs, percent-decoding the path and honouring mode=ro', () => {
    expect(parseConnectionUrl('file:///home/me/My%20Data/shop.db?mode=ro').draft).toMatchObject({
      filePath: '/home/me/My Data/shop.db',
      name: 'shop.db',
      readOnly: true,
    });
    expect(parseConnectionUrl('file://localhost/tmp/x.sqlite3').draft.filePath).toBe('/tmp/x.sqlite3');
    expect(parseConnectionUrl('file:///C:/Users/me/shop.db').draft.filePath).toBe('C:/Users/me/shop.db');
  });

  it('takes a bare path ending in .sqlite, .sqlite3 or .db as a SQLite file', () => {
    expect(parseConnectionUrl('/tmp/shop.sqlite').draft).toMatchObject({ engine: 'sqlite', filePath: '/tmp/shop.sqlite' });
    expect(parseConnectionUrl('relative/dir/app.sqlite3').draft.filePath).toBe('relative/dir/app.sqlite3');
    expect(parseConnectionUrl('C:\\data\\shop.DB').draft).toMatchObject({ engine: 'sqlite', filePath: 'C:\\data\\shop.DB', name: 'shop.DB' });
  });
});

describe('parseConnectionUrl: malformed input', () => {
  it.each([
    ['', /empty/],
    ['hello world', /does not look like a connection URL: expected postgres:\/\/user@host:5432\/db/],
    ['/tmp/notes.txt', /does not look like a connection URL/],
    ['http://example.com/db', /does not look like a connection URL/],
    ['postgres://u@host:99999/db', /port "99999" is not a number between 1 and 65535/],
    ['postgres://u@host:abc/db', /port "abc"/],
    ['postgres://u@/db', /no host/],
    ['postgres://u:p%ZZ@host/db', /password in the URL has a broken percent escape/],
    ['postgres://h1:5432,h2:5432/db', /several hosts/],
    ['postgres://h/db?sslmode=sometimes', /sslmode "sometimes" is unknown/],
    ['redis://cache/zero', /Redis databases are numbered/],
    ['sqlite:', /no file path/],
    ['file://server/share/x.db', /names a file on this computer/],
  ])('%j fails with a message that says what is wrong', (input, message) => {
    expect(() => parseConnectionUrl(input)).toThrow(message);
  });

  it('never echoes the password of a URL it rejects', () => {
    expect(() => parseConnectionUrl('postgres://u:hunter2@host:notaport/db')).toThrow(/^(?!.*hunter2)/s);
  });
});
