import pg from 'pg';

/** Backends on the local PostgreSQL that are running a statement containing `marker` right now. */
export async function activeBackends(marker: string): Promise<number> {
  const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      "SELECT count(*) AS count FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()",
      [marker],
    );
    return Number(result.rows[0].count);
  } finally {
    await client.end();
  }
}
