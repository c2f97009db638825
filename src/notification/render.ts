import type { MessageKey } from '../i18n/catalogue';
import type { Language } from '../i18n/language';
import { MessageParams, translate } from '../i18n/translate';
import { NotificationKind } from './kinds';

const TEXT: Record<NotificationKind, { title: MessageKey; body: MessageKey }> = {
  CONSULTATION_ESCALATED: { title: 'notification.escalatedTitle', body: 'notification.escalatedBody' },
  REFERRAL_INCOMING: { title: 'notification.referralIncomingTitle', body: 'notification.referralIncomingBody' },
  BOOKING_MOVED: { title: 'notification.bookingMovedTitle', body: 'notification.bookingMovedBody' },
  BOOKING_NEEDS_REBOOKING: { title: 'notification.bookingFlaggedTitle', body: 'notification.bookingFlaggedBody' },
  CONSULTATION_CLAIMED: { title: 'notification.consultClaimedTitle', body: 'notification.consultClaimedBody' },
  CONSULTATION_SCHEDULED: { title: 'notification.consultScheduledTitle', body: 'notification.consultScheduledBody' },
  CONSULTATION_STARTED: { title: 'notification.consultStartedTitle', body: 'notification.consultStartedBody' },
  OPINION_WRITTEN: { title: 'notification.opinionWrittenTitle', body: 'notification.opinionWrittenBody' },
};

/** A notification's title and body in the reader's language. */
export function renderNotification(n: { kind: NotificationKind; params: Record<string, unknown> }, language: Language): { title: string; body: string } {
  const text = TEXT[n.kind];
  const params = n.params as MessageParams;
  const body: MessageKey = n.kind === NotificationKind.REFERRAL_INCOMING && params.green ? 'notification.referralIncomingGreenBody' : text.body;
  return { title: translate(language, text.title, params), body: translate(language, body, params) };
}
