/** Referral events: what they carry (typed in events/topics.ts) and what subscribers get. */
import { Field, ID, ObjectType } from 'type-graphql';
import type { ReferralSubject } from '../auth/policy';
import type { EventPayload, TopicEvent } from '../events/topics';
import { Change, changeFields } from '../graphql/subscribe';
import { Referral } from './entities';
import { ReferralDirection, ReferralState } from './states';

/** The ids the policy filters on and what a list needs; no personal data. */
export interface ReferralEvent extends EventPayload, ReferralSubject {
  referralId: number;
  direction: ReferralDirection;
  state: ReferralState;
  consortiumId: number;
  greenChannel: boolean;
  actorId: number;
}

declare module '../events/topics' {
  interface TopicPayloads {
    referral: ReferralEvent;
  }
}

export const referralEvent = (r: Referral, action: string, actorId: number): ReferralEvent => ({
  action, referralId: r.id, direction: r.direction, state: r.state, consortiumId: r.consortiumId, greenChannel: r.greenChannel,
  fromHospitalId: r.fromHospitalId, toHospitalId: r.toHospitalId, referredById: r.referredById, actorId,
});

@ObjectType({ description: 'A change to a referral you may see' })
export class ReferralChange extends Change {
  @Field(() => ID) referralId: number;
  @Field(() => ReferralDirection) direction: ReferralDirection;
  @Field(() => ReferralState) state: ReferralState;
  @Field() greenChannel: boolean;
  @Field(() => ID) fromHospitalId: number;
  @Field(() => ID) toHospitalId: number;
  @Field(() => Referral, { nullable: true, description: 'The referral as it is now (loaded when asked for)' }) referral?: Referral | null;
}

export const referralChange = (e: TopicEvent<'referral'>): ReferralChange => {
  const p = e.payload;
  return Object.assign(new ReferralChange(), changeFields(e), {
    referralId: p.referralId, direction: p.direction, state: p.state, greenChannel: p.greenChannel, fromHospitalId: p.fromHospitalId, toHospitalId: p.toHospitalId,
  });
};
