import { Directory1763870000000 } from './1763870000000-Directory';
import { SpecialtyCatalogue1763870000001 } from './1763870000001-SpecialtyCatalogue';
import { Rotations1795411678459 } from './1795411678459-Rotations';
import { ConsultationsAndReferrals1795411707971 } from './1795411707971-ConsultationsAndReferrals';
import { ReferralCriteriaCatalogue1795411707972 } from './1795411707972-ReferralCriteriaCatalogue';
import { RoomInvitations1795413901289 } from './1795413901289-RoomInvitations';
import { Notifications1796135652094 } from './1796135652094-Notifications';

/** Applied in this order; a new migration is appended here. */
export const migrations: Function[] = [Directory1763870000000, SpecialtyCatalogue1763870000001, Rotations1795411678459, ConsultationsAndReferrals1795411707971, ReferralCriteriaCatalogue1795411707972, RoomInvitations1795413901289,
  Notifications1796135652094];
