import { Directory1763870000000 } from './1763870000000-Directory';
import { SpecialtyCatalogue1763870000001 } from './1763870000001-SpecialtyCatalogue';

/** Applied in this order; a new migration is appended here. */
export const migrations: Function[] = [Directory1763870000000, SpecialtyCatalogue1763870000001];
