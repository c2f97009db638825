/**
 * The board as files: xlsx (exceljs, loaded only when someone exports) with the picture on one
 * sheet and one row per assignment on another, and CSV of the picture (UTF-8 with a BOM, so
 * Excel opens the Chinese text correctly).
 */
import type { BoardAssignmentFragment } from '../../../gql/graphql';
import type { BoardDay, BoardRow, BoardView, Half } from './grid-model';
import { boardTable, cellKey, HALVES } from './grid-model';

export interface BoardExport {
  view: BoardView;
  days: BoardDay[];
  rows: BoardRow[];
  index: Map<string, BoardAssignmentFragment[]>;
  assignments: BoardAssignmentFragment[];
  colours: Map<string, string>;
  language: string;
  /** Localised texts: sheet names, column heads, half-day names */
  texts: { board: string; list: string; rowHeader: string; halves: Record<Half, string>; columns: string[]; pinned: string; sessions: Record<string, string> };
  fileName: string;
}

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function exportCsv(x: BoardExport): void {
  const { header, body } = boardTable(x.view, x.days, x.rows, x.index, x.language, x.texts.halves, x.texts.rowHeader);
  const text = [...header, ...body].map((r) => r.map(csvCell).join(',')).join('\r\n');
  saveFile(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }), `${x.fileName}.csv`);
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export async function exportXlsx(x: BoardExport): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const sheet = book.addWorksheet(x.texts.board, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  const { header, body } = boardTable(x.view, x.days, x.rows, x.index, x.language, x.texts.halves, x.texts.rowHeader);
  header.forEach((r) => sheet.addRow(r).font = { bold: true });
  x.days.forEach((_, i) => sheet.mergeCells(1, 2 + i * 2, 1, 3 + i * 2));
  sheet.getColumn(1).width = 18;
  for (let c = 2; c <= 1 + x.days.length * 2; c++) sheet.getColumn(c).width = 14;
  body.forEach((r, ri) => {
    const row = sheet.addRow(r);
    x.days.forEach((d, di) => HALVES.forEach((h, hi) => {
      const cell = row.getCell(2 + di * 2 + hi);
      const first = x.index.get(cellKey(x.rows[ri].id, d.date, h))?.[0];
      cell.alignment = { wrapText: true, vertical: 'middle' };
      if (first) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(x.colours.get(first.host.id) ?? '#ffffff') } };
      else if (d.kind === 'weekend' || d.kind === 'holiday') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    }));
  });
  const list = book.addWorksheet(x.texts.list);
  list.addRow(x.texts.columns).font = { bold: true };
  for (const a of [...x.assignments].sort((p, q) => p.date.localeCompare(q.date) || p.specialist.name.localeCompare(q.specialist.name))) {
    list.addRow([a.date, x.texts.sessions[a.session] ?? a.session, a.specialist.name, a.host.name, x.language === 'en' ? a.specialty.nameEn : a.specialty.nameZh, a.pinned ? x.texts.pinned : '', a.id]);
  }
  list.columns.forEach((c) => { c.width = 16; });
  const buffer = await book.xlsx.writeBuffer();
  saveFile(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${x.fileName}.xlsx`);
}
