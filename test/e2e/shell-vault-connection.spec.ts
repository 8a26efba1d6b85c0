import { connectionListItem, revealTreeItem } from './app-ui';
import { expect, test } from './fixtures';

const SECRET = 'strata-e2e-shell-secret-9f2c';
const MASTER = 'correct horse battery staple';

test('saving a password asks for a new vault, keeps the form, then saves; clearing it later asks to unlock', async ({ page, strata }) => {
  void strata;
  const name = `strata_e2e_shell_${Date.now()}`;
  await expect(page.getByRole('tree')).toBeVisible();

  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('dialog', { name: 'New connection' });
  await form.getByLabel('Connection URL').fill('postgres://postgres@127.0.0.1:5432/postgres');
  await expect(form.getByLabel('Host', { exact: true })).toHaveValue('127.0.0.1');
  await expect(form.getByLabel('Database', { exact: true })).toHaveValue('postgres');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Password', { exact: true }).fill(SECRET);
  await form.getByRole('button', { name: 'Save' }).click();

  // No vault yet: the create dialog opens over the form, which keeps what was typed.
  const create = page.getByRole('dialog', { name: 'Create the vault' });
  await expect(create).toBeVisible();
  await create.getByLabel('Master password', { exact: true }).fill('short');
  await create.getByRole('button', { name: 'Create vault' }).click();
  await expect(create.getByText('Use at least 8 characters.')).toBeVisible();
  await create.getByLabel('Master password', { exact: true }).fill(MASTER);
  await create.getByLabel('Confirm master password').fill(`${MASTER}!`);
  await create.getByRole('button', { name: 'Create vault' }).click();
  await expect(create.getByText(/The two passwords differ/)).toBeVisible();
  await create.getByLabel('Confirm master password').fill(MASTER);
  await create.getByRole('button', { name: 'Create vault' }).click();

  // The save is retried once the vault exists: the form closes and the connection opens.
  await expect(create).toBeHidden();
  await expect(form).toBeHidden();
  await expect(connectionListItem(page, name)).toBeVisible();
  await revealTreeItem(page, 'public', ['postgres']);
  expect(await page.content()).not.toContain(SECRET);

  // Lock the vault from the header.
  await page.getByRole('button', { name: 'Vault unlocked' }).click();
  await page.getByRole('menuitem', { name: 'Lock vault' }).click();
  await expect(page.getByRole('button', { name: 'Unlock vault' })).toBeVisible();

  // Edit: the saved password is not shown; clearing it needs the unlocked vault.
  const item = page.getByRole('listitem').filter({ hasText: name });
  await item.hover();
  await item.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit connection' });
  await expect(edit.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(edit.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', /saved — leave empty to keep/);
  await edit.getByRole('button', { name: 'Clear saved password' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();

  const unlock = page.getByRole('dialog', { name: 'Unlock the vault' });
  await expect(unlock).toBeVisible();
  await unlock.getByLabel('Master password').fill('not the master password');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toContainText(/password/i);
  await expect(unlock.getByLabel('Master password')).toHaveValue('not the master password');
  await unlock.getByLabel('Master password').fill(MASTER);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock).toBeHidden();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('button', { name: 'Vault unlocked' })).toBeVisible();

  // The profile no longer has a password: editing again shows an empty field without the placeholder.
  await item.hover();
  await item.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit…' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit connection' }).getByRole('button', { name: 'Clear saved password' })).toHaveCount(0);
});

test('invalid fields are reported next to the field and nothing is saved', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  const before = await page.getByRole('listitem').count();
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('dialog', { name: 'New connection' });
  await form.getByLabel('Port', { exact: true }).fill('99999');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Give the connection a name.')).toBeVisible();
  await expect(form.getByText('Use a port from 1 to 65535.')).toBeVisible();
  await expect(form.getByLabel('Port', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Connection URL').fill('ftp://nope');
  await form.getByLabel('Connection URL').blur();
  await expect(form.getByText(/does not look like a connection URL/)).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('listitem')).toHaveCount(before);
});
