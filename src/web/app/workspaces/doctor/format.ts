import dayjs from 'dayjs';

/** Dates and times as people here read them, in the UI language (dayjs follows it). */
export const formatDate = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD') : '');
export const formatDateTime = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');
export const formatTime = (value: string | null | undefined) => (value ? dayjs(value).format('HH:mm') : '');

/** Age in whole years from a YYYY-MM-DD birth date. */
export const ageOf = (birthDate: string) => dayjs().diff(dayjs(birthDate), 'year');

/** A department's name in the UI language. */
export const departmentName = (d: { nameZh: string; nameEn: string } | null | undefined, language: string) =>
  (d ? (language === 'en' ? d.nameEn : d.nameZh) : '');

/** Minutes and seconds of a wait. */
export function formatWait(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}
