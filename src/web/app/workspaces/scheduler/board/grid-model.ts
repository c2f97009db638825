/**
 * The roster board as data: rows (specialists or host hospitals) × days × half-days, the
 * assignments in each cell, day kinds (weekend, holiday, make-up working day) and host colours.
 * Pure, so the screen, the print view and the xlsx/CSV exports draw the same picture.
 */
import type { BoardAssignmentFragment, CalendarDayKind } from '../../../gql/graphql';

export type Half = 'MORNING' | 'AFTERNOON';
export const HALVES: Half[] = ['MORNING', 'AFTERNOON'];
export type BoardView = 'specialist' | 'host';
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface BoardDay {
  date: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  kind: DayKind;
  /** The holiday's (or make-up working day's) name in the reader's language, when there is one */
  holidayName: string | null;
}

/** A holiday or make-up working day as the hub's calendar gives it. */
export interface SpecialDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
  nameEn: string;
}

export interface BoardRow {
  id: string;
  label: string;
}

export interface BoardFilters {
  specialtyId: string | null;
  hostId: string | null;
}

/**
 * The days from start to end, kinds taken from the hub's calendar (the same one the optimizer
 * keeps holidays free by), so a year the holiday package does not know yet and an administrator's
 * correction are shaded as the roster treats them.
 */
export function daysOf(start: string, end: string, special: readonly SpecialDay[], language: string): BoardDay[] {
  const byDate = new Map(special.map((s) => [s.date, s]));
  const out: BoardDay[] = [];
  for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
    const s = byDate.get(date);
    const kind: DayKind = s?.kind === 'HOLIDAY' ? 'holiday' : s?.kind === 'MAKEUP_WORKDAY' ? 'makeup' : weekday >= 6 ? 'weekend' : 'workday';
    out.push({ date, weekday, kind, holidayName: s ? (language === 'en' ? s.nameEn : s.name) : null });
  }
  return out;
}

export const covers = (a: { session: string }, half: Half) => a.session === 'FULL_DAY' || a.session === half;

export function filtered(assignments: readonly BoardAssignmentFragment[], f: BoardFilters): BoardAssignmentFragment[] {
  return assignments.filter((a) => (!f.specialtyId || a.specialty.id === f.specialtyId) && (!f.hostId || a.host.id === f.hostId));
}

/** Rows of the view: every specialist (or host) given, plus any that only the assignments name. */
export function rowsOf(view: BoardView, assignments: readonly BoardAssignmentFragment[], known: readonly BoardRow[]): BoardRow[] {
  const rows = new Map(known.map((r) => [r.id, r]));
  for (const a of assignments) {
    const r = view === 'specialist' ? { id: a.specialist.id, label: a.specialist.name } : { id: a.host.id, label: a.host.name };
    if (!rows.has(r.id)) rows.set(r.id, r);
  }
  return [...rows.values()];
}

export const rowKeyOf = (view: BoardView, a: BoardAssignmentFragment) => (view === 'specialist' ? a.specialist.id : a.host.id);

/** Assignments by row, date and half-day. */
export function cellIndex(view: BoardView, assignments: readonly BoardAssignmentFragment[]): Map<string, BoardAssignmentFragment[]> {
  const index = new Map<string, BoardAssignmentFragment[]>();
  for (const a of assignments) {
    for (const half of HALVES) {
      if (!covers(a, half)) continue;
      const key = cellKey(rowKeyOf(view, a), a.date, half);
      index.set(key, [...(index.get(key) ?? []), a]);
    }
  }
  return index;
}

export const cellKey = (row: string, date: string, half: Half) => `${row}|${date}|${half}`;

/** What a cell says: the specialty, and the other axis (the host on a specialist's row, the specialist on a host's). */
export function cellLabel(view: BoardView, a: BoardAssignmentFragment, language: string): string {
  const specialty = language === 'en' ? a.specialty.nameEn : a.specialty.nameZh;
  return `${specialty} · ${view === 'specialist' ? a.host.name : a.specialist.name}`;
}

// Distinguishable, print-friendly fills (light enough for dark text).
const PALETTE = ['#91caff', '#b7eb8f', '#ffd591', '#d3adf7', '#87e8de', '#ffadd2', '#fff1b8', '#adc6ff', '#ffbb96', '#d9f7be', '#eaff8f', '#e6f4ff'];

/** One colour per host hospital, stable for a given list of hosts. */
export function hostColours(hostIds: readonly string[]): Map<string, string> {
  return new Map([...new Set(hostIds)].sort((a, b) => Number(a) - Number(b)).map((id, i) => [id, PALETTE[i % PALETTE.length]]));
}

/** The board as a table of text (header rows, then one row per board row), for CSV and xlsx. */
export function boardTable(view: BoardView, days: readonly BoardDay[], rows: readonly BoardRow[], index: Map<string, BoardAssignmentFragment[]>, language: string, halfLabels: Record<Half, string>, rowHeader: string) {
  const header1 = [rowHeader, ...days.flatMap((d) => [d.date, ''])];
  const header2 = ['', ...days.flatMap(() => HALVES.map((h) => halfLabels[h]))];
  const body = rows.map((r) => [r.label, ...days.flatMap((d) => HALVES.map((h) => (index.get(cellKey(r.id, d.date, h)) ?? []).map((a) => cellLabel(view, a, language)).join(' / ')))]);
  return { header: [header1, header2], body };
}
