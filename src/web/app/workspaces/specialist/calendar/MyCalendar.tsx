import { Card, Empty, List, Radio, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { departmentName, formatTime } from '../../doctor/format';
import { CalendarDocument } from '../operations';

interface Item { key: string; day: string; sort: string; kind: 'onSite' | 'remote'; text: string; detail?: string }

/**
 * One calendar: on-site rotation half-days (host, specialty, patients booked) and remote
 * consultation sessions together, by week or by month. `compact` shows it beside the scheduling form.
 */
export function CalendarList({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation('specialist');
  const [range, setRange] = useState<'week' | 'month'>('week');
  const from = dayjs().startOf('day');
  const to = from.add(range === 'week' ? 7 : 31, 'day');
  const [{ data, error }] = useQuery({ query: CalendarDocument, variables: { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') }, requestPolicy: 'cache-and-network' });
  if (!data) return <QueryError error={error} />;
  const items: Item[] = [
    ...data.rotationCalendar.map((a) => ({
      key: `a${a.id}`, day: a.date, sort: `${a.date} ${a.session === 'AFTERNOON' ? '13' : '08'}`, kind: 'onSite' as const,
      text: `${t(`halfDay.${a.session}`)} · ${a.host.name} · ${departmentName(a.specialty, i18n.language)}`,
      detail: a.clinicSession ? t('calendar.booked', { booked: a.clinicSession.slotCount - a.clinicSession.freeSlots, slots: a.clinicSession.slotCount }) : undefined,
    })),
    ...data.consultations.nodes.filter((c) => c.scheduledStart && dayjs(c.scheduledStart).isBefore(to) && dayjs(c.scheduledEnd).isAfter(from)).map((c) => ({
      key: `c${c.id}`, day: dayjs(c.scheduledStart).format('YYYY-MM-DD'), sort: dayjs(c.scheduledStart).format('YYYY-MM-DD HH:mm'), kind: 'remote' as const,
      text: `${formatTime(c.scheduledStart)}–${formatTime(c.scheduledEnd)} · ${t("calendar.remoteTitle", { id: c.id })} · ${c.requestingHospital.name}`,
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort));
  return (
    <Card size="small" title={t('menu.calendar')} data-testid="my-calendar"
      extra={<Radio.Group size="small" value={range} onChange={(e) => setRange(e.target.value)} optionType="button"
        options={[{ value: 'week', label: t('calendar.week') }, { value: 'month', label: t('calendar.month') }]} />}>
      {items.length === 0 ? <Empty description={t('calendar.empty')} /> : (
        <List size="small" dataSource={items} style={compact ? { maxHeight: 360, overflow: 'auto' } : undefined} renderItem={(i) => (
          <List.Item data-testid="calendar-item" data-kind={i.kind}>
            <Space wrap>
              <Typography.Text strong>{dayjs(i.day).format(i18n.language === 'en' ? 'ddd MM-DD' : 'MM-DD ddd')}</Typography.Text>
              <Tag color={i.kind === 'onSite' ? 'geekblue' : 'green'}>{t(`calendar.${i.kind}`)}</Tag>
              {i.text}
              {i.detail && <Typography.Text type="secondary">{i.detail}</Typography.Text>}
            </Space>
          </List.Item>
        )} />
      )}
    </Card>
  );
}

export default function MyCalendar() {
  return <CalendarList />;
}
