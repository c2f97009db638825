import { useResumableSubscription } from '../../../data/useResumableSubscription';
import { graphql } from '../../../gql';
import { useNotifications } from '../../../shell/notifications';
import { BookingFeedDocument } from '../experts/operations';
import { ReferralChangedDocument } from '../referrals/operations';

const ConsultationFeedDocument = graphql(`
  subscription DoctorConsultationFeed($after: ID) {
    consultationChanged(after: $after) { cursor action consultationId state }
  }
`);

/**
 * Fills the header's notifications for a township doctor, from now on: bookings moved or
 * flagged by a roster amendment, referrals coming to my hospital, my requests claimed.
 */
export function DoctorFeeds() {
  const { push } = useNotifications();
  useResumableSubscription(BookingFeedDocument, {
    variables: {},
    cursorOf: (d) => d.bookingChanged.cursor,
    onData: ({ bookingChanged: b }) => {
      if (b.action === 'MOVED') push({ id: `booking-${b.cursor}`, textKey: 'doctor:notifications.bookingMoved', link: '/doctor/experts' });
      if (b.action === 'NEEDS_REBOOKING') push({ id: `booking-${b.cursor}`, textKey: 'doctor:notifications.bookingFlagged', link: '/doctor', level: 'warning' });
    },
  });
  useResumableSubscription(ReferralChangedDocument, {
    variables: { incomingOnly: true },
    cursorOf: (d) => d.referralChanged.cursor,
    onData: ({ referralChanged: r }) => {
      if (r.state === 'PROPOSED') push({ id: `referral-${r.cursor}`, textKey: `doctor:notifications.referralIncoming.${r.direction}`, link: '/doctor/referrals' });
    },
  });
  useResumableSubscription(ConsultationFeedDocument, {
    variables: {},
    cursorOf: (d) => d.consultationChanged.cursor,
    onData: ({ consultationChanged: c }) => {
      if (c.state === 'CLAIMED' || c.state === 'SCHEDULED' || c.state === 'IN_SESSION' || c.state === 'COMPLETED') {
        push({ id: `consultation-${c.cursor}`, textKey: `doctor:notifications.consultation.${c.state}`, values: { id: c.consultationId }, link: `/doctor/consultations/${c.consultationId}` });
      }
    },
  });
  return null;
}
