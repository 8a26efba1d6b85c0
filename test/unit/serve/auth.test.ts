import { describe, expect, it } from 'vitest';
import { createRequestGuard, createToken, formatAuthority, isLoopbackHost, tokenMatches } from '../../../electron/serve/auth';

describe('tokens', () => {
  it('are 32 random bytes in base64url, different on every start', () => {
    const a = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(createToken()).not.toBe(a);
  });

  it('match only exactly', () => {
    const token = createToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false);
    expect(tokenMatches(token, `${token}x`)).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
  });
});

describe('request guard', () => {
  const token = createToken();
  const guard = createRequestGuard({ host: '127.0.0.1', port: 5123, token, localAddresses: ['192.168.1.7'] });

  it('accepts its own host and localhost, with or without a same-origin Origin', () => {
    expect(guard.checkSource({ host: '127.0.0.1:5123' })).toBeNull();
    expect(guard.checkSource({ host: 'localhost:5123', origin: 'http://localhost:5123' })).toBeNull();
    expect(guard.checkSource({ host: '127.0.0.1:5123', origin: 'http://127.0.0.1:5123' })).toBeNull();
  });

  it('refuses other Host headers (DNS rebinding) and foreign origins with 403', () => {
    expect(guard.checkSource({ host: 'evil.example:5123' })?.status).toBe(403);
    expect(guard.checkSource({ host: '127.0.0.1:5124' })?.status).toBe(403);
    expect(guard.checkSource({ host: '192.168.1.7:5123' })?.status).toBe(403);
    expect(guard.checkSource({})?.status).toBe(403);
    expect(guard.checkSource({ host: '127.0.0.1:5123', origin: 'http://evil.example' })?.status).toBe(403);
    expect(guard.checkSource({ host: '127.0.0.1:5123', origin: 'null' })?.status).toBe(403);
    expect(guard.checkSource({ host: '127.0.0.1:5123', origin: 'https://127.0.0.1:5123' })?.status).toBe(403);
  });

  it('answers 401 unless the token is right', () => {
    expect(guard.checkToken(token)).toBeNull();
    expect(guard.checkToken(null)?.status).toBe(401);
    expect(guard.checkToken(createToken())?.status).toBe(401);
  });

  it('accepts the machine’s own IP literals only when bound to a wildcard address', () => {
    const wide = createRequestGuard({ host: '0.0.0.0', port: 80, token, localAddresses: ['192.168.1.7', 'fe80::1'] });
    expect(wide.checkSource({ host: '192.168.1.7:80', origin: 'http://192.168.1.7:80' })).toBeNull();
    expect(wide.checkSource({ host: '[fe80::1]:80' })).toBeNull();
    expect(wide.checkSource({ host: 'rebound.example:80' })?.status).toBe(403);
  });

  it('brackets IPv6 literals and knows loopback', () => {
    expect(formatAuthority('::1', 9)).toBe('[::1]:9');
    expect(formatAuthority('127.0.0.1', 9)).toBe('127.0.0.1:9');
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('10.0.0.2')).toBe(false);
  });
});
