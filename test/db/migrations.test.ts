import { createTestDatabase, TestDatabase } from '../support/database';

let d: TestDatabase;
beforeAll(async () => { d = await createTestDatabase(); });
afterAll(async () => { await d.drop(); });

describe('migrations', () => {
  it('build exactly the schema the entities describe', async () => {
    const pending = await d.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('seed the specialty catalogue with Chinese and English names', async () => {
    const rows = await d.db.query(`SELECT code, name_zh, name_en FROM department WHERE code IN ('CARDIOLOGY', 'TCM')  ORDER BY code`);
    expect(rows).toEqual([{ code: 'CARDIOLOGY', name_zh: '心内科', name_en: 'Cardiology' }, { code: 'TCM', name_zh: '中医科', name_en: 'Traditional Chinese Medicine' }]);
  });

  it('let the database refuse states the code might get wrong', async () => {
    await expect(d.db.query(`INSERT INTO hospital (name, tier, county, latitude, longitude) VALUES ('x', 'CASTLE', 'c', 0, 0)`)).rejects.toThrow(/hospital_tier_check/);
    await expect(d.db.query(`INSERT INTO hospital (name, tier, county, latitude, longitude) VALUES ('x', 'TOWNSHIP', 'c', 95, 0)`)).rejects.toThrow(/hospital_coordinates_check/);
    const [{ id }] = await d.db.query(`INSERT INTO hospital (name, tier, county, latitude, longitude) VALUES ('h', 'TOWNSHIP', 'c', 1, 1) RETURNING id`);
    await expect(d.db.query(`INSERT INTO person (name, username, roles, hospital_id) VALUES ('p', 'pp1', '{}', $1)`, [id])).rejects.toThrow(/person_roles_check/);
    await expect(d.db.query(`INSERT INTO person (name, username, roles, hospital_id) VALUES ('p', 'pp1', '{SURGEON}', $1)`, [id])).rejects.toThrow(/person_roles_check/);
    await expect(d.db.query(`INSERT INTO person (name, username, roles, hospital_id) VALUES ('p', 'pp1', '{ADMIN}', 999999)`)).rejects.toThrow(/foreign key/);
    await expect(d.db.query(`INSERT INTO grid (name, responsible_consortium_id) VALUES ('g', 999999)`)).rejects.toThrow(/foreign key/);
  });

  it('can be undone and redone', async () => {
    // Every registered migration, newest first (features append theirs after the directory's).
    for (let i = 0; i < d.db.migrations.length; i++) await d.db.undoLastMigration();
    const [{ n }] = await d.db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'hospital'`);
    expect(n).toBe(0);
    await d.db.runMigrations();
    expect((await d.db.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
