import { Button, Card, Descriptions, Drawer, Empty, List, Radio, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { ageOf, departmentName } from '../../doctor/format';
import { CalendarDocument, SessionBookingsDocument } from '../operations';
import { formatInZone, todayInZone } from '../zone';

interface Item { key: string; day: string; sort: string; kind: 'onSite' | 'remote'; text: string; detail?: string; sessionId?: string }

/** The consortium time zone the specialist's calendar is read in (the hub's default when they belong to none). */
export const DEFAULT_ZONE = 'Asia/Shanghai';

/** Who is booked into one clinic session, by slot, and what each comes for: for the visiting specialist. */
function SessionBookings({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const { t, i18n } = useTranslation('specialist');
  const [{ data, error }] = useQuery({ query: SessionBookingsDocument, variables: { id: sessionId }, requestPolicy: 'network-only' });
  const s = data?.clinicSession;
  return (
    <Drawer open onClose={onClose} size="large" title={s ? t('calendar.sessionTitle', { date: s.date, halfDay: t(`halfDay.${s.session}`), host: s.host.name }) : ''} data-testid="session-bookings">
      {!s ? <QueryError error={error} /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('consultation.specialty')}>{departmentName(s.specialty, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('calendar.slots')}><span data-testid="session-count">{t('calendar.booked', { booked: s.bookings.length, count: s.slotCount })}</span></Descriptions.Item>
          </Descriptions>
          <List dataSource={s.bookings} locale={{ emptyText: t('calendar.noBookings') }} renderItem={(b) => (
            <List.Item data-testid="session-booking">
              <Space orientation="vertical" size={0}>
                <Space wrap>
                  <Tag>{b.slot.startsAt}</Tag>
                  <Typography.Text strong data-testid="booking-patient">{b.patient.name}</Typography.Text>
                  <span>{t(`sex.${b.patient.sex}`)} · {t('queue.years', { count: ageOf(b.patient.birthDate) })} · {b.hospital.name}</span>
                </Space>
                <Typography.Text data-testid="booking-purpose" type={b.purpose ? undefined : 'secondary'}>{t('calendar.purpose')}: {b.purpose ?? t('calendar.noPurpose')}</Typography.Text>
              </Space>
            </List.Item>
          )} />
        </Space>
      )}
    </Drawer>
  );
}

/**
 * One calendar: on-site rotation half-days (host, specialty, patients booked: click to see who
 * and what for) and remote consultation sessions together, by week or by month, with times in
 * the consortium's time zone (labelled). `compact` shows it beside the scheduling form.
 */
export function CalendarList({ compact = false, zone: given }: { compact?: boolean; zone?: string }) {
  const { t, i18n } = useTranslation('specialist');
  const [range, setRange] = useState<'week' | 'month'>('week');
  const [open, setOpen] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: CalendarDocument, variables: { from: dayjs().subtract(1, 'day').format('YYYY-MM-DD'), to: dayjs().add(32, 'day').format('YYYY-MM-DD') }, requestPolicy: 'cache-and-network' });
  if (!data) return <QueryError error={error} />;
  const zone = given ?? data.me.hospital?.consortia[0]?.timeZone ?? DEFAULT_ZONE;
  const from = todayInZone(zone);
  const to = from.add(range === 'week' ? 7 : 31, 'day');
  const inRange = (day: string) => day >= from.format('YYYY-MM-DD') && day < to.format('YYYY-MM-DD');
  const items: Item[] = [
    ...data.rotationCalendar.filter((a) => inRange(a.date)).map((a) => ({
      key: `a${a.id}`, day: a.date, sort: `${a.date} ${a.session === 'AFTERNOON' ? '13' : '08'}`, kind: 'onSite' as const, sessionId: a.clinicSession?.id,
      text: `${t(`halfDay.${a.session}`)} · ${a.host.name} · ${departmentName(a.specialty, i18n.language)}`,
      detail: a.clinicSession ? t('calendar.booked', { booked: a.clinicSession.slotCount - a.clinicSession.freeSlots, count: a.clinicSession.slotCount }) : undefined,
    })),
    ...data.consultations.nodes.filter((c) => c.scheduledStart && dayjs(c.scheduledStart).isBefore(to) && dayjs(c.scheduledEnd).isAfter(from)).map((c) => ({
      key: `c${c.id}`, day: formatInZone(c.scheduledStart, zone, 'YYYY-MM-DD'), sort: formatInZone(c.scheduledStart, zone), kind: 'remote' as const,
      text: `${formatInZone(c.scheduledStart, zone, 'HH:mm')}–${formatInZone(c.scheduledEnd, zone, 'HH:mm')} · ${t('calendar.remoteTitle', { id: c.id })} · ${c.requestingHospital.name}`,
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort));
  return (
    <Card size="small" title={<Space>{t('menu.calendar')}<Typography.Text type="secondary" data-testid="calendar-zone">{t('calendar.zone', { zone })}</Typography.Text></Space>} data-testid="my-calendar"
      extra={<Radio.Group size="small" value={range} onChange={(e) => setRange(e.target.value)} optionType="button"
        options={[{ value: 'week', label: t('calendar.week') }, { value: 'month', label: t('calendar.month') }]} />}>
      {items.length === 0 ? <Empty description={t('calendar.empty')} /> : (
        <List size="small" dataSource={items} style={compact ? { maxHeight: 360, overflow: 'auto' } : undefined} renderItem={(i) => (
          <List.Item data-testid="calendar-item" data-kind={i.kind} data-session={i.sessionId}
            actions={i.sessionId ? [<Button key="p" size="small" type="link" onClick={() => setOpen(i.sessionId!)} data-testid="open-session">{t('calendar.patients')}</Button>] : undefined}>
            <Space wrap>
              <Typography.Text strong>{dayjs(i.day).format(i18n.language === 'en' ? 'ddd MM-DD' : 'MM-DD ddd')}</Typography.Text>
              <Tag color={i.kind === 'onSite' ? 'geekblue' : 'green'}>{t(`calendar.${i.kind}`)}</Tag>
              <span data-testid="calendar-text">{i.text}</span>
              {i.detail && <Typography.Text type="secondary">{i.detail}</Typography.Text>}
            </Space>
          </List.Item>
        )} />
      )}
      {open && <SessionBookings sessionId={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

export default function MyCalendar() {
  return <CalendarList />;
}
