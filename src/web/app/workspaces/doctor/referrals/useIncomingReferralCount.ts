import { useQuery } from 'urql';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import { ReferralChangedDocument, ReferralsDocument } from './operations';

/** Incoming referrals waiting for an answer (PROPOSED), kept current live: the badge's number. */
export function useIncomingReferralCount(): number {
  const [{ data }, refetch] = useQuery({ query: ReferralsDocument, variables: { incoming: true }, requestPolicy: 'cache-and-network' });
  useResumableSubscription(ReferralChangedDocument, {
    variables: { incomingOnly: true },
    cursorOf: (d) => d.referralChanged.cursor,
    onData: () => refetch({ requestPolicy: 'network-only' }),
  });
  return (data?.referrals.nodes ?? []).filter((r) => r.state === 'PROPOSED').length;
}
