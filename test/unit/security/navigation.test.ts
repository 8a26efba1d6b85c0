import { describe, expect, it } from 'vitest';
import { externalLinkTarget, isAllowedNavigation, safeExternalUrl } from '../../../electron/shell/navigation';

const HOSTILE_URLS = [
  'file:///C:/Windows/System32/calc.exe',
  'file:///etc/passwd',
  'javascript:alert(document.domain)',
  'JavaScript:alert(1)',
  'smb://attacker/share/payload.exe',
  '\\\\attacker\\share\\payload.exe',
  'ms-msdt:/id PCWDiagnostic',
  'vscode://file/etc/passwd',
  'ssh://host',
  'data:text/html,<script>alert(1)</script>',
  'ftp://example.com/file',
  'mailto:someone@example.com',
  'app://strata/index.html',
  'http://user:password@example.com/',
  'https:',
  'https://',
  '/relative/path',
  'example.com',
  '',
];

describe('isAllowedNavigation', () => {
  it('allows only our own app:// origin', () => {
    expect(isAllowedNavigation('app://strata/index.html')).toBe(true);
    expect(isAllowedNavigation('app://strata/index.html?x=1#y')).toBe(true);
  });

  it.each(['https://example.com/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://evil/', 'about:blank', 'javascript:void 0'])(
    'blocks %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(false);
    },
  );
});

describe('safeExternalUrl', () => {
  it('passes http and https links, normalized', () => {
    expect(safeExternalUrl('https://www.postgresql.org/docs/')).toBe('https://www.postgresql.org/docs/');
    expect(safeExternalUrl('HTTP://Example.COM')).toBe('http://example.com/');
  });

  it.each(HOSTILE_URLS)('never hands %s to the operating system', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });
});

describe('externalLinkTarget', () => {
  it('opens a clicked https link in the browser', () => {
    expect(externalLinkTarget({ url: 'https://example.com/a', disposition: 'foreground-tab' })).toBe('https://example.com/a');
    expect(externalLinkTarget({ url: 'https://example.com/a', disposition: 'background-tab' })).toBe('https://example.com/a');
    expect(externalLinkTarget({ url: 'http://example.com/a', disposition: 'new-window' })).toBe('http://example.com/a');
  });

  it.each(HOSTILE_URLS)('does not open %s even when clicked', (url) => {
    expect(externalLinkTarget({ url, disposition: 'foreground-tab' })).toBeNull();
  });

  it('does not open links that were not clicked, nor form posts', () => {
    expect(externalLinkTarget({ url: 'https://example.com/', disposition: 'other' })).toBeNull();
    expect(externalLinkTarget({ url: 'https://example.com/', disposition: 'default' })).toBeNull();
    expect(externalLinkTarget({ url: 'https://example.com/', disposition: 'foreground-tab', postBody: { data: [] } })).toBeNull();
  });
});
