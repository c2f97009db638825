import { badInput, conflict, DomainError } from '../errors';
import type { RuleCode, RuleViolation } from '../optimizer';

/** Rules broken by what others hold (a race, a count) are CONFLICT; the rest are bad input, naming the field at fault. */
const CONFLICT_RULES = new Set<RuleCode>(['DOUBLE_BOOKED', 'MONTHLY_LIMIT', 'CONSECUTIVE_LIMIT', 'HOST_CAPACITY', 'DEMAND_EXCEEDED']);
const RULE_FIELD: Partial<Record<RuleCode, string>> = {
  UNKNOWN_SPECIALIST: 'specialistId', UNKNOWN_DEMAND: 'demandId', SESSION_MISMATCH: 'session', OUTSIDE_PERIOD: 'date', NOT_AVAILABLE: 'date',
  BLOCKED_DAY: 'date', SPECIALTY_MISSING: 'specialistId', TRAVEL_LIMIT: 'specialistId', DOUBLE_BOOKED: 'date', MONTHLY_LIMIT: 'date',
  CONSECUTIVE_LIMIT: 'date', HOST_CAPACITY: 'date', DEMAND_EXCEEDED: 'demandId',
};

/** The first broken rule as an error whose message starts with the rule's code, e.g. "[TRAVEL_LIMIT] 甲镇卫生院 is 120.3 km from …". */
export function ruleError(violations: RuleViolation[], prefix = ''): DomainError {
  const [first] = violations;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more: ${[...new Set(violations.slice(1).map((v) => v.rule))].join(', ')})` : '';
  const message = `${prefix}[${first.rule}] ${first.message}${more}`;
  return CONFLICT_RULES.has(first.rule) ? conflict(message, RULE_FIELD[first.rule]) : badInput(RULE_FIELD[first.rule] ?? 'input', message);
}
