import { Badge } from 'antd';
import { useIncomingReferralCount } from './useIncomingReferralCount';

/** Beside "Referrals" in the menu: incoming referrals still waiting for an answer. */
export function IncomingReferralBadge() {
  const count = useIncomingReferralCount();
  return <Badge count={count} size="small" data-testid="menu-incoming-badge" />;
}
