import { createHmac } from 'node:crypto';
import { badInput } from '../errors';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function nationalIdCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11];
}

/** Validates an 18-character resident ID: shape, birth date inside it, and check character. */
export function normalizeNationalId(raw: string, birthDate?: string): string {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) throw badInput('nationalId', 'consortium.nationalIdFormat');
  if (nationalIdCheckChar(id.slice(0, 17)) !== id[17]) {
    throw badInput('nationalId', 'consortium.nationalIdCheck');
  }
  const embedded = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate && embedded !== birthDate) {
    throw badInput('birthDate', 'consortium.birthDateMismatch', { value: birthDate, embedded });
  }
  return id;
}

export const hashNationalId = (id: string, key: string) => createHmac('sha256', key).update(id).digest('base64url');

/** Region code and the last two characters stay readable; the birth date and serial do not. */
export const maskNationalId = (id: string) => `${id.slice(0, 6)}**********${id.slice(16)}`;
