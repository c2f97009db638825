import { DataSource } from 'typeorm';
import { unauthenticated } from '../errors';
import { isLanguage, Language } from '../i18n/language';
import { Role } from './roles';

/** Who is making a request, with what the policy needs to decide. */
export interface Actor {
  personId: number;
  name: string;
  roles: Role[];
  hospitalId: number;
  /** Consortia the actor's home hospital belongs to. */
  consortiumIds: number[];
  /** Departments the person practises (person_specialty): which consultation queues a specialist serves. */
  specialtyIds: number[];
  /** Saved language of the hub's sentences; null: the client's Accept-Language decides. */
  language: Language | null;
}

export async function loadActor(db: DataSource, personId: number): Promise<Actor> {
  const [row] = await db.query(
    `SELECT p.id, p.name, p.roles, p.hospital_id, p.active, p.language,
            COALESCE(array_agg(m.consortium_id) FILTER (WHERE m.consortium_id IS NOT NULL), '{}') AS consortium_ids,
            ARRAY(SELECT s.department_id FROM person_specialty s WHERE s.person_id = p.id ORDER BY 1) AS specialty_ids
       FROM person p LEFT JOIN consortium_membership m ON m.hospital_id = p.hospital_id
      WHERE p.id = $1 GROUP BY p.id`,
    [personId],
  );
  if (!row || !row.active) throw unauthenticated('auth.goneOrDeactivated');
  return { personId: row.id, name: row.name, roles: row.roles, hospitalId: row.hospital_id, consortiumIds: row.consortium_ids, specialtyIds: row.specialty_ids, language: isLanguage(row.language) ? row.language : null };
}
