import DataLoader from 'dataloader';
import { ReferralCriterion } from './entities';
import { ReferralService } from './service';

/** Batching for referral fields. */
export function createReferralLoaders(services: { referrals: ReferralService }) {
  return {
    criteriaOfReferral: new DataLoader<number, ReferralCriterion[]>((ids) => services.referrals.criteriaOf(ids), { cache: false }),
  };
}

export type ReferralLoaders = ReturnType<typeof createReferralLoaders>;
