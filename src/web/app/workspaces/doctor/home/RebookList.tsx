import { Button, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { useHubMutation } from '../../../data/useHubMutation';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import type { BookingSlipFragment, SessionCardFragment } from '../../../gql/graphql';
import { useSessions } from '../experts/useSessions';
import { departmentName, formatDate } from '../format';
import { BookingFeedDocument, NeedingRebookingDocument, RebookDocument } from '../experts/operations';

/**
 * The suggested equivalent session for a flagged booking: same specialty, open with a free
 * slot, the nearest date to the one that was lost (a later one on a tie), never in the past.
 */
export function suggestedSession(booking: BookingSlipFragment, sessions: SessionCardFragment[]): SessionCardFragment | null {
  const lost = dayjs(booking.clinicSession.date);
  const today = dayjs().format('YYYY-MM-DD');
  return sessions
    .filter((s) => s.state === 'OPEN' && s.freeSlots > 0 && s.specialty.id === booking.clinicSession.specialty.id && s.id !== booking.clinicSession.id && s.date >= today)
    .sort((a, b) => Math.abs(dayjs(a.date).diff(lost, 'day')) - Math.abs(dayjs(b.date).diff(lost, 'day')) || a.date.localeCompare(b.date))[0] ?? null;
}

/** To-do: bookings an amendment flagged NEEDS_REBOOKING, each with one click into a suggested session. */
export function RebookList() {
  const { t, i18n } = useTranslation('doctor');
  const [{ data, error }, refetch] = useQuery({ query: NeedingRebookingDocument, requestPolicy: 'cache-and-network' });
  const [refreshKey, setRefreshKey] = useState(0);
  const { sessions } = useSessions(dayjs().format('YYYY-MM-DD'), dayjs().add(62, 'day').format('YYYY-MM-DD'), refreshKey);
  const [rebook] = useHubMutation(RebookDocument);
  // An amendment flags (or a re-booking settles) a booking while the list is open: read it again.
  useResumableSubscription(BookingFeedDocument, {
    variables: {},
    cursorOf: (d) => d.bookingChanged.cursor,
    onData: ({ bookingChanged: b }) => {
      if (b.action === 'NEEDS_REBOOKING' || b.action === 'REBOOKED' || b.action === 'CANCELLED') refetch({ requestPolicy: 'network-only' });
    },
  });
  const flagged = data?.bookingsNeedingRebooking ?? [];
  useEffect(() => setRefreshKey((k) => k + 1), [flagged.length]);
  return (
    <Card size="small" title={<Space>{t('home.rebookTitle')}<Tag color={flagged.length ? 'orange' : 'default'} data-testid="rebook-count">{flagged.length}</Tag></Space>}>
      <QueryError error={error} />
      <List
        dataSource={flagged}
        locale={{ emptyText: t('home.rebookNone') }}
        renderItem={(b) => {
          const suggestion = sessions ? suggestedSession(b, sessions) : null;
          return (
            <List.Item
              data-testid="rebook-item"
              actions={[
                suggestion ? (
                  <Button key="rebook" type="primary" size="small" data-testid="rebook"
                    onClick={async () => {
                      if ((await rebook({ input: { bookingId: b.id, sessionId: suggestion.id } })).data) refetch({ requestPolicy: 'network-only' });
                    }}>
                    {t('home.rebookInto', { date: formatDate(suggestion.date), time: t(`sessionTime.${suggestion.session}`), name: suggestion.specialist.name })}
                  </Button>
                ) : <Typography.Text key="none" type="secondary">{t('home.noSuggestion')}</Typography.Text>,
              ]}
            >
              {/* NOTE: the session's cancellation reason as the scheduler wrote it, not the booking's
                  `reason` (the hub's own English sentence around it). */}
              <List.Item.Meta
                title={`${b.patient.name} · ${departmentName(b.clinicSession.specialty, i18n.language)}`}
                description={t('home.lostSession', { date: formatDate(b.clinicSession.date), time: t(`sessionTime.${b.clinicSession.session}`), host: b.clinicSession.host.name, reason: b.clinicSession.cancelledReason ?? '' })}
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
