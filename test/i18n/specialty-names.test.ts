import { say } from '../../src/i18n/translate';
import { checkRoster } from '../../src/optimizer';
import { ruleMessage, specialtyLabel, unmetMessage } from '../../src/roster/sentences';

/**
 * A specialty named inside a roster sentence is said in the reader's language: the hub gives the
 * optimizer both names (rule-context.ts specialtyNames), and the sentence picks one when read.
 * (Booking and consultation sentences pass both names directly: test/roster, test/consult.)
 */
describe('specialty names inside roster sentences', () => {
  const label = specialtyLabel('心内科', 'Cardiology');

  it('says the English name to an English reader and the Chinese name to a Chinese one', () => {
    const demandExceeded = ruleMessage({ code: 'DEMAND_EXCEEDED', params: { host: '石桥镇卫生院', days: 1, specialty: label, demandId: 'd1', assigned: 2 } });
    expect(say('en', demandExceeded)).toBe('石桥镇卫生院 asked for 1 expert-days of Cardiology (demand d1) but 2 are assigned');
    expect(say('zh-CN', demandExceeded)).toBe('石桥镇卫生院 申请了 1 个心内科专家日（需求 d1），但已安排 2 个');
    const nobody = unmetMessage({ code: 'NO_SPECIALIST_WITH_SPECIALTY', params: { specialty: label } } as any);
    expect(say('en', nobody)).toBe('No specialist in the pool practises Cardiology; add one or drop the demand.');
    expect(say('zh-CN', nobody)).toMatch(/^专家库中没有心内科专家/);
  });

  it('keeps a sentence stored with the Chinese name alone as it was', () => {
    const old = unmetMessage({ code: 'NO_SPECIALIST_WITH_SPECIALTY', params: { specialty: '妇产科' } } as any);
    expect(say('en', old)).toBe('No specialist in the pool practises 妇产科; add one or drop the demand.');
  });

  it('carries both names through the optimizer itself', () => {
    const violations = checkRoster({
      specialists: [{ id: 's', name: '王医生', specialtyIds: ['1'], homeLat: 30, homeLng: 120, availableDates: ['2027-03-01'], maxDaysPerMonth: 10, maxConsecutiveDays: 5, maxTravelKm: 100 }],
      hosts: [{ id: 'h', name: '石桥镇卫生院', lat: 30, lng: 120, dailyCapacity: 2 }],
      demands: [{ id: 'd', hostId: 'h', specialtyId: '2', expertDays: 1, periodStart: '2027-03-01', periodEnd: '2027-03-31', preferredWeekdays: [], session: 'FULL_DAY', priority: 1 }],
      specialtyNames: { 2: specialtyLabel('内分泌科', 'Endocrinology') },
    }, [{ specialistId: 's', demandId: 'd', date: '2027-03-01', session: 'FULL_DAY' }]);
    const missing = violations.find((v) => v.rule === 'SPECIALTY_MISSING')!;
    expect(say('en', ruleMessage(missing.says))).toBe('王医生 does not practise Endocrinology, which 石桥镇卫生院 asked for');
    expect(say('zh-CN', ruleMessage(missing.says))).toMatch(/内分泌科/);
    expect(say('zh-CN', ruleMessage(missing.says))).not.toMatch(/Endocrinology/);
  });
});
