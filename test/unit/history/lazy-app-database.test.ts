import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../electron/core/history/app-database';
import { lazyAppDatabase } from '../../../electron/core/history/lazy-app-database';
import { HistoryService } from '../../../electron/core/services/history-service';

describe('the app database opened on first use', () => {
  it('touches nothing until history is used, then opens the file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-lazy-'));
    const database = lazyAppDatabase(() => openAppDatabase({ dataDir, log: () => undefined }));
    const history = new HistoryService({ database, log: () => undefined });
    expect(await readdir(dataDir)).toEqual([]);
    history.record({ connectionId: 'c', connectionName: 'C', sql: 'select 1', startedAt: Date.now(), durationMs: 1, rowCount: 1, affectedRows: null, status: 'ok', errorMessage: null });
    expect(await readdir(dataDir)).toContain('strata-app.sqlite');
    const page = await history.handlers['history/list']({ limit: 10 } as never, { id: 'client', emit: () => undefined } as never);
    expect(page.entries.map((entry) => entry.sql)).toEqual(['select 1']);
    database.close();
  });

  it('without its native module, history calls fail with a message and recording does not throw', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-lazy-'));
    const lines: string[] = [];
    const database = lazyAppDatabase(() => openAppDatabase({ dataDir, nativeBinding: join(dataDir, 'missing', 'better_sqlite3.node'), log: (line) => lines.push(line) }));
    const history = new HistoryService({ database, log: (line) => lines.push(line) });
    expect(() => history.record({ connectionId: 'c', connectionName: 'C', sql: 'select 1', startedAt: 0, durationMs: 1, rowCount: 1, affectedRows: null, status: 'ok', errorMessage: null })).not.toThrow();
    expect(lines.join('\n')).toMatch(/could not be added to the history/);
    await expect(history.handlers['history/list']({ limit: 10 } as never, { id: 'client', emit: () => undefined } as never)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/Query history and saved queries are unavailable/),
    });
  });
});
