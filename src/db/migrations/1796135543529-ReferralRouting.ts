import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referral routing: every referral names its receiving specialty (only that specialty's
 * specialists, or the new referral desk, answer it). Existing referrals without one get the
 * specialty of the criteria they cite, else of the consultation they came from, else general
 * practice (全科), so none is left that nobody may answer.
 */
export class ReferralRouting1796135543529 implements MigrationInterface {
  name = 'ReferralRouting1796135543529';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "person" DROP CONSTRAINT "person_roles_check"`);
    await q.query(`ALTER TABLE "person" ADD CONSTRAINT "person_roles_check" CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['ADMIN', 'SCHEDULER', 'SPECIALIST', 'TOWNSHIP_DOCTOR', 'REFERRAL_DESK']::text[])`);
    await q.query(`UPDATE referral r SET to_department_id = COALESCE(
        (SELECT min(k.specialty_id) FROM referral_criterion_citation x JOIN referral_criterion k ON k.id = x.criterion_id WHERE x.referral_id = r.id),
        (SELECT c.specialty_id FROM consultation c WHERE c.id = r.source_consultation_id),
        (SELECT d.id FROM department d WHERE d.code = 'GENERAL_PRACTICE'))
      WHERE to_department_id IS NULL`);
    await q.query(`ALTER TABLE "referral" ALTER COLUMN "to_department_id" SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "referral" ALTER COLUMN "to_department_id" DROP NOT NULL`);
    await q.query(`UPDATE person SET roles = array_remove(roles, 'REFERRAL_DESK') WHERE 'REFERRAL_DESK' = ANY(roles) AND cardinality(roles) > 1`);
    await q.query(`ALTER TABLE "person" DROP CONSTRAINT "person_roles_check"`);
    await q.query(`ALTER TABLE "person" ADD CONSTRAINT "person_roles_check" CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['ADMIN', 'SCHEDULER', 'SPECIALIST', 'TOWNSHIP_DOCTOR']::text[]) NOT VALID`);
  }
}
