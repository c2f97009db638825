import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsThrottleAudit1796135672970 implements MigrationInterface {
  name = 'SessionsThrottleAudit1796135672970';

  async up(q: QueryRunner): Promise<void> {
    // Sign-in throttling (src/auth/throttle.ts): rate-limiter-flexible's table layout, created
    // here so the hub never runs DDL at request time. Not an entity: only the limiter reads it.
    await q.query(`CREATE TABLE "sign_in_throttle" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
    await q.query(`CREATE TABLE "auth_session" ("id" uuid NOT NULL, "person_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "client_address" text, "user_agent" text, CONSTRAINT "auth_session_end_check" CHECK ((ended_at IS NULL) = (end_reason IS NULL) AND (end_reason IS NULL OR end_reason IN ('SIGNED_OUT', 'REVOKED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'DEACTIVATED', 'RIGHTS_CHANGED'))), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "auth_session_open_idx" ON "auth_session"  ("person_id") WHERE ended_at IS NULL`);
    await q.query(`ALTER TABLE "audit_entry" ADD "client_address" text`);
    await q.query(`ALTER TABLE "audit_entry" ALTER COLUMN "actor_id" DROP NOT NULL`);
    await q.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry"  ("at") `);
    await q.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "FK_c98aa3c1e03f43e495723822aef" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_c98aa3c1e03f43e495723822aef"`);
    await q.query(`DROP INDEX "public"."IDX_9d18bd4a32fc0cd8ff82b12037"`);
    await q.query(`ALTER TABLE "audit_entry" ALTER COLUMN "actor_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "audit_entry" DROP COLUMN "client_address"`);
    await q.query(`DROP INDEX "public"."auth_session_open_idx"`);
    await q.query(`DROP TABLE "auth_session"`);
    await q.query(`DROP TABLE "sign_in_throttle"`);
  }
}
