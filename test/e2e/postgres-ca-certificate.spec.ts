import { SNAKEOIL_CERT } from '../support/tls-fixtures';
import { connectionListItem, revealTreeItem } from './app-ui';
import { expect, test } from './fixtures';

test('the dialog names a CA certificate file for verify-ca, and the connection trusts it', async ({ page, strata }) => {
  void strata;
  const name = `strata_e2e_pg_ca_${Date.now()}`;
  await page.getByRole('button', { name: 'New connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New connection' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Database', { exact: true }).fill('postgres');
  // Admitted over TLS only; test/support/postgres-setup.sh creates it.
  await dialog.getByLabel('User', { exact: true }).fill('strata_tls_user');

  const sslMode = dialog.getByLabel('SSL mode', { exact: true });
  const caFile = dialog.getByLabel('CA certificate file', { exact: true });
  const outcome = dialog.locator('.test-outcome');
  const testConnection = () => dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(sslMode).toHaveAccessibleDescription(/^No encryption/);
  await expect(caFile).toHaveCount(0);

  await sslMode.selectOption('verify-ca');
  await expect(sslMode).toHaveAccessibleDescription(/signed by the CA below .* Any host name is accepted\./);
  await expect(caFile).toBeVisible();
  // The browser host cannot show a native file dialog, so the path is typed.
  await expect(dialog.getByRole('button', { name: 'Browse…' })).toHaveCount(0);

  await testConnection();
  await expect(outcome).toContainText("TLS The server's certificate could not be verified (self-signed certificate). SSL mode 'verify-ca' needs a certificate");

  await caFile.fill('certs/ca.pem');
  await testConnection();
  await expect(dialog.getByText("Enter the file's full path")).toBeVisible();

  await caFile.fill('/nonexistent/strata-e2e/ca.pem');
  await testConnection();
  await expect(outcome).toContainText('TLS The CA certificate file "/nonexistent/strata-e2e/ca.pem" does not exist. Check the path in the connection settings.');

  await caFile.fill(SNAKEOIL_CERT);
  await testConnection();
  await expect(outcome).toContainText(/Connected: PostgreSQL/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await connectionListItem(page, name).click();
  await revealTreeItem(page, 'public', ['postgres']);

  // Editing shows the saved file; 'verify-full' keeps it and also checks the host, which the certificate does not name.
  const item = page.getByRole('listitem').filter({ hasText: name });
  await item.hover();
  await item.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit connection' });
  await expect(edit.getByLabel('CA certificate file', { exact: true })).toHaveValue(SNAKEOIL_CERT);
  await edit.getByLabel('SSL mode', { exact: true }).selectOption('verify-full');
  await expect(edit.getByLabel('CA certificate file', { exact: true })).toHaveValue(SNAKEOIL_CERT);
  await edit.getByRole('button', { name: 'Test connection' }).click();
  await expect(edit.locator('.test-outcome')).toContainText('TLS The server\'s certificate is not valid for the host "127.0.0.1"');
  await edit.getByLabel('SSL mode', { exact: true }).selectOption('require');
  await expect(edit.getByLabel('CA certificate file', { exact: true })).toHaveCount(0);
});
