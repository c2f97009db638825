import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createDataSource } from './data-source';
/**
 * Writes the difference between the entities and the migrated database as a new migration:
 * `npm run migration:generate -- Name` (DATABASE_URL names a scratch database). Review the
 * file: constraints TypeORM cannot express (exclusion, triggers) are added by hand.
 */
(async () => {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z]+$/.test(name)) throw new Error('usage: npm run migration:generate -- PascalCaseName');
  const ts = Date.now();
  const ds = createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hub_dev');
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  const esc = (q: string) => '`' + q.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = sql.upQueries.map((q) => `    await q.query(${esc(q.query)});`).join('\n');
  const down = sql.downQueries.reverse().map((q) => `    await q.query(${esc(q.query)});`).join('\n');
  writeFileSync(`src/db/migrations/${ts}-${name}.ts`, `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  async up(q: QueryRunner): Promise<void> {
${up}
  }

  async down(q: QueryRunner): Promise<void> {
${down}
  }
}
`);
  await ds.destroy();
})();
