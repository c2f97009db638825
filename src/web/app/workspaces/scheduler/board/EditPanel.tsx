import { Alert, Button, Card, Input, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardAssignmentFragment, EditPreviewFragment, EditResultFragment } from '../../../gql/graphql';
import type { CellRef } from './BoardGrid';

export interface PendingEdit {
  kind: 'move' | 'assign' | 'remove';
  /** The assignment moved or removed */
  assignment?: BoardAssignmentFragment;
  target?: CellRef & { specialistId: string };
  demandId?: string;
  reason: string;
  preview: EditPreviewFragment | null;
  refusal: string | null;
}

interface Props {
  published: boolean;
  selected: { cell: CellRef; assignments: BoardAssignmentFragment[] } | null;
  pending: PendingEdit | null;
  demands: { value: string; label: string }[];
  lastResult: EditResultFragment | null;
  busy: boolean;
  onReason(reason: string): void;
  onDemand(demandId: string): void;
  onRemove(a: BoardAssignmentFragment): void;
  onPin(a: BoardAssignmentFragment, pinned: boolean): void;
  onSave(): void;
  onDiscard(): void;
}

/** The selected cell: what is there, the edit waiting to be saved with the rule checker's verdict, and what the last edit did to bookings. */
export function EditPanel({ published, selected, pending, demands, lastResult, busy, onReason, onDemand, onRemove, onPin, onSave, onDiscard }: Props) {
  const { t } = useTranslation('scheduler');
  const p = pending?.preview;
  return (
    <Card size="small" className="no-print" title={t('edit.title')} data-testid="edit-panel">
      {!selected && !pending && <Typography.Text type="secondary">{t('edit.hint')}</Typography.Text>}
      {selected && !pending && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{selected.cell.date} {t(`half.${selected.cell.half}`)}</Typography.Text>
          {selected.assignments.map((a) => (
            <Space key={a.id} wrap>
              <span>{a.specialist.name} → {a.host.name}</span>
              <Switch size="small" checked={a.pinned} onChange={(v) => onPin(a, v)} data-testid={`pin-${a.id}`} checkedChildren={t('edit.pinned')} unCheckedChildren={t('edit.unpinned')} />
              <Button size="small" danger onClick={() => onRemove(a)} data-testid={`remove-${a.id}`}>{t('edit.remove')}</Button>
            </Space>
          ))}
          {selected.assignments.length > 0 && <Typography.Text type="secondary">{t('edit.dragHint')}</Typography.Text>}
        </Space>
      )}
      {pending && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="pending-edit">
          <Typography.Text strong>
            {pending.kind === 'move' && t('edit.moveWhat', { who: pending.assignment!.specialist.name, from: pending.assignment!.date, to: pending.target!.date })}
            {pending.kind === 'assign' && t('edit.assignWhat', { date: pending.target!.date })}
            {pending.kind === 'remove' && t('edit.removeWhat', { who: pending.assignment!.specialist.name, date: pending.assignment!.date, host: pending.assignment!.host.name })}
          </Typography.Text>
          {pending.kind === 'assign' && (
            <Select style={{ width: '100%' }} placeholder={t('edit.chooseDemand')} options={demands} value={pending.demandId} onChange={onDemand} data-testid="assign-demand" />
          )}
          {pending.kind !== 'assign' && (
            <Input value={pending.reason} onChange={(e) => onReason(e.target.value)} placeholder={t('edit.reason')} data-testid="edit-reason" />
          )}
          {p && !p.allowed && (
            <Alert type="error" showIcon data-testid="edit-violations" title={t('edit.breaks')}
              description={<ul className="edit-rules">{p.violations.map((v, i) => <li key={i}><Tag color="red">{t(`rule.${v.rule}`, { defaultValue: v.rule })}</Tag>{v.message}</li>)}</ul>} />
          )}
          {p && p.allowed && (
            <Alert type={p.bookingsFlagged ? 'warning' : 'success'} showIcon data-testid="edit-preview"
              title={published ? t('edit.previewPublished', { moved: p.bookingsMoved, flagged: p.bookingsFlagged, opened: p.sessionsOpened, cancelled: p.sessionsCancelled }) : t('edit.previewDraft')} />
          )}
          {pending.refusal && <Alert type="error" showIcon data-testid="edit-refusal" title={t('edit.refused')} description={pending.refusal} />}
          <Space>
            <Button type="primary" danger={!!p && !p.allowed} loading={busy} onClick={onSave} data-testid="edit-save" disabled={pending.kind === 'assign' && !pending.demandId}>
              {p && !p.allowed ? t('edit.saveAnyway') : t('edit.save')}
            </Button>
            <Button onClick={onDiscard} data-testid="edit-discard">{t('edit.discard')}</Button>
          </Space>
        </Space>
      )}
      {lastResult && lastResult.affectedBookings.length + lastResult.bookingsMoved + lastResult.bookingsFlagged > 0 && (
        <List size="small" data-testid="affected-bookings" header={<b>{t('edit.affected', { moved: lastResult.bookingsMoved, flagged: lastResult.bookingsFlagged })}</b>}
          dataSource={lastResult.affectedBookings}
          renderItem={(b) => (
            <List.Item>
              <Tag color={b.state === 'MOVED' ? 'blue' : 'orange'}>{t(`bookingState.${b.state}`, { defaultValue: b.state })}</Tag>
              {b.hospital.name} · {b.clinicSession.date} {t(`session.${b.clinicSession.session}`)}
            </List.Item>
          )} />
      )}
    </Card>
  );
}
