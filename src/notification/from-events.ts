import { EntityManager } from 'typeorm';
import '../booking/events';
import '../consult/events';
import '../referral/events';
import type { TopicEvent, TopicPayloads } from '../events/topics';
import type { Bilingual, Message } from '../i18n/translate';
import { NotificationKind } from './kinds';

/** A notification about to be stored: who, what, and the values its sentences need. */
export interface NotificationDraft {
  recipientId: number;
  kind: NotificationKind;
  params: Record<string, string | number | Message | Bilingual>;
  consultationId?: number | null;
  referralId?: number | null;
  bookingId?: number | null;
}

/** The topics whose events may concern someone personally. */
export const SOURCE_TOPICS = ['consultation', 'referral', 'booking'] as const;
export type SourceTopic = (typeof SOURCE_TOPICS)[number];

const CONSULTATION_KIND: Record<string, NotificationKind> = {
  CLAIMED: NotificationKind.CONSULTATION_CLAIMED,
  ASSIGNED: NotificationKind.CONSULTATION_CLAIMED,
  SCHEDULED: NotificationKind.CONSULTATION_SCHEDULED,
  SESSION_STARTED: NotificationKind.CONSULTATION_STARTED,
  OPINION_WRITTEN: NotificationKind.OPINION_WRITTEN,
};

const HALF: Record<string, Message> = {
  MORNING: { key: 'notification.morning' }, AFTERNOON: { key: 'notification.afternoon' }, FULL_DAY: { key: 'notification.fullDay' },
};

/** A time as people of the consortium read it (Asia/Shanghai unless configured), e.g. 2026-12-03 09:30. */
export function localTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const specialtyNames = (row: { name_zh: string; name_en: string }): Bilingual => ({ 'zh-CN': row.name_zh, en: row.name_en });

/**
 * Who should hear of an event, and what to tell them. Reads the names as they are now (the
 * event carries ids only, never personal data); nobody is told of their own action.
 */
export async function notificationsFor(m: EntityManager, event: TopicEvent<SourceTopic>, timeZone: string): Promise<NotificationDraft[]> {
  switch (event.topic) {
    case 'consultation':
      return notMe(await fromConsultation(m, event.payload, timeZone), event.payload.actorId);
    case 'referral':
      return notMe(await fromReferral(m, event.payload), event.payload.actorId);
    case 'booking':
      return fromBooking(m, event.payload);
  }
}

const notMe = (drafts: NotificationDraft[], actorId: number | null) => drafts.filter((d) => d.recipientId !== actorId);

async function fromConsultation(m: EntityManager, p: TopicPayloads['consultation'], timeZone: string): Promise<NotificationDraft[]> {
  const kind = p.action === 'ESCALATED' ? NotificationKind.CONSULTATION_ESCALATED : CONSULTATION_KIND[p.action];
  if (!kind) return [];
  const [c] = await m.query(
    `SELECT c.id, c.requested_by_id, c.scheduled_start, d.name_zh, d.name_en, h.name AS hospital, s.name AS specialist
       FROM consultation c JOIN department d ON d.id = c.specialty_id JOIN hospital h ON h.id = c.requesting_hospital_id
       LEFT JOIN person s ON s.id = c.specialist_id
      WHERE c.id = $1`,
    [p.consultationId],
  );
  if (!c) return [];
  const specialty = specialtyNames(c);
  if (kind === NotificationKind.CONSULTATION_ESCALATED) {
    // Schedulers of the consortium the request waits in: they can assign someone.
    const schedulers: { id: number }[] = await m.query(
      `SELECT DISTINCT p.id FROM person p JOIN consortium_membership cm ON cm.hospital_id = p.hospital_id
        WHERE cm.consortium_id = $1 AND 'SCHEDULER' = ANY(p.roles) AND p.active ORDER BY p.id`,
      [p.consortiumId],
    );
    const params = { specialty, hospital: c.hospital, urgency: { key: `notification.${p.urgency}` } as Message };
    return schedulers.map((s) => ({ recipientId: s.id, kind, params, consultationId: c.id }));
  }
  const params: NotificationDraft['params'] = { specialty, specialist: c.specialist ?? '' };
  if (kind === NotificationKind.CONSULTATION_SCHEDULED && c.scheduled_start) params.at = localTime(new Date(c.scheduled_start), timeZone);
  return [{ recipientId: c.requested_by_id, kind, params, consultationId: c.id }];
}

async function fromReferral(m: EntityManager, p: TopicPayloads['referral']): Promise<NotificationDraft[]> {
  if (p.action !== 'PROPOSED') return [];
  const [r] = await m.query(
    `SELECT r.id, r.to_hospital_id, r.to_department_id, r.direction, r.green_channel, f.name AS from_name, t.name AS to_name
       FROM referral r JOIN hospital f ON f.id = r.from_hospital_id JOIN hospital t ON t.id = r.to_hospital_id WHERE r.id = $1`,
    [p.referralId],
  );
  if (!r) return [];
  // The receiving hospital's specialists of the named specialty (all its specialists when none is named).
  const receivers: { id: number }[] = await m.query(
    `SELECT p.id FROM person p
      WHERE p.hospital_id = $1 AND p.active AND 'SPECIALIST' = ANY(p.roles)
        AND ($2::int IS NULL OR EXISTS (SELECT 1 FROM person_specialty s WHERE s.person_id = p.id AND s.department_id = $2))
      ORDER BY p.id`,
    [r.to_hospital_id, r.to_department_id],
  );
  const params = { from: r.from_name, to: r.to_name, direction: { key: r.direction === 'DOWN' ? 'notification.down' : 'notification.up' } as Message, green: r.green_channel ? 1 : 0 };
  return receivers.map((x) => ({ recipientId: x.id, kind: NotificationKind.REFERRAL_INCOMING, params, referralId: r.id }));
}

async function fromBooking(m: EntityManager, p: TopicPayloads['booking']): Promise<NotificationDraft[]> {
  const kind = p.action === 'MOVED' ? NotificationKind.BOOKING_MOVED : p.action === 'NEEDS_REBOOKING' ? NotificationKind.BOOKING_NEEDS_REBOOKING : null;
  if (!kind) return [];
  const sessionId = kind === NotificationKind.BOOKING_MOVED ? p.toSessionId : p.fromSessionId;
  const [b] = await m.query(
    `SELECT b.id, b.booked_by_id, to_char(s.date, 'YYYY-MM-DD') AS date, s.session
       FROM booking b JOIN clinic_session s ON s.id = $2 WHERE b.id = $1`,
    [kind === NotificationKind.BOOKING_MOVED ? p.newBookingId ?? p.bookingId : p.bookingId, sessionId],
  );
  if (!b?.booked_by_id) return [];
  return [{ recipientId: b.booked_by_id, kind, params: { date: b.date, half: HALF[b.session] ?? b.session }, bookingId: b.id }];
}
