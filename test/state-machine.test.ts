import { CONSULTATION_TRANSITIONS, ConsultationState as C, consultationTransition } from '../src/consult/states';
import { REFERRAL_TRANSITIONS, ReferralState as R, referralTransition } from '../src/referral/states';
import { ASSIGNMENT_TRANSITIONS, DEMAND_TRANSITIONS, JOB_TRANSITIONS, ROSTER_TRANSITIONS } from '../src/roster/states';
import { JobState, RosterState } from '../src/roster/kinds';
import { BOOKING_TRANSITIONS, SESSION_TRANSITIONS } from '../src/booking/states';
import { BookingState } from '../src/booking/kinds';
import { catalogue, MessageKey } from '../src/i18n/catalogue';
import { LANGUAGES } from '../src/i18n/language';
import { translate } from '../src/i18n/translate';
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
    expect((refusal as DomainError).localized('zh-CN')).toBe('排班 5 当前为“草稿”，不能变为“已关闭”（“草稿”只能变为“已发布”）');
    expect((refusal as DomainError).localized('en')).toBe('Roster 5 is DRAFT and cannot become CLOSED (from DRAFT it can become PUBLISHED)');
  });

  it('says the states of every machine in the reader\'s language inside the refusal', () => {
    const refusal = (call: () => unknown) => {
      try {
        call();
      } catch (e) {
        return { 'zh-CN': (e as DomainError).localized('zh-CN'), en: (e as DomainError).localized('en') };
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => transition(BOOKING_TRANSITIONS, ['booking', 9], BookingState.MOVED, BookingState.CANCELLED))).toEqual({
      'zh-CN': '预约 9 当前为“已改约”，不能变为“已取消”（“已改约”是最终状态）', en: 'Booking 9 is MOVED and cannot become CANCELLED (MOVED is final)',
    });
    expect(refusal(() => transition(JOB_TRANSITIONS, ['rosterJob', 4], JobState.QUEUED, JobState.SUCCEEDED))).toEqual({
      'zh-CN': '排班优化任务 4 当前为“排队中”，不能变为“已完成”（“排队中”只能变为“运行中或已取消或已失败”）',
      en: 'Optimizer job 4 is QUEUED and cannot become SUCCEEDED (from QUEUED it can become RUNNING or CANCELLED or FAILED)',
    });
    // Every state of every machine that goes through transition(): both languages, never the bare key.
    const machines: [string, Record<string, readonly string[]>][] = [
      ['roster', ROSTER_TRANSITIONS], ['rosterJob', JOB_TRANSITIONS], ['demand', DEMAND_TRANSITIONS], ['assignment', ASSIGNMENT_TRANSITIONS],
      ['clinicSession', SESSION_TRANSITIONS], ['booking', BOOKING_TRANSITIONS],
    ];
    for (const [entity, machine] of machines) {
      for (const state of Object.keys(machine)) {
        const texts = (catalogue.state as Record<string, Record<string, string>>)[`${entity}_${state}`];
        expect({ entity, state, languages: LANGUAGES.filter((l) => texts?.[l]?.trim()) }).toEqual({ entity, state, languages: [...LANGUAGES] });
        expect(translate('en', `state.${entity}_${state}` as MessageKey)).toBe(state);
        expect(translate('zh-CN', `state.${entity}_${state}` as MessageKey)).toMatch(/^[\u4e00-\u9fff]+$/);
      }
    }
  });
});
