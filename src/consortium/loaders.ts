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

/**
 * An int[] parameter as PostgreSQL's array literal: pg would otherwise escape every element of a
 * thousand-id array as if it were text (bench/read/run.ts).
 */
export const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

function grouped<T>(ids: readonly number[], rows: T[], key: (row: T) => number): T[][] {
  const map = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) map.get(key(row))?.push(row);
  return ids.map((id) => map.get(id) ?? []);
}

/** One DataLoader per key (a select list) within a request, made when first asked for. */
function perKey<L>(make: (key: string) => L): (key: string) => L {
  const loaders = new Map<string, L>();
  return (key) => {
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(key)));
    return loader;
  };
}

/*
 * NOTE: the directory's list fields map plain rows to the GraphQL types (instances of the entity
 * classes, so type-graphql takes them as they are) instead of letting TypeORM build entities:
 * measured in bench/read/run.ts, entity hydration of a 1,000-person read cost more than the rest
 * of the loading together. Columns are aliased to the field names.
 * NOTE: copied into an instance holding only the selected columns (not `new`, which would add
 * every declared field), and not re-prototyped: Object.setPrototypeOf on each row measured ten
 * times slower (V8 leaves such objects off its fast property paths). Staff lists skip even the
 * copy (see staffOfHospital).
 */
export const asType = <T extends object>(type: new () => T, values: object): T => Object.assign(Object.create(type.prototype), values);

/** Person fields that are columns; staff loaders select the asked-for ones (graphql/selection.ts). */
export const PERSON_COLUMNS: Record<string, string> = {
  id: 'id', name: 'name', username: 'username', roles: 'roles', title: 'title', hospitalId: 'hospital_id', active: 'active', language: 'language', createdAt: 'created_at',
};
/** Always selected: the field resolvers beneath a person need them (hospital, specialties). */
export const PERSON_KEYS = ['id', 'hospitalId'];
const CONSORTIUM = `c.id, c.name, c.kind, c.region, c.lead_hospital_id AS "leadHospitalId", c.time_zone AS "timeZone", c.created_at AS "createdAt"`;
export const HOSPITAL_COLUMNS = `h.id, h.name, h.tier, h.county, h.latitude, h.longitude, h.grid_id AS "gridId", h.created_at AS "createdAt", h.updated_at AS "updatedAt"`;
const DEPARTMENT = `d.id, d.code, d.name_zh AS "nameZh", d.name_en AS "nameEn"`;

/**
 * Many-to-many through a link table in one statement: `sql` selects the link's source as `f`
 * and the target's columns, for the sources in $1, in the order the targets are listed.
 * Targets met twice in one batch are one object.
 */
function linked<T extends { id: number }>(db: DataSource, type: new () => T, sql: string) {
  return async (ids: readonly number[]): Promise<T[][]> => {
    const rows: ({ f: number } & T)[] = await db.query(sql, [intArray(ids)]);
    const targets = new Map<number, T>();
    const links = rows.map((r) => {
      let target = targets.get(r.id);
      if (!target) {
        const { f: _source, ...values } = r;
        targets.set(r.id, (target = asType(type, values)));
      }
      return { f: r.f, target };
    });
    return grouped(ids, links, (l) => l.f).map((group) => group.map((l) => l.target));
  };
}

const viaLink = <T extends { id: number }>(db: DataSource, type: new () => T, sql: string) => new DataLoader<number, T[]>(linked(db, type, sql), loaderOptions);

const SPECIALTIES_OF_PEOPLE = `SELECT s.person_id AS f, ${DEPARTMENT} FROM person_specialty s
  JOIN department d ON d.id = s.department_id WHERE s.person_id = ANY($1) ORDER BY s.department_id`;

/**
 * Specialties fetched together with the staff they belong to (the staff field's selection asked
 * for them): same statements per level, but the 1,000 `specialties` fields of a staff list
 * resolve at once instead of each waiting on a loader (bench/read/run.ts).
 */
const loadedSpecialties = Symbol('specialties loaded with the staff');
type WithSpecialties = Person & { [loadedSpecialties]?: Department[] };
export const specialtiesLoadedWithStaff = (person: Person): Department[] | undefined => (person as WithSpecialties)[loadedSpecialties];

export function createDirectoryLoaders(db: DataSource) {
  const specialtiesOf = linked(db, Department, SPECIALTIES_OF_PEOPLE);
  return {
    hospital: byId(db, Hospital),
    consortium: byId(db, Consortium),
    grid: byId(db, Grid),
    department: byId(db, Department),
    person: byId(db, Person),
    consortiaOfHospital: viaLink(db, Consortium, `SELECT m.hospital_id AS f, ${CONSORTIUM} FROM consortium_membership m
      JOIN consortium c ON c.id = m.consortium_id WHERE m.hospital_id = ANY($1) ORDER BY m.consortium_id`),
    hospitalsOfConsortium: viaLink(db, Hospital, `SELECT m.consortium_id AS f, ${HOSPITAL_COLUMNS} FROM consortium_membership m
      JOIN hospital h ON h.id = m.hospital_id WHERE m.consortium_id = ANY($1) ORDER BY m.hospital_id`),
    hospitalsOfGrid: new DataLoader<number, Hospital[]>(async (ids) => {
      const rows = await db.getRepository(Hospital).find({ where: { gridId: In([...ids]) }, order: { id: 'ASC' } });
      return grouped(ids, rows, (r) => r.gridId!);
    }, loaderOptions),
    /** Active staff by home hospital; key: the select list of the asked-for columns, and whether their specialties were asked for. */
    staffOfHospital: perKey((key) => new DataLoader<number, Person[]>(async (ids) => {
      const [select, withSpecialties] = key.split('|');
      // NOTE: the rows themselves, not copies: a staff list is a thousand people, the type has no
      // methods and GraphQL asks no instance of it (no isTypeOf; its field resolvers read columns).
      const people: Person[] = await db.query(`SELECT ${select} FROM person p WHERE p.hospital_id = ANY($1) AND p.active ORDER BY p.id`, [intArray(ids)]);
      if (withSpecialties && people.length) {
        const specialties = await specialtiesOf(people.map((p) => p.id));
        people.forEach((p: WithSpecialties, i) => { p[loadedSpecialties] = specialties[i]; });
      }
      return grouped(ids, people, (r) => r.hospitalId);
    }, loaderOptions)),
    specialtiesOfPerson: new DataLoader<number, Department[]>(specialtiesOf, loaderOptions),
  };
}

export type DirectoryLoaders = ReturnType<typeof createDirectoryLoaders>;
