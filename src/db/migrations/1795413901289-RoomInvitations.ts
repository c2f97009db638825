import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoomInvitations1795413901289 implements MigrationInterface {
  name = 'RoomInvitations1795413901289';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "room_invitation" ("consultation_id" integer NOT NULL, "person_id" integer NOT NULL, "invited_by_id" integer NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd2e2f227002ff07bc5dc13e24e" PRIMARY KEY ("consultation_id", "person_id"))`);
    await q.query(`ALTER TABLE "room_invitation" ADD CONSTRAINT "FK_ba0a600c053cef2775ab13e1337" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "room_invitation" ADD CONSTRAINT "FK_0622223a4854fdc9a5ee6ba5de6" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "room_invitation" ADD CONSTRAINT "FK_2bb75b824c0fafc78cdba00ff22" FOREIGN KEY ("invited_by_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "room_invitation" DROP CONSTRAINT "FK_2bb75b824c0fafc78cdba00ff22"`);
    await q.query(`ALTER TABLE "room_invitation" DROP CONSTRAINT "FK_0622223a4854fdc9a5ee6ba5de6"`);
    await q.query(`ALTER TABLE "room_invitation" DROP CONSTRAINT "FK_ba0a600c053cef2775ab13e1337"`);
    await q.query(`DROP TABLE "room_invitation"`);
  }
}
