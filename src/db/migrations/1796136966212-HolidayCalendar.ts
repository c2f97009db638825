import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holidays: administrators' overrides of the published holiday calendar (a new State Council
 * notice before the package has it, local arrangements), and demands that ask for experts on
 * holidays too (by default the optimizer leaves holidays empty).
 */
export class HolidayCalendar1796136966212 implements MigrationInterface {
  name = 'HolidayCalendar1796136966212';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "calendar_day_override" ("date" date NOT NULL, "kind" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "updated_by_id" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "calendar_day_override_kind_check" CHECK (kind IN ('HOLIDAY', 'WORKDAY')), CONSTRAINT "PK_5b3e900267a07321279af444b28" PRIMARY KEY ("date"))`);
    await q.query(`ALTER TABLE "rotation_demand" ADD "include_holidays" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "calendar_day_override" ADD CONSTRAINT "FK_ef5722a10f0420474c36611a7d0" FOREIGN KEY ("updated_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "calendar_day_override" DROP CONSTRAINT "FK_ef5722a10f0420474c36611a7d0"`);
    await q.query(`ALTER TABLE "rotation_demand" DROP COLUMN "include_holidays"`);
    await q.query(`DROP TABLE "calendar_day_override"`);
  }
}
