import { Directory1763870000000 } from './1763870000000-Directory';
import { SpecialtyCatalogue1763870000001 } from './1763870000001-SpecialtyCatalogue';
import { Rotations1795411678459 } from './1795411678459-Rotations';
import { ConsultationsAndReferrals1795411707971 } from './1795411707971-ConsultationsAndReferrals';
import { ReferralCriteriaCatalogue1795411707972 } from './1795411707972-ReferralCriteriaCatalogue';
import { RoomInvitations1795413901289 } from './1795413901289-RoomInvitations';
import { ReferralRouting1796135543529 } from './1796135543529-ReferralRouting';
import { Notifications1796135652094 } from './1796135652094-Notifications';
import { SessionsThrottleAudit1796135672970 } from './1796135672970-SessionsThrottleAudit';
import { HolidayCalendar1796136966212 } from './1796136966212-HolidayCalendar';
import { SpecialistCalendar1796137952084 } from './1796137952084-SpecialistCalendar';
import { BookingPurpose1796145800468 } from './1796145800468-BookingPurpose';
import { BookedCount1796145843035 } from './1796145843035-BookedCount';
import { StoredSentences1796145852248 } from './1796145852248-StoredSentences';

/** Applied in this order (by timestamp); a new migration is appended here. */
export const migrations: Function[] = [Directory1763870000000, SpecialtyCatalogue1763870000001, Rotations1795411678459, ConsultationsAndReferrals1795411707971, ReferralCriteriaCatalogue1795411707972, RoomInvitations1795413901289,
  ReferralRouting1796135543529, Notifications1796135652094, SessionsThrottleAudit1796135672970, HolidayCalendar1796136966212, SpecialistCalendar1796137952084,
  BookingPurpose1796145800468, BookedCount1796145843035, StoredSentences1796145852248];
