import { CONSULTATION_TRANSITIONS, ConsultationState as C, consultationTransition } from '../src/consult/states';
import { REFERRAL_TRANSITIONS, ReferralState as R, referralTransition } from '../src/referral/states';
import { ROSTER_TRANSITIONS } from '../src/roster/states';
import { RosterState } from '../src/roster/kinds';
import { step, transition } from '../src/state-machine';
import { DomainError } from '../src/errors';

/** The refusal a call throws: its code, field and message. */
function thrown(call: () => unknown) {
  try {
    call();
  } catch (e: any) {
    return { code: e.code, field: e.field, message: e.message };
  }
  throw new Error('expected a refusal');
}

describe('one shape for state machines', () => {
  it('derives each named consultation step: where it starts, in the order the refusals list it', () => {
    // The action table the consultation had before the machines took one shape.
    expect(step(CONSULTATION_TRANSITIONS, C.CLAIMED)).toEqual({ from: [C.REQUESTED], to: C.CLAIMED });
    expect(step(CONSULTATION_TRANSITIONS, C.REQUESTED)).toEqual({ from: [C.CLAIMED, C.SCHEDULED], to: C.REQUESTED });
    expect(step(CONSULTATION_TRANSITIONS, C.SCHEDULED)).toEqual({ from: [C.CLAIMED, C.SCHEDULED], to: C.SCHEDULED });
    expect(step(CONSULTATION_TRANSITIONS, C.IN_SESSION)).toEqual({ from: [C.CLAIMED, C.SCHEDULED], to: C.IN_SESSION });
    expect(step(CONSULTATION_TRANSITIONS, C.ENDED)).toEqual({ from: [C.IN_SESSION], to: C.ENDED });
    expect(step(CONSULTATION_TRANSITIONS, C.COMPLETED)).toEqual({ from: [C.ENDED], to: C.COMPLETED });
    expect(step(CONSULTATION_TRANSITIONS, C.CANCELLED)).toEqual({ from: [C.REQUESTED, C.CLAIMED, C.SCHEDULED], to: C.CANCELLED });
    expect(consultationTransition(7, C.SCHEDULED, 'SCHEDULE')).toBe(C.SCHEDULED);
    expect(thrown(() => consultationTransition(7, C.IN_SESSION, 'CANCEL'))).toEqual({
      code: 'CONFLICT', field: 'id',
      message: 'Consultation 7 cannot be cancelled: it is IN_SESSION; it can be cancelled only when REQUESTED or CLAIMED or SCHEDULED',
    });
  });

  it('derives each named referral step the same way', () => {
    expect(step(REFERRAL_TRANSITIONS, R.ACCEPTED)).toEqual({ from: [R.PROPOSED], to: R.ACCEPTED });
    expect(step(REFERRAL_TRANSITIONS, R.DECLINED)).toEqual({ from: [R.PROPOSED], to: R.DECLINED });
    expect(step(REFERRAL_TRANSITIONS, R.ARRIVED)).toEqual({ from: [R.ACCEPTED], to: R.ARRIVED });
    expect(step(REFERRAL_TRANSITIONS, R.COMPLETED)).toEqual({ from: [R.ARRIVED], to: R.COMPLETED });
    expect(step(REFERRAL_TRANSITIONS, R.CANCELLED)).toEqual({ from: [R.PROPOSED, R.ACCEPTED], to: R.CANCELLED });
    expect(thrown(() => referralTransition(3, R.ARRIVED, 'CANCEL')).message)
      .toBe('Referral 3 cannot be cancelled: it is ARRIVED; it can be cancelled only when PROPOSED or ACCEPTED');
  });

  it('refuses a transition by state with what the thing can become instead', () => {
    expect(transition(ROSTER_TRANSITIONS, ['roster', 5], RosterState.DRAFT, RosterState.PUBLISHED)).toBe(RosterState.PUBLISHED);
    expect(thrown(() => transition(ROSTER_TRANSITIONS, ['roster', 5], RosterState.DRAFT, RosterState.CLOSED))).toEqual({
      code: 'CONFLICT', field: 'state', message: 'Roster 5 is DRAFT and cannot become CLOSED (from DRAFT it can become PUBLISHED)',
    });
    expect(thrown(() => transition(ROSTER_TRANSITIONS, ['roster', 5], RosterState.CLOSED, RosterState.PUBLISHED)).message)
      .toBe('Roster 5 is CLOSED and cannot become PUBLISHED (CLOSED is final)');
    // The same refusal in Chinese.
    let refusal: unknown;
    try {
      transition(ROSTER_TRANSITIONS, ['roster', 5], RosterState.DRAFT, RosterState.CLOSED);
    } catch (e) {
      refusal = e;
    }
    expect((refusal as DomainError).localized('zh-CN')).toBe('排班 5 当前为 DRAFT，不能变为 CLOSED（DRAFT 只能变为 PUBLISHED）');
  });
});
