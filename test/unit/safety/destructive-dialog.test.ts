import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DestructiveConfirmDialog, MAX_LISTED_STATEMENTS } from '../../../renderer/features/safety/DestructiveConfirmDialog';
import { checkRunSafety, type SafetyProfile } from '../../../renderer/features/safety/run-safety';

const ordinary: SafetyProfile = { name: 'Local <shop>', engine: 'postgres', database: 'shop', production: false, confirmDestructive: true };
const production: SafetyProfile = { ...ordinary, name: 'Orders prod', database: 'orders', production: true };

function render(sql: string, profile: SafetyProfile): { html: string; document: string } {
  const safety = checkRunSafety(sql, profile);
  if (safety.kind !== 'confirm') throw new Error('expected a confirmation');
  const html = renderToStaticMarkup(createElement(DestructiveConfirmDialog, { request: safety.request, onAnswer: () => undefined }));
  return { html, document: html.replace(/<[^>]+>/g, ' ') };
}

/** The attributes of the first <button> whose text is `label`. */
function button(html: string, label: string): string {
  const match = new RegExp(`<button([^>]*)>${label}</button>`).exec(html);
  if (!match) throw new Error(`no ${label} button`);
  return match[1];
}

describe('the destructive-statement dialog', () => {
  it('lists each flagged statement as text with its reason, never as markup', () => {
    const { html, document } = render("update t set note = '<img src=x onerror=alert(1)>';\ndrop table orders", ordinary);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Local &lt;shop&gt;');
    expect(html.match(/<pre class="destructive-sql">/g)).toHaveLength(2);
    expect(document).toContain('UPDATE without a WHERE clause changes every row of the table.');
    expect(document).toContain('DROP TABLE deletes the object and any data in it for good.');
    expect(document).toContain('These 2 statements need your confirmation');
  });

  it('offers Cancel, focused so that Enter does not run, and an enabled Run on an ordinary connection', () => {
    const { html } = render('truncate orders', ordinary);
    expect(button(html, 'Cancel')).toContain('data-autofocus');
    expect(button(html, 'Run')).not.toContain('disabled');
    expect(html).not.toContain('<input');
  });

  it('keeps Run disabled on production until the name is typed, and says which name', () => {
    const { html, document } = render('delete from orders where id = 1', production);
    expect(button(html, 'Run')).toContain('disabled');
    expect(document).toContain('Type “Orders prod” to run');
    expect(document).toContain('The database name “orders” works too.');
    expect(document).toMatch(/Production/);
    expect(html).toMatch(/<input[^>]*data-autofocus/);
  });

  it('counts the statements beyond the listed ones instead of listing them all', () => {
    const script = Array.from({ length: MAX_LISTED_STATEMENTS + 7 }, (_, index) => `drop table t${index}`).join(';\n');
    const { html, document } = render(script, ordinary);
    expect(html.match(/<pre class="destructive-sql">/g)).toHaveLength(MAX_LISTED_STATEMENTS);
    expect(document).toContain('…and 7 more.');
  });
});
