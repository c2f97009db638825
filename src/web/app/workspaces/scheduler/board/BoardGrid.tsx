import { PushpinFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BoardAssignmentFragment } from '../../../gql/graphql';
import { type BoardDay, type BoardRow, type BoardView, cellKey, cellLabel, type Half, HALVES } from './grid-model';

export interface CellRef {
  row: string;
  date: string;
  half: Half;
}

/** A message drawn on one cell: the rule an edit there would break, or the hub's refusal. */
export interface CellNote {
  cell: CellRef;
  kind: 'ok' | 'rule' | 'refusal';
  text: string;
}

interface Props {
  view: BoardView;
  days: BoardDay[];
  rows: BoardRow[];
  index: Map<string, BoardAssignmentFragment[]>;
  colours: Map<string, string>;
  editable: boolean;
  selected: CellRef | null;
  note: CellNote | null;
  onCell(cell: CellRef, assignments: BoardAssignmentFragment[]): void;
  onDrop(assignmentId: string, cell: CellRef): void;
}

const same = (a: CellRef | null, b: CellRef) => !!a && a.row === b.row && a.date === b.date && a.half === b.half;

/** Rows × days × 上午/下午; weekends and holidays shaded; a chip per assignment, coloured by host. */
export function BoardGrid({ view, days, rows, index, colours, editable, selected, note, onCell, onDrop }: Props) {
  const { t, i18n } = useTranslation('scheduler');
  return (
    <div className="board-scroll">
      <table className="board" data-testid="roster-board" data-view={view}>
        <thead>
          <tr>
            <th rowSpan={2} className="board-corner">{t(view === 'specialist' ? 'board.rowSpecialist' : 'board.rowHost')}</th>
            {days.map((d) => (
              <th key={d.date} colSpan={2} className={`board-day board-${d.kind}`} title={d.holidayName ?? undefined} data-date={d.date} data-kind={d.kind}>
                <div>{d.date.slice(5)}</div>
                <div className="board-weekday">{t(`weekday.${d.weekday}`)}{d.kind === 'holiday' ? ` · ${t('board.holiday')}` : d.kind === 'makeup' ? ` · ${t('board.makeup')}` : ''}</div>
              </th>
            ))}
          </tr>
          <tr>
            {days.flatMap((d) => HALVES.map((h) => <th key={`${d.date}${h}`} className={`board-half board-${d.kind}`}>{t(`half.${h}`)}</th>))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-row={r.id}>
              <th className="board-row-head" scope="row">{r.label}</th>
              {days.flatMap((d) => HALVES.map((h) => {
                const cell = { row: r.id, date: d.date, half: h };
                const here = index.get(cellKey(r.id, d.date, h)) ?? [];
                const cellNote = note && same(note.cell, cell) ? note : null;
                return (
                  <td
                    key={`${d.date}${h}`}
                    className={`board-cell board-${d.kind}${same(selected, cell) ? ' board-selected' : ''}${cellNote ? ` board-note-${cellNote.kind}` : ''}`}
                    data-testid={`cell-${r.id}-${d.date}-${h}`}
                    onClick={() => onCell(cell, here)}
                    onDragOver={editable ? (e) => e.preventDefault() : undefined}
                    onDrop={editable ? (e) => { e.preventDefault(); const id = e.dataTransfer.getData('text/assignment'); if (id) onDrop(id, cell); } : undefined}
                  >
                    {here.map((a) => (
                      <div
                        key={a.id}
                        className="board-chip"
                        data-assignment-id={a.id}
                        data-host-id={a.host.id}
                        style={{ background: colours.get(a.host.id) }}
                        draggable={editable}
                        onDragStart={(e) => { e.dataTransfer.setData('text/assignment', a.id); e.dataTransfer.effectAllowed = 'move'; }}
                        title={cellLabel(view, a, i18n.language)}
                      >
                        {a.pinned && <PushpinFilled className="board-pin" aria-label={t('board.pinned')} />}
                        {cellLabel(view, a, i18n.language)}
                      </div>
                    ))}
                    {cellNote && <div className="board-cell-note" data-testid={cellNote.kind === 'refusal' ? 'cell-refusal' : 'cell-rule'}>{cellNote.text}</div>}
                  </td>
                );
              }))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
