import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase, TestDatabase } from '../support/database';

/** What one pooled connection holds after sending the same parameterized statement three times. */
async function afterRepeating(t: TestDatabase, preparedStatements: boolean) {
  const db = createDataSource(t.url, { poolSize: 1, preparedStatements });
  await db.initialize();
  try {
    const sums: number[] = [];
    for (const n of [1, 2, 3]) sums.push((await db.query('SELECT $1::int + 40 AS sum', [n]))[0].sum);
    const [{ prepared }] = await db.query(`SELECT count(*)::int AS prepared FROM pg_prepared_statements WHERE statement LIKE '%$1::int + 40%'`);
    const [{ plan_cache_mode: mode }] = await db.query('SHOW plan_cache_mode');
    return { sums, prepared, mode };
  } finally {
    await db.destroy();
  }
}

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t.drop(); });

describe('prepared statements', () => {
  it('prepares a repeated statement once per connection, with a generic plan, and answers the same', async () => {
    expect(await afterRepeating(t, true)).toEqual({ sums: [41, 42, 43], prepared: 1, mode: 'force_generic_plan' });
  });

  it('prepares nothing and sets nothing when DATABASE_PREPARED_STATEMENTS=false (a transaction pooler)', async () => {
    expect(await afterRepeating(t, false)).toEqual({ sums: [41, 42, 43], prepared: 0, mode: 'auto' });
  });

  it('leaves a multi-statement text without parameters alone (a migration\'s)', async () => {
    const db = createDataSource(t.url, { poolSize: 1 });
    await db.initialize();
    try {
      for (let i = 0; i < 3; i++) await db.query('CREATE TEMP TABLE IF NOT EXISTS scratch (n int); INSERT INTO scratch VALUES (1)');
      expect((await db.query('SELECT count(*)::int AS n FROM scratch'))[0].n).toBe(3);
    } finally {
      await db.destroy();
    }
  });
});
