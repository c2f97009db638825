import { DownloadOutlined, PrinterOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Empty, Form, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { describeError, errorSentence, showErrorOnField } from '../../../data/errors';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import type { BoardAssignmentFragment, EditResultFragment } from '../../../gql/graphql';
import { ConsortiumPicker, useConsortium } from '../consortium';
import {
  ApprovedDemandsDocument, AssignSpecialistDocument, ConsortiumDirectoryDocument, CreateRosterDocument, MoveAssignmentDocument, PreviewAssignDocument,
  PreviewMoveDocument, PreviewRemoveDocument, PublishRosterDocument, RemoveAssignmentDocument, RosterBoardDocument, RosterChangedDocument, RostersDocument,
  RosterViolationsDocument, SetPinnedDocument,
} from '../operations';
import './board.css';
import { BoardGrid, type CellNote, type CellRef } from './BoardGrid';
import { EditPanel, type PendingEdit } from './EditPanel';
import { exportCsv, exportXlsx } from './export';
import { type BoardView, cellIndex, filtered, hostColours, rowsOf } from './grid-model';
import { useBoardDays } from './calendar-days';
import { OptimizerPanel } from './OptimizerPanel';

/** How to take back the last saved edit. */
type Undo =
  | { kind: 'move'; assignmentId: string; date: string; specialistId: string }
  | { kind: 'assign'; assignmentId: string }
  | { kind: 'remove'; demandId: string; specialistId: string; date: string; pinned: boolean }
  | { kind: 'pin'; assignmentId: string; pinned: boolean };

export default function RosterBoardScreen() {
  const { t, i18n } = useTranslation('scheduler');
  const { message } = App.useApp();
  const client = useClient();
  const { consortiumId } = useConsortium();
  const [rosterId, setRosterId] = useState<string | null>(null);
  const [view, setView] = useState<BoardView>('specialist');
  const [specialtyId, setSpecialtyId] = useState<string | null>(null);
  const [hostId, setHostId] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ cell: CellRef; assignments: BoardAssignmentFragment[] } | null>(null);
  const [pending, setPending] = useState<PendingEdit | null>(null);
  const [note, setNote] = useState<CellNote | null>(null);
  const [undo, setUndo] = useState<Undo[]>([]);
  const [busy, setBusy] = useState(false);
  const [lastResult, setLastResult] = useState<EditResultFragment | null>(null);
  const [optimizing, setOptimizing] = useState(false);
  const [creating, setCreating] = useState(false);
  const [publishing, setPublishing] = useState<null | { violations: { rule: string; message: string }[] }>(null);
  const [createForm] = Form.useForm<{ period: [Dayjs, Dayjs] }>();

  const [{ data: rostersData }, refetchRosters] = useQuery({ query: RostersDocument, variables: { consortiumId: consortiumId ?? '' }, pause: !consortiumId });
  const rosters = rostersData?.rosters ?? [];
  useEffect(() => {
    if (!rosters.length) return;
    if (!rosterId || !rosters.some((r) => r.id === rosterId)) setRosterId(rosters[0].id);
  }, [rosters, rosterId]);

  const [{ data: directory }] = useQuery({ query: ConsortiumDirectoryDocument, variables: { id: consortiumId ?? '' }, pause: !consortiumId });
  const [{ data: board }, refetchBoard] = useQuery({ query: RosterBoardDocument, variables: { id: rosterId ?? '' }, pause: !rosterId, requestPolicy: 'cache-and-network' });
  const [{ data: demandsData }] = useQuery({ query: ApprovedDemandsDocument, variables: { consortiumId: consortiumId ?? '' }, pause: !consortiumId });
  const [, move] = useMutation(MoveAssignmentDocument);
  const [, assign] = useMutation(AssignSpecialistDocument);
  const [, remove] = useMutation(RemoveAssignmentDocument);
  const [, pin] = useMutation(SetPinnedDocument);
  const [, publish] = useMutation(PublishRosterDocument);
  const [, createRoster] = useMutation(CreateRosterDocument);

  const roster = board?.roster ?? null;
  const reload = useCallback(async () => {
    const r = await client.query(RosterBoardDocument, { id: rosterId ?? '' }, { requestPolicy: 'network-only' }).toPromise();
    refetchRosters({ requestPolicy: 'network-only' });
    return r.data?.roster.assignments ?? [];
  }, [client, rosterId, refetchRosters]);

  // Someone else's edit (another scheduler, the optimizer) redraws the board.
  useResumableSubscription(RosterChangedDocument, {
    variables: { rosterId },
    pause: !rosterId,
    cursorOf: (d) => d.rosterChanged.cursor,
    onData: () => refetchBoard({ requestPolicy: 'network-only' }),
  });

  const assignments = useMemo(() => roster?.assignments ?? [], [roster]);
  const hosts = directory?.consortium.hospitals ?? [];
  const hostName = (id: string) => hosts.find((h) => h.id === id)?.name ?? id;
  const specialtyName = (s: { nameZh: string; nameEn: string }) => (i18n.language === 'en' ? s.nameEn : s.nameZh);
  const days = useBoardDays(roster?.periodStart ?? null, roster?.periodEnd ?? null);
  const shown = useMemo(() => filtered(assignments, { specialtyId, hostId }), [assignments, specialtyId, hostId]);
  const knownRows = useMemo(() => {
    if (view === 'host') return hosts.filter((h) => h.tier !== 'TERTIARY' && (!hostId || h.id === hostId)).map((h) => ({ id: h.id, label: h.name }));
    return (directory?.people.nodes ?? [])
      .filter((p) => !specialtyId || p.specialties.some((s) => s.id === specialtyId))
      .map((p) => ({ id: p.id, label: p.name }));
  }, [view, hosts, hostId, directory, specialtyId]);
  const rows = useMemo(() => rowsOf(view, shown, knownRows), [view, shown, knownRows]);
  const index = useMemo(() => cellIndex(view, shown), [view, shown]);
  const colours = useMemo(() => hostColours([...hosts.map((h) => h.id), ...assignments.map((a) => a.host.id)]), [hosts, assignments]);
  const editable = !!roster && roster.state !== 'CLOSED' && !optimizing;
  const published = roster?.state === 'PUBLISHED';

  const sentence = (error: unknown) => errorSentence(t, describeError(error));

  // ---- edits: checked with the hub's rule checker before anything is saved ----

  async function previewPending(next: PendingEdit): Promise<void> {
    setPending({ ...next, preview: null, refusal: null });
    let preview = null;
    let failure: unknown = null;
    if (next.kind === 'move') {
      const r = await client.query(PreviewMoveDocument, { input: { assignmentId: next.assignment!.id, date: next.target!.date, specialistId: next.target!.specialistId, reason: next.reason } }, { requestPolicy: 'network-only' }).toPromise();
      preview = r.data?.previewMoveAssignment ?? null;
      failure = r.error;
    } else if (next.kind === 'assign' && next.demandId) {
      const r = await client.query(PreviewAssignDocument, { input: { rosterId: rosterId!, demandId: next.demandId, specialistId: next.target!.specialistId, dates: [next.target!.date] } }, { requestPolicy: 'network-only' }).toPromise();
      preview = r.data?.previewAssignSpecialist ?? null;
      failure = r.error;
    } else if (next.kind === 'remove') {
      const r = await client.query(PreviewRemoveDocument, { input: { assignmentId: next.assignment!.id, reason: next.reason } }, { requestPolicy: 'network-only' }).toPromise();
      preview = r.data?.previewRemoveAssignment ?? null;
      failure = r.error;
    }
    const cell = next.target ?? (next.assignment ? { row: next.assignment.specialist.id, date: next.assignment.date, half: next.assignment.session === 'AFTERNOON' ? 'AFTERNOON' as const : 'MORNING' as const } : null);
    setPending({ ...next, preview, refusal: failure ? sentence(failure) : null });
    if (cell && preview && !preview.allowed) setNote({ cell, kind: 'rule', text: preview.violations.map((v) => v.message).join('；') });
    else if (cell && failure) setNote({ cell, kind: 'refusal', text: sentence(failure) });
    else if (cell && preview) setNote({ cell, kind: 'ok', text: t('edit.fits') });
  }

  function onDrop(assignmentId: string, cell: CellRef) {
    const a = assignments.find((x) => x.id === assignmentId);
    if (!a) return;
    const specialistId = view === 'specialist' ? cell.row : a.specialist.id;
    if (specialistId === a.specialist.id && cell.date === a.date) return;
    setSelected(null);
    void previewPending({ kind: 'move', assignment: a, target: { ...cell, specialistId }, reason: t('edit.defaultReason'), preview: null, refusal: null });
  }

  function onCell(cell: CellRef, here: BoardAssignmentFragment[]) {
    if (pending) return;
    setNote(null);
    setSelected({ cell, assignments: here });
    if (!here.length && editable && view === 'specialist') {
      setPending({ kind: 'assign', target: { ...cell, specialistId: cell.row }, reason: '', preview: null, refusal: null });
    }
  }

  async function save() {
    if (!pending) return;
    setBusy(true);
    try {
      let result: EditResultFragment | null = null;
      let failure: unknown = null;
      let inverse: Undo | null = null;
      if (pending.kind === 'move') {
        const a = pending.assignment!;
        const r = await move({ input: { assignmentId: a.id, date: pending.target!.date, specialistId: pending.target!.specialistId, reason: pending.reason } });
        result = r.data?.moveAssignment ?? null;
        failure = r.error;
        if (result) inverse = { kind: 'move', assignmentId: result.assignments[0].id, date: a.date, specialistId: a.specialist.id };
      } else if (pending.kind === 'assign') {
        const r = await assign({ input: { rosterId: rosterId!, demandId: pending.demandId!, specialistId: pending.target!.specialistId, dates: [pending.target!.date], pinned: true } });
        result = r.data?.assignSpecialist ?? null;
        failure = r.error;
        if (result) inverse = { kind: 'assign', assignmentId: result.assignments[0].id };
      } else {
        const a = pending.assignment!;
        const r = await remove({ input: { assignmentId: a.id, reason: pending.reason } });
        result = r.data?.removeAssignment ?? null;
        failure = r.error;
        if (result && a.demand) inverse = { kind: 'remove', demandId: a.demand.id, specialistId: a.specialist.id, date: a.date, pinned: a.pinned };
      }
      if (failure || !result) {
        // The hub's refusal, on the cell and in the panel (a rule may have changed since the check).
        const text = sentence(failure);
        setPending({ ...pending, refusal: text });
        const cell = pending.target ?? selected?.cell;
        if (cell) setNote({ cell, kind: 'refusal', text });
        return;
      }
      setLastResult(result);
      if (inverse) setUndo((u) => [...u, inverse!]);
      setPending(null);
      setNote(null);
      setSelected(null);
      await reload();
      message.success(t('edit.saved'));
    } finally {
      setBusy(false);
    }
  }

  async function undoLast() {
    const last = undo[undo.length - 1];
    if (!last) return;
    setBusy(true);
    try {
      const reason = t('edit.undoReason');
      const r = last.kind === 'move' ? await move({ input: { assignmentId: last.assignmentId, date: last.date, specialistId: last.specialistId, reason } })
        : last.kind === 'assign' ? await remove({ input: { assignmentId: last.assignmentId, reason } })
          : last.kind === 'remove' ? await assign({ input: { rosterId: rosterId!, demandId: last.demandId, specialistId: last.specialistId, dates: [last.date], pinned: last.pinned } })
            : await pin({ id: last.assignmentId, pinned: last.pinned });
      if (r.error) {
        message.error(sentence(r.error));
        return;
      }
      setUndo((u) => u.slice(0, -1));
      await reload();
      message.success(t('edit.undone'));
    } finally {
      setBusy(false);
    }
  }

  async function onPin(a: BoardAssignmentFragment, pinned: boolean) {
    const r = await pin({ id: a.id, pinned });
    if (r.error) {
      message.error(sentence(r.error));
      return;
    }
    setUndo((u) => [...u, { kind: 'pin', assignmentId: a.id, pinned: !pinned }]);
    setSelected((s) => s && { ...s, assignments: s.assignments.map((x) => (x.id === a.id ? { ...x, pinned } : x)) });
    await reload();
  }

  // ---- publish: first what it will do, then do it ----

  async function openPublish() {
    const r = await client.query(RosterViolationsDocument, { id: rosterId! }, { requestPolicy: 'network-only' }).toPromise();
    if (r.error) {
      message.error(sentence(r.error));
      return;
    }
    setPublishing({ violations: r.data?.rosterViolations ?? [] });
  }

  async function doPublish() {
    const r = await publish({ id: rosterId! });
    if (r.error) {
      message.error(sentence(r.error));
      return;
    }
    setPublishing(null);
    setUndo([]);
    await reload();
    message.success(t('publish.done'));
  }

  async function doCreate(values: { period: [Dayjs, Dayjs] }) {
    const r = await createRoster({ input: { consortiumId: consortiumId!, periodStart: values.period[0].format('YYYY-MM-DD'), periodEnd: values.period[1].format('YYYY-MM-DD') } });
    if (r.error) {
      const e = describeError(r.error);
      if (!showErrorOnField(createForm, e, { periodStart: 'period', periodEnd: 'period' })) message.error(errorSentence(t, e));
      return;
    }
    setCreating(false);
    refetchRosters({ requestPolicy: 'network-only' });
    setRosterId(r.data!.createRoster.id);
  }

  function exportData() {
    const texts = {
      board: t('export.board'), list: t('export.list'), rowHeader: t(view === 'specialist' ? 'board.rowSpecialist' : 'board.rowHost'),
      halves: { MORNING: t('half.MORNING'), AFTERNOON: t('half.AFTERNOON') }, pinned: t('board.pinned'),
      columns: [t('export.date'), t('export.session'), t('export.specialist'), t('export.host'), t('export.specialty'), t('export.pinned'), t('export.id')],
      sessions: { MORNING: t('session.MORNING'), AFTERNOON: t('session.AFTERNOON'), FULL_DAY: t('session.FULL_DAY') },
    };
    return { view, days, rows, index, assignments: shown, colours, language: i18n.language, texts, fileName: `roster-${roster!.periodStart}-${roster!.periodEnd}` };
  }

  const demandOptions = (demandsData?.rotationDemands.nodes ?? [])
    .filter((d) => !pending?.target || (d.periodStart <= pending.target.date && d.periodEnd >= pending.target.date))
    .map((d) => ({ value: d.id, label: `${d.host.name} · ${specialtyName(d.specialty)} · ${t(`session.${d.session}`)} · ${t('demands.days', { count: d.expertDays })}` }));

  return (
    <div data-testid="scheduler-board">
      <Space wrap className="no-print" style={{ marginBottom: 8 }}>
        <ConsortiumPicker />
        <Select style={{ minWidth: 240 }} value={rosterId ?? undefined} placeholder={t('board.noRoster')} data-testid="roster-picker" onChange={(id) => { setRosterId(id); setUndo([]); setPending(null); setNote(null); }}
          options={rosters.map((r) => ({ value: r.id, label: `${r.periodStart} – ${r.periodEnd} · ${t(`rosterState.${r.state}`)}` }))} />
        <Button onClick={() => setCreating(true)} data-testid="roster-new">{t('board.newRoster')}</Button>
      </Space>
      {!roster && <Empty description={t('board.empty')} />}
      {roster && (
        <>
          <Space wrap className="no-print" style={{ marginBottom: 8 }}>
            <Tag color={roster.state === 'PUBLISHED' ? 'green' : roster.state === 'DRAFT' ? 'blue' : 'default'} data-testid="roster-state">{t(`rosterState.${roster.state}`)}</Tag>
            {roster.amendments > 0 && <Tag>{t('board.amendments', { count: roster.amendments })}</Tag>}
            <Segmented value={view} onChange={(v) => setView(v as BoardView)} data-testid="board-view"
              options={[{ value: 'specialist', label: t('board.bySpecialist') }, { value: 'host', label: t('board.byHost') }]} />
            <Select allowClear style={{ minWidth: 130 }} placeholder={t('board.allSpecialties')} value={specialtyId ?? undefined} onChange={(v) => setSpecialtyId(v ?? null)} data-testid="filter-specialty"
              options={(directory?.departments ?? []).map((d) => ({ value: d.id, label: specialtyName(d) }))} />
            <Select allowClear style={{ minWidth: 150 }} placeholder={t('board.allHosts')} value={hostId ?? undefined} onChange={(v) => setHostId(v ?? null)} data-testid="filter-host"
              options={hosts.map((h) => ({ value: h.id, label: h.name }))} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="board-print">{t('board.print')}</Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx(exportData())} data-testid="export-xlsx">xlsx</Button>
            <Button icon={<DownloadOutlined />} onClick={() => exportCsv(exportData())} data-testid="export-csv">CSV</Button>
            <Button icon={<UndoOutlined />} disabled={!undo.length || busy} onClick={undoLast} data-testid="undo">{t('edit.undo')}</Button>
            {roster.state === 'DRAFT' && <Button type="primary" onClick={openPublish} disabled={optimizing} data-testid="publish-open">{t('publish.open')}</Button>}
          </Space>
          <Typography.Title level={5} className="print-only-title">{t('board.printTitle', { start: roster.periodStart, end: roster.periodEnd })}</Typography.Title>
          <div className="board-legend" data-testid="board-legend">
            {hosts.filter((h) => assignments.some((a) => a.host.id === h.id)).map((h) => <span key={h.id}><i style={{ background: colours.get(h.id) }} />{h.name}</span>)}
            <span><i className="board-weekend" />{t('board.offDay')}</span>
          </div>
          <BoardGrid view={view} days={days} rows={rows} index={index} colours={colours} editable={editable} selected={selected?.cell ?? null} note={note} onCell={onCell} onDrop={onDrop} />
          <div className="board-side">
            <EditPanel published={published} selected={selected} pending={pending} demands={demandOptions} lastResult={lastResult} busy={busy}
              onReason={(reason) => pending && void previewPending({ ...pending, reason })}
              onDemand={(demandId) => pending && void previewPending({ ...pending, demandId })}
              onRemove={(a) => void previewPending({ kind: 'remove', assignment: a, reason: t('edit.defaultReason'), preview: null, refusal: null })}
              onPin={onPin} onSave={save} onDiscard={() => { setPending(null); setNote(null); }} />
            {roster.state === 'DRAFT' && (
              <OptimizerPanel rosterId={roster.id} disabled={optimizing || !!pending} before={assignments} hostName={hostName} onFinished={reload} onRunning={setOptimizing} />
            )}
          </div>
        </>
      )}
      <Modal open={creating} title={t('board.newRoster')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okButtonProps={{ 'data-testid': 'roster-create' }} destroyOnHidden>
        <Form form={createForm} onFinish={doCreate} layout="vertical">
          <Form.Item name="period" label={t('board.period')} rules={[{ required: true, message: t('board.periodRequired') }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!publishing} title={t('publish.title')} onCancel={() => setPublishing(null)} onOk={doPublish} okText={t('publish.confirm')}
        okButtonProps={{ disabled: !!publishing?.violations.length, 'data-testid': 'publish-confirm' }}>
        {publishing && (
          <div data-testid="publish-preview">
            {publishing.violations.length > 0
              ? <Alert type="error" showIcon title={t('publish.blocked', { count: publishing.violations.length })} description={<ul>{publishing.violations.map((v, i) => <li key={i}>{v.message}</li>)}</ul>} />
              : <Alert type="info" showIcon title={t('publish.preview', { sessions: assignments.length, hosts: new Set(assignments.map((a) => a.host.id)).size, specialists: new Set(assignments.map((a) => a.specialist.id)).size })}
                description={t('publish.noBookings')} />}
          </div>
        )}
      </Modal>
    </div>
  );
}
