// GB 11643 resident ID numbers, checked in the browser as they are typed (the hub checks again).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type NationalIdProblem = 'length' | 'shape' | 'checkChar' | 'birthDate';

export interface NationalIdFacts {
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
}

/** null when the number is well formed, else what is wrong (shown under the field as typed). */
export function nationalIdProblem(raw: string): NationalIdProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{0,17}[\dX]?$/.test(id)) return 'shape';
  if (id.length !== 18) return 'length';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK_CHARS[sum % 11] !== id[17]) return 'checkChar';
  const facts = nationalIdFacts(id);
  if (!facts) return 'birthDate';
  return null;
}

/** Birth date (digits 7–14) and sex (the 17th digit: odd for men) of a well-formed number. */
export function nationalIdFacts(raw: string): NationalIdFacts | null {
  const id = raw.trim().toUpperCase();
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birthDate || date.getTime() > Date.now()) return null;
  return { birthDate, sex: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}
