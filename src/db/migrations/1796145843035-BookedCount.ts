import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A count of each clinic session's BOOKED bookings, kept by a trigger on booking, so a booking
 * can take the session's row lock only while a slot is free (`... AND booked_count < slot_count
 * FOR UPDATE`) and a full session refuses without queueing behind that lock. The partial unique
 * index on booking(slot_id) stays the referee for a slot; the CHECK keeps the count in range.
 */
export class BookedCount1796145843035 implements MigrationInterface {
  name = 'BookedCount1796145843035';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "clinic_session" ADD "booked_count" integer NOT NULL DEFAULT '0'`);
    await q.query(`UPDATE clinic_session s SET booked_count = (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.state = 'BOOKED')`);
    await q.query(`ALTER TABLE "clinic_session" ADD CONSTRAINT "clinic_session_booked_check" CHECK (booked_count BETWEEN 0 AND slot_count)`);
    // Statement-level, over the transition tables: a bulk write (the demo seed) moves each session's count once.
    await q.query(`CREATE FUNCTION clinic_session_count_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE clinic_session s SET booked_count = s.booked_count + d.n
            FROM (SELECT session_id, count(*) AS n FROM added WHERE state = 'BOOKED' GROUP BY session_id) d WHERE s.id = d.session_id;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE clinic_session s SET booked_count = s.booked_count - d.n
            FROM (SELECT session_id, count(*) AS n FROM removed WHERE state = 'BOOKED' GROUP BY session_id) d WHERE s.id = d.session_id;
        ELSE
          UPDATE clinic_session s SET booked_count = s.booked_count + d.n
            FROM (SELECT session_id, sum(n) AS n FROM (
                    SELECT session_id, 1 AS n FROM added WHERE state = 'BOOKED'
                    UNION ALL SELECT session_id, -1 FROM removed WHERE state = 'BOOKED') x
                  GROUP BY session_id HAVING sum(n) <> 0) d
            WHERE s.id = d.session_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER booking_counted_insert AFTER INSERT ON booking REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION clinic_session_count_bookings()`);
    await q.query(`CREATE TRIGGER booking_counted_update AFTER UPDATE ON booking REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION clinic_session_count_bookings()`);
    await q.query(`CREATE TRIGGER booking_counted_delete AFTER DELETE ON booking REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION clinic_session_count_bookings()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of ['booking_counted_insert', 'booking_counted_update', 'booking_counted_delete']) await q.query(`DROP TRIGGER ${trigger} ON booking`);
    await q.query(`DROP FUNCTION clinic_session_count_bookings()`);
    await q.query(`ALTER TABLE "clinic_session" DROP CONSTRAINT "clinic_session_booked_check"`);
    await q.query(`ALTER TABLE "clinic_session" DROP COLUMN "booked_count"`);
  }
}
