import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a patient is booked for (就诊目的), so the visiting specialist can prepare for each one. */
export class BookingPurpose1796145800468 implements MigrationInterface {
  name = 'BookingPurpose1796145800468';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "booking" ADD "purpose" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "booking" DROP COLUMN "purpose"`);
  }
}
