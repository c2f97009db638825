import { badInput, conflict, DomainError } from '../errors';
import { message, MessageParams } from '../i18n/translate';
import type { RuleCode, RuleViolation } from '../optimizer';
import { ruleMessage } from './sentences';

/** Rules broken by what others hold (a race, a count) are CONFLICT; the rest are bad input, naming the field at fault. */
const CONFLICT_RULES = new Set<RuleCode>(['COMMITTED', 'DOUBLE_BOOKED', 'MONTHLY_LIMIT', 'CONSECUTIVE_LIMIT', 'HOST_CAPACITY', 'DEMAND_EXCEEDED']);
const RULE_FIELD: Partial<Record<RuleCode, string>> = {
  UNKNOWN_SPECIALIST: 'specialistId', UNKNOWN_DEMAND: 'demandId', SESSION_MISMATCH: 'session', OUTSIDE_PERIOD: 'date', NOT_AVAILABLE: 'date',
  BLOCKED_DAY: 'date', SPECIALTY_MISSING: 'specialistId', TRAVEL_LIMIT: 'specialistId', DOUBLE_BOOKED: 'date', MONTHLY_LIMIT: 'date',
  CONSECUTIVE_LIMIT: 'date', HOST_CAPACITY: 'date', DEMAND_EXCEEDED: 'demandId', COMMITTED: 'date',
};

/**
 * The first broken rule as an error whose message starts with the rule's code, e.g.
 * "[TRAVEL_LIMIT] 甲镇卫生院 is 120.3 km from …" / "[TRAVEL_LIMIT] 甲镇卫生院 距 … 120.3 公里…";
 * `publishing`: the roster being published, named in front.
 */
export function ruleError(violations: RuleViolation[], publishing?: number): DomainError {
  const [first] = violations;
  const others = [...new Set(violations.slice(1).map((v) => v.rule))];
  const refusal = violations.length > 1
    ? message('roster.ruleRefusedMore', { rule: first.rule, sentence: ruleMessage(first.says), count: violations.length - 1, rules: others.join(', ') })
    : message('roster.ruleRefused', { rule: first.rule, sentence: ruleMessage(first.says) });
  const [key, params]: [typeof refusal.key, MessageParams] = publishing === undefined ? [refusal.key, refusal.params!] : ['roster.publishRefused', { id: publishing, refusal }];
  return CONFLICT_RULES.has(first.rule) ? conflict(key, params, RULE_FIELD[first.rule]) : badInput(RULE_FIELD[first.rule] ?? 'input', key, params);
}
