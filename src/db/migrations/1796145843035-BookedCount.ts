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
    await q.query(`CREATE FUNCTION clinic_session_count_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.state = NEW.state AND OLD.session_id = NEW.session_id THEN RETURN NULL; END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'BOOKED' THEN
          UPDATE clinic_session SET booked_count = booked_count - 1 WHERE id = OLD.session_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'BOOKED' THEN
          UPDATE clinic_session SET booked_count = booked_count + 1 WHERE id = NEW.session_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER booking_counts_session AFTER INSERT OR UPDATE OF state, session_id OR DELETE ON booking
      FOR EACH ROW EXECUTE FUNCTION clinic_session_count_bookings()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER booking_counts_session ON booking`);
    await q.query(`DROP FUNCTION clinic_session_count_bookings()`);
    await q.query(`ALTER TABLE "clinic_session" DROP CONSTRAINT "clinic_session_booked_check"`);
    await q.query(`ALTER TABLE "clinic_session" DROP COLUMN "booked_count"`);
  }
}
