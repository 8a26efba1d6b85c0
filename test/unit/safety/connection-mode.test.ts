import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../shared/model/connection';
import { formFromDraft } from '../../../renderer/features/connections/connection-form';
import { ConnectionModeBadge } from '../../../renderer/features/connections/ConnectionModeBadge';
import { SafetySettings } from '../../../renderer/features/connections/SafetySettings';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

function settings(change: Partial<ReturnType<typeof formFromDraft>>): string {
  const form = { ...formFromDraft(emptyDraft('postgres'), false), ...change };
  return renderToStaticMarkup(createElement(SafetySettings, { form, onChange: () => undefined, onProductionChange: () => undefined }));
}

/** The attributes of the checkbox labelled `label`. */
function checkbox(html: string, label: string): string {
  const match = new RegExp(`<input([^>]*)/><label[^>]*>${label}</label>`).exec(html);
  if (!match) throw new Error(`no ${label} checkbox`);
  return match[1];
}

describe('the connection mode badge', () => {
  it('shows nothing for an ordinary connection', () => {
    expect(renderToStaticMarkup(createElement(ConnectionModeBadge, { profile: { engine: 'postgres', readOnly: false, production: false } }))).toBe('');
    expect(renderToStaticMarkup(createElement(ConnectionModeBadge, { profile: null }))).toBe('');
  });

  it('shows PRODUCTION and a read-only lock, saying who enforces read-only', () => {
    const html = renderToStaticMarkup(createElement(ConnectionModeBadge, { profile: { engine: 'sqlite', readOnly: true, production: true } }));
    expect(text(html)).toMatch(/Production .*Read-only/);
    expect(html).toContain('<svg');
    expect(html).toContain('The file is opened read-only');
  });
});

describe('the safety settings of the connection dialog', () => {
  it('lets an ordinary connection turn confirmations off and explains read-only', () => {
    const html = settings({});
    expect(checkbox(html, 'Production')).toContain('role="switch"');
    expect(checkbox(html, 'Production')).not.toContain('checked');
    expect(checkbox(html, 'Confirm destructive statements')).toContain('checked');
    expect(checkbox(html, 'Confirm destructive statements')).not.toContain('disabled');
    expect(text(html)).toContain('Enforced by the server session (default_transaction_read_only)');
    expect(text(html)).toContain('Strata also refuses statements that would switch it off');
    expect(text(html)).toContain('for a hard guarantee, connect as a role that may only read');
  });

  it('on production shows the badge and keeps confirmations on, saying why', () => {
    const html = settings({ production: true, confirmDestructive: false });
    expect(html).toContain('mode-badge-production');
    expect(checkbox(html, 'Confirm destructive statements')).toMatch(/checked.*disabled|disabled.*checked/);
    expect(text(html)).toContain('Always on for production connections.');
  });
});
