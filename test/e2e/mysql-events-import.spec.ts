import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { connectionListItem, revealTreeItem } from './app-ui';
import { expect, test } from './fixtures';

const DATABASE = `strata_e2e_my_${randomBytes(4).toString('hex')}`;
const SERVER = { host: '127.0.0.1', port: 3306, user: 'root' };

async function admin(statements: string[]): Promise<void> {
  const connection = await mysql.createConnection(SERVER);
  try {
    for (const sql of statements) await connection.query(sql);
  } finally {
    await connection.end();
  }
}

test.beforeAll(async () => {
  await admin([
    `CREATE DATABASE ${DATABASE}`,
    `CREATE TABLE ${DATABASE}.legacy_log (id INT PRIMARY KEY, message VARCHAR(100)) ENGINE=MyISAM`,
    `CREATE EVENT ${DATABASE}.nightly_purge ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00' DISABLE DO DELETE FROM ${DATABASE}.legacy_log`,
  ]);
});

test.afterAll(async () => {
  await admin([`DROP DATABASE IF EXISTS ${DATABASE}`]);
});

test('a MariaDB database lists its scheduled events, and the import dialog refuses a MyISAM table before anything is imported', async ({ page, strata }) => {
  void strata;
  const name = `strata_e2e_mysql_${Date.now()}`;
  await page.getByRole('button', { name: 'New connection' }).click();
  const connectionDialog = page.getByRole('dialog');
  await connectionDialog.getByLabel('Engine', { exact: true }).selectOption('mysql');
  await connectionDialog.getByLabel('Name', { exact: true }).fill(name);
  await connectionDialog.getByLabel('Host', { exact: true }).fill(SERVER.host);
  await connectionDialog.getByLabel('Port', { exact: true }).fill(String(SERVER.port));
  await connectionDialog.getByLabel('Database', { exact: true }).fill(DATABASE);
  await connectionDialog.getByLabel('User', { exact: true }).fill(SERVER.user);
  await connectionDialog.getByRole('button', { name: 'Save' }).click();
  await expect(connectionDialog).toBeHidden();
  await connectionListItem(page, name).click();

  const event = await revealTreeItem(page, 'nightly_purge', [DATABASE, 'Events']);
  await expect(event).toContainText('EVERY 1 DAY STARTS 2030-01-01 03:00:00 · DISABLED');

  const table = await revealTreeItem(page, 'legacy_log', ['Tables']);
  await table.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: /Import CSV into/ });
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toHaveText(
    `The table \`${DATABASE}\`.\`legacy_log\` uses the MyISAM storage engine, which cannot roll back: if a row failed, the rows imported before it would stay in the table. ` +
      `Convert the table first (ALTER TABLE \`${DATABASE}\`.\`legacy_log\` ENGINE=InnoDB), or import into an InnoDB table.`,
  );
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'log.csv', mimeType: 'text/csv', buffer: Buffer.from('id,message\n1,hello\n') });
  await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('hello');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
});
