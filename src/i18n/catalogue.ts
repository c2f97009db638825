import { assessment } from './messages/assessment';
import { audit } from './messages/audit';
import { auth } from './messages/auth';
import { booking } from './messages/booking';
import { calendar } from './messages/calendar';
import { common, entity, validation } from './messages/common';
import { consortium } from './messages/consortium';
import { consult } from './messages/consult';
import { database } from './messages/database';
import { notification } from './messages/notification';
import { policy } from './messages/policy';
import { referral } from './messages/referral';
import { room } from './messages/room';
import { roster } from './messages/roster';
import { state } from './messages/state';

/**
 * Every sentence the hub says to a person, by domain. A domain adds its table here; the key
 * of a sentence is "<domain>.<name>", e.g. "consult.alreadyClaimed".
 */
export const catalogue = { common, entity, validation, auth, policy, consortium, consult, referral, room, booking, roster, calendar, assessment, database, notification, audit, state };

type Catalogue = typeof catalogue;
export type MessageKey = { [D in keyof Catalogue & string]: `${D}.${keyof Catalogue[D] & string}` }[keyof Catalogue & string];
