import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sentences the hub stores for people to read later (an optimizer job's failure, why a booking
 * was moved or flagged) are kept as a catalogue key and its values, said in the reader's
 * language when read. The old text columns stay: rows written before keep their sentence.
 */
export class StoredSentences1796145852248 implements MigrationInterface {
  name = 'StoredSentences1796145852248';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "roster_job" ADD "error_message" jsonb`);
    await q.query(`ALTER TABLE "booking" ADD "reason_message" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "booking" DROP COLUMN "reason_message"`);
    await q.query(`ALTER TABLE "roster_job" DROP COLUMN "error_message"`);
  }
}
