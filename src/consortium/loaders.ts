import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Consortium, Department, Grid, Hospital, Person } from './entities';

// NOTE: cache off. A subscription keeps its context for hours, and a cached hospital would go
// stale; batching (one query per field per tick) is what prevents N+1.
export const loaderOptions = { cache: false };

/** One row per id, batched; null where the id has no row. */
export function byId<T extends { id: number }>(db: DataSource, entity: new () => T) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await db.getRepository(entity).findBy({ id: In([...ids]) } as any);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  }, loaderOptions);
}

function grouped<T>(ids: readonly number[], rows: T[], key: (row: T) => number): T[][] {
  const map = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) map.get(key(row))?.push(row);
  return ids.map((id) => map.get(id) ?? []);
}

/** Many-to-many through a link table: one query for the links, one for the targets. */
function viaLink<T extends { id: number }>(db: DataSource, entity: new () => T, table: string, from: string, to: string) {
  return new DataLoader<number, T[]>(async (ids) => {
    const links: { f: number; t: number }[] = await db.query(`SELECT ${from} AS f, ${to} AS t FROM ${table} WHERE ${from} = ANY($1) ORDER BY ${to}`, [[...ids]]);
    const targets = links.length ? await db.getRepository(entity).findBy({ id: In([...new Set(links.map((l) => l.t))]) } as any) : [];
    const byTarget = new Map(targets.map((t) => [t.id, t]));
    return grouped(ids, links, (l) => l.f).map((group) => group.map((l) => byTarget.get(l.t)!).filter(Boolean));
  }, loaderOptions);
}

export function createDirectoryLoaders(db: DataSource) {
  return {
    hospital: byId(db, Hospital),
    consortium: byId(db, Consortium),
    grid: byId(db, Grid),
    department: byId(db, Department),
    person: byId(db, Person),
    consortiaOfHospital: viaLink(db, Consortium, 'consortium_membership', 'hospital_id', 'consortium_id'),
    hospitalsOfConsortium: viaLink(db, Hospital, 'consortium_membership', 'consortium_id', 'hospital_id'),
    hospitalsOfGrid: new DataLoader<number, Hospital[]>(async (ids) => {
      const rows = await db.getRepository(Hospital).find({ where: { gridId: In([...ids]) }, order: { id: 'ASC' } });
      return grouped(ids, rows, (r) => r.gridId!);
    }, loaderOptions),
    staffOfHospital: new DataLoader<number, Person[]>(async (ids) => {
      const rows = await db.getRepository(Person).find({ where: { hospitalId: In([...ids]), active: true }, order: { id: 'ASC' } });
      return grouped(ids, rows, (r) => r.hospitalId);
    }, loaderOptions),
    specialtiesOfPerson: viaLink(db, Department, 'person_specialty', 'person_id', 'department_id'),
  };
}

export type DirectoryLoaders = ReturnType<typeof createDirectoryLoaders>;
