import { App, Button, DatePicker, Drawer, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { describeError, errorSentence, showErrorOnField } from '../../../data/errors';
import { useBoardDays } from '../board/calendar-days';
import '../board/board.css';
import { ConsortiumPicker, useConsortium } from '../consortium';
import { AvailabilityDocument, ConsortiumDirectoryDocument, RecordAvailabilityDocument } from '../operations';

const AVAILABLE = '#b7eb8f';
const BLOCKED = '#d9d9d9';

interface Specialist {
  id: string;
  name: string;
}

interface Limits {
  maxDaysPerMonth: number;
  maxConsecutiveDays: number;
  maxTravelKm?: number | null;
}

/** Whose availability is being edited, and the limits they have now (the form starts from them). */
interface Editing {
  specialist: Specialist;
  limits: Limits | null;
}

/** Specialists × a month: their limits, the days they can go out and the days they cannot; edit on their behalf. */
export default function AvailabilityScreen() {
  const { t } = useTranslation('scheduler');
  const { consortiumId } = useConsortium();
  const [month, setMonth] = useState<Dayjs>(dayjs().add(1, 'month').startOf('month'));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [version, setVersion] = useState(0);
  const [{ data: directory }] = useQuery({ query: ConsortiumDirectoryDocument, variables: { id: consortiumId ?? '' }, pause: !consortiumId });
  const from = month.format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const days = useBoardDays(from, to);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="availability-screen">
      <Space>
        <ConsortiumPicker />
        <DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m.startOf('month'))} allowClear={false} />
        {/* The legend shows the cells' own colours. */}
        <span className="board-legend" style={{ margin: 0 }} data-testid="availability-legend">
          <span><i style={{ background: AVAILABLE }} />{t('availability.available')}</span>
          <span><i style={{ background: BLOCKED }} />{t('availability.blocked')}</span>
        </span>
      </Space>
      <div className="board-scroll">
        <table className="board">
          <thead>
            <tr>
              <th className="board-corner">{t('board.rowSpecialist')}</th>
              <th>{t('availability.limits')}</th>
              {days.map((d) => <th key={d.date} className={`board-${d.kind}`}>{d.date.slice(8)}<div className="board-weekday">{t(`weekday.${d.weekday}`)}</div></th>)}
            </tr>
          </thead>
          <tbody>
            {(directory?.people.nodes ?? []).map((p) => <AvailabilityRow key={`${p.id}-${version}`} specialist={p} from={from} to={to} days={days.map((d) => d.date)} kinds={days.map((d) => d.kind)} onEdit={(limits) => setEditing({ specialist: p, limits })} />)}
          </tbody>
        </table>
      </div>
      <AvailabilityEditor editing={editing} onClose={(changed) => { setEditing(null); if (changed) setVersion((v) => v + 1); }} />
    </Space>
  );
}

function AvailabilityRow({ specialist, from, to, days, kinds, onEdit }: { specialist: Specialist; from: string; to: string; days: string[]; kinds: string[]; onEdit(limits: Limits | null): void }) {
  const { t } = useTranslation('scheduler');
  const [{ data }] = useQuery({ query: AvailabilityDocument, variables: { specialistId: specialist.id, from, to }, requestPolicy: 'network-only' });
  const a = data?.specialistAvailability;
  const available = new Set(a?.availableDates ?? []);
  const blocked = new Set(a?.blockedDates ?? []);
  return (
    <tr data-testid={`availability-${specialist.id}`}>
      <th className="board-row-head"><Button type="link" size="small" onClick={() => onEdit(a?.limits ?? null)} data-testid={`availability-edit-${specialist.id}`}>{specialist.name}</Button></th>
      <td style={{ whiteSpace: 'nowrap' }} data-testid={`availability-limits-${specialist.id}`}>
        {a?.limits ? t('availability.limitLine', { month: a.limits.maxDaysPerMonth, row: a.limits.maxConsecutiveDays, km: a.effectiveTravelKm?.toFixed(0) ?? '—' }) : <Typography.Text type="secondary">{t('availability.noLimits')}</Typography.Text>}
      </td>
      {days.map((d, i) => (
        <td key={d} className={`board-${kinds[i]}`} data-date={d} data-state={blocked.has(d) ? 'blocked' : available.has(d) ? 'available' : 'none'} style={{ background: blocked.has(d) ? BLOCKED : available.has(d) ? AVAILABLE : undefined, minWidth: 22 }}
          title={blocked.has(d) ? t('availability.blocked') : available.has(d) ? t('availability.available') : ''}>
          {blocked.has(d) ? '×' : ''}
        </td>
      ))}
    </tr>
  );
}

interface EditValues {
  maxDaysPerMonth: number;
  maxConsecutiveDays: number;
  maxTravelKm?: number;
  available?: [Dayjs, Dayjs];
  unavailable?: [Dayjs, Dayjs];
}

function AvailabilityEditor({ editing, onClose }: { editing: Editing | null; onClose(changed: boolean): void }) {
  const specialist = editing?.specialist ?? null;
  const { t } = useTranslation('scheduler');
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [, record] = useMutation(RecordAvailabilityDocument);
  const range = (r?: [Dayjs, Dayjs]) => (r ? [{ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') }] : []);
  async function submit(v: EditValues) {
    const r = await record({
      input: {
        specialistId: specialist!.id, limits: { maxDaysPerMonth: v.maxDaysPerMonth, maxConsecutiveDays: v.maxConsecutiveDays, maxTravelKm: v.maxTravelKm ?? null },
        available: range(v.available), unavailable: range(v.unavailable),
      },
    });
    if (r.error) {
      const e = describeError(r.error);
      const map = { 'limits.maxDaysPerMonth': 'maxDaysPerMonth', 'limits.maxConsecutiveDays': 'maxConsecutiveDays', 'limits.maxTravelKm': 'maxTravelKm' } as Record<string, string>;
      if (!showErrorOnField(form, e, map)) message.error(errorSentence(t, e));
      return;
    }
    message.success(t('availability.saved'));
    onClose(true);
  }
  return (
    <Drawer open={!!specialist} title={specialist ? t('availability.editTitle', { name: specialist.name }) : ''} onClose={() => onClose(false)} destroyOnHidden size="large">
      <Form form={form} layout="vertical" onFinish={submit}
        initialValues={editing?.limits ? { maxDaysPerMonth: editing.limits.maxDaysPerMonth, maxConsecutiveDays: editing.limits.maxConsecutiveDays, maxTravelKm: editing.limits.maxTravelKm ?? undefined } : { maxDaysPerMonth: 8, maxConsecutiveDays: 3 }}>
        <Form.Item name="maxDaysPerMonth" label={t('availability.maxDaysPerMonth')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="maxConsecutiveDays" label={t('availability.maxConsecutiveDays')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="maxTravelKm" label={t('availability.maxTravelKm')}><InputNumber min={0} /></Form.Item>
        <Form.Item name="available" label={t('availability.addAvailable')}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="unavailable" label={t('availability.addBlocked')}><DatePicker.RangePicker /></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="availability-save">{t('availability.save')}</Button>
      </Form>
    </Drawer>
  );
}
