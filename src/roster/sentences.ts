/**
 * The optimizer speaks in sentence codes and values (it is pure: optimizer/model.ts Sentence);
 * here, at the hub's edge, they become catalogue sentences (i18n/messages/roster.ts) that are
 * said in the reader's language when read, or stored as a key and values and said when read.
 */
import type { RuleSentence, UnmetDemand, UnmetSentence } from '../optimizer';
import type { MessageKey } from '../i18n/catalogue';
import type { AssignmentState, DemandState, JobState, RosterState } from './kinds';
import { Bilingual, bilingual, Message, message, MessageParams, translate } from '../i18n/translate';

export const RULE_KEY: Record<RuleSentence['code'], MessageKey> = {
  UNKNOWN_SPECIALIST: 'roster.ruleUNKNOWN_SPECIALIST', UNKNOWN_DEMAND: 'roster.ruleUNKNOWN_DEMAND', DEMAND_HOST_MISSING: 'roster.ruleDEMAND_HOST_MISSING',
  NOT_A_DATE: 'roster.ruleNOT_A_DATE', SESSION_MISMATCH: 'roster.ruleSESSION_MISMATCH', OUTSIDE_PERIOD: 'roster.ruleOUTSIDE_PERIOD',
  NOT_AVAILABLE: 'roster.ruleNOT_AVAILABLE', BLOCKED_DAY: 'roster.ruleBLOCKED_DAY', SPECIALTY_MISSING: 'roster.ruleSPECIALTY_MISSING',
  TRAVEL_LIMIT: 'roster.ruleTRAVEL_LIMIT', DOUBLE_BOOKED: 'roster.ruleDOUBLE_BOOKED', DOUBLE_BOOKED_TWICE: 'roster.ruleDOUBLE_BOOKED_TWICE',
  MONTHLY_LIMIT: 'roster.ruleMONTHLY_LIMIT', CONSECUTIVE_LIMIT: 'roster.ruleCONSECUTIVE_LIMIT', HOST_CAPACITY: 'roster.ruleHOST_CAPACITY',
  DEMAND_EXCEEDED: 'roster.ruleDEMAND_EXCEEDED', COMMITTED: 'roster.ruleCOMMITTED',
};

export const UNMET_KEY: Record<UnmetSentence['code'], MessageKey> = {
  NO_SPECIALIST_WITH_SPECIALTY: 'roster.unmetNO_SPECIALIST_WITH_SPECIALTY', NO_ONE_AVAILABLE: 'roster.unmetNO_ONE_AVAILABLE', TRAVEL: 'roster.unmetTRAVEL',
  TRAVEL_CLOSEST: 'roster.unmetTRAVEL_CLOSEST', HOST_CAPACITY: 'roster.unmetHOST_CAPACITY', HOST_FULL: 'roster.unmetHOST_FULL', LIMITS: 'roster.unmetLIMITS',
};

/**
 * A specialty's name as the optimizer carries it into its sentences: it takes one string per
 * specialty (it is pure and says nothing itself), so both names ride in it as JSON and
 * paramsOf turns them back into a bilingual value, said in the reader's language when read.
 * NOTE: sentences stored before this carry the Chinese name alone; those stay as they are.
 */
export const specialtyLabel = (zh: string, en: string): string => JSON.stringify(bilingual(zh, en));
function specialtyOf(value: string): Bilingual | string {
  if (!value.startsWith('{')) return value;
  try {
    const parsed = JSON.parse(value);
    return typeof parsed?.['zh-CN'] === 'string' && typeof parsed?.en === 'string' ? bilingual(parsed['zh-CN'], parsed.en) : value;
  } catch {
    return value;
  }
}

/** Values that are half-day codes, said as words (上午, morning). */
const HALF_DAY_PARAMS = new Set(['session', 'demandSession', 'otherSession']);
const HALF_DAYS = new Set(['MORNING', 'AFTERNOON', 'FULL_DAY']);

function paramsOf(params: Record<string, unknown>): MessageParams {
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (HALF_DAY_PARAMS.has(name) && typeof value === 'string' && HALF_DAYS.has(value)) out[name] = message(`booking.${value as 'MORNING'}`);
    else if (name === 'specialty' && typeof value === 'string') out[name] = specialtyOf(value);
    else out[name] = value as MessageParams[string];
  }
  return out;
}

/** A broken rule's sentence (`says` of a RuleViolation) as a catalogue message. */
export const ruleMessage = (says: { code: RuleSentence['code']; params: Record<string, unknown> }): Message => message(RULE_KEY[says.code], paramsOf(says.params));

/** Why a demand is short, as a catalogue message. */
export const unmetMessage = (says: UnmetDemand['says']): Message => message(UNMET_KEY[says.code], paramsOf(says.params));

/** A roster state said inside a sentence (草稿, DRAFT); `lower` for "was published". */
export const stateMessage = (state: RosterState | JobState | DemandState | AssignmentState, lower = false): Message => message((lower ? `roster.lower${state}` : `roster.${state}`) as MessageKey);

/** Why a job stops, carried by the abort (a DOMException, as the optimizer expects), said to the scheduler later. */
export type Stopped = DOMException & { says: Message };
export const stopped = (key: MessageKey): Stopped => Object.assign(new DOMException(translate('en', key), 'AbortError'), { says: message(key) });
