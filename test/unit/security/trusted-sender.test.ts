import { describe, expect, it } from 'vitest';
import { isStrataError } from '../../../shared/errors';
import { isTrustedSender, untrustedSenderResult } from '../../../electron/shell/trusted-sender';

describe('isTrustedSender', () => {
  it('accepts the main frame of app://strata', () => {
    expect(isTrustedSender('app://strata/index.html', true)).toBe(true);
    expect(isTrustedSender('app://strata/index.html#/query/1', true)).toBe(true);
    expect(isTrustedSender('app://strata/', true)).toBe(true);
  });

  it('refuses a subframe even on our own origin', () => {
    expect(isTrustedSender('app://strata/index.html', false)).toBe(false);
  });

  it.each([
    'app://evil/index.html',
    'app://strata.evil.com/index.html',
    'app://strata:1234/index.html',
    'app://attacker@strata/index.html',
    'APP://evil/',
    'file:///work/out/renderer/index.html',
    'http://strata/index.html',
    'https://strata/index.html',
    'http://127.0.0.1:5173/',
    'about:blank',
    'data:text/html,<script>1</script>',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    '',
    'app:strata',
  ])('refuses the main frame of %s', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });

  it('answers untrusted senders with a contract error value, not a throw', () => {
    const result = untrustedSenderResult();
    expect(result.ok).toBe(false);
    expect(result.ok === false && isStrataError(result.error)).toBe(true);
  });
});
