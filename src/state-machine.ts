/**
 * The one shape of the hub's state machines (consultation, referral, roster, booking): a table
 * that lists, for each state, the states it may become. Each area keeps its table next to its
 * states; every change of a state goes through `transition` or a named `step` of the table.
 */
import { conflict } from './errors';
import type { MessageKey } from './i18n/catalogue';
import { message, orList } from './i18n/translate';

export type Machine<S extends string> = { readonly [K in S]: readonly S[] };

export function canTransition<S extends string>(machine: Machine<S>, from: S, to: S): boolean {
  return machine[from].includes(to);
}

/**
 * A named step of a machine (e.g. a consultation's CLAIM): the state it leads to, and the states
 * it starts from, which are every state that may become `to`, in the table's order.
 * NOTE: so a step needs no table of its own; two steps into one state start from the same states.
 */
export function step<S extends string>(machine: Machine<S>, to: S): { from: S[]; to: S } {
  return { from: (Object.keys(machine) as S[]).filter((s) => canTransition(machine, s, to)), to };
}

/**
 * Returns `to` when the machine allows `from -> to`; throws CONFLICT naming the thing (its kind
 * and id), where it stands and what it could become instead.
 */
export function transition<S extends string>(machine: Machine<S>, [entity, id]: [Thing, string | number], from: S, to: S): S {
  if (canTransition(machine, from, to)) return to;
  const next = machine[from];
  const what = message(`entity.${entity}` as MessageKey);
  // States are said in the reader's language (草稿, DRAFT): catalogue table `state`, one entry per entity and state.
  const said = (s: S) => message(`state.${entity}_${s}` as MessageKey);
  throw next.length
    ? conflict('common.cannotBecome', { what, id, from: said(from), to: said(to), next: orList(next.map(said)) }, 'state')
    : conflict('common.cannotBecomeFinal', { what, id, from: said(from), to: said(to) }, 'state');
}

/** The kind of thing a machine's state belongs to: a name of the catalogue's entity table. */
type Thing = keyof typeof import('./i18n/messages/common').entity;
