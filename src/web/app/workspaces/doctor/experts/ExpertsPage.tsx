import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, Card, Empty, Flex, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../data/QueryError';
import type { SessionCardFragment } from '../../../gql/graphql';
import { departmentName } from '../format';
import { SessionDrawer } from './SessionDrawer';
import { useSessions } from './useSessions';

type View = 'week' | 'month';
const HALVES = ['MORNING', 'AFTERNOON'] as const;

/** One session in a calendar cell: specialty, specialist, host and free slots; opens the session. */
function SessionChip({ s, onOpen }: { s: SessionCardFragment; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation('doctor');
  const full = s.freeSlots === 0;
  return (
    <Button
      size="small"
      block
      style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'left', marginBottom: 4, padding: '2px 6px' }}
      onClick={() => onOpen(s.id)}
      data-testid="session-chip"
      data-session-id={s.id}
      disabled={s.state !== 'OPEN'}
    >
      <span>
        <strong>{departmentName(s.specialty, i18n.language)}</strong> {s.specialist.name}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.host.name}</Typography.Text>{' '}
        <Tag color={full ? 'default' : 'green'} style={{ marginInlineEnd: 0 }}>{full ? t('experts.full') : t('experts.freeCount', { count: s.freeSlots })}</Tag>
      </span>
    </Button>
  );
}

/** Visiting experts: clinic sessions at my hospital and my consortia's, by week or month, filtered; booking from a session. */
export default function ExpertsPage() {
  const { t, i18n } = useTranslation('doctor');
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>((params.get('view') as View) ?? 'week');
  const [anchor, setAnchor] = useState<Dayjs>(params.get('date') ? dayjs(params.get('date')) : dayjs());
  const [specialty, setSpecialty] = useState<string | undefined>();
  const [specialist, setSpecialist] = useState<string | undefined>();
  const [host, setHost] = useState<string | undefined>();
  const [openSession, setOpenSession] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const patientId = params.get('patient');

  // Weeks start on Monday here, whatever the locale says.
  const start = view === 'week' ? anchor.subtract((anchor.day() + 6) % 7, 'day') : anchor.startOf('month').subtract(7, 'day');
  const end = view === 'week' ? start.add(6, 'day') : anchor.endOf('month').add(14, 'day');
  const { hosts, departments, sessions, error } = useSessions(start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD'), refreshKey);

  const filtered = useMemo(() => (sessions ?? []).filter((s) =>
    (!specialty || s.specialty.id === specialty) && (!specialist || s.specialist.id === specialist) && (!host || s.host.id === host)), [sessions, specialty, specialist, host]);
  const specialists = useMemo(() => [...new Map((sessions ?? []).map((s) => [s.specialist.id, s.specialist.name])).entries()], [sessions]);
  const onDay = (date: string, half?: string) => filtered.filter((s) => s.date === date && (!half || s.session === half || s.session === 'FULL_DAY'));
  const move = (direction: 1 | -1) => setAnchor((a) => a.add(direction, view === 'week' ? 'week' : 'month'));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="experts-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('experts.title')}</Typography.Title>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Segmented<View> value={view} onChange={(v) => { setView(v); setParams((p) => { p.set('view', v); return p; }, { replace: true }); }}
            options={[{ value: 'week', label: t('experts.week') }, { value: 'month', label: t('experts.month') }]} data-testid="calendar-view" />
          <Button icon={<LeftOutlined />} onClick={() => move(-1)} aria-label={t('experts.previous')} data-testid="calendar-previous" />
          <Button onClick={() => setAnchor(dayjs())}>{t('experts.today')}</Button>
          <Button icon={<RightOutlined />} onClick={() => move(1)} aria-label={t('experts.next')} data-testid="calendar-next" />
          <Typography.Text strong data-testid="calendar-range">
            {view === 'week' ? `${start.format('YYYY-MM-DD')} – ${end.format('YYYY-MM-DD')}` : anchor.format(i18n.language === 'en' ? 'MMMM YYYY' : 'YYYY年M月')}
          </Typography.Text>
          <Select allowClear placeholder={t('experts.specialty')} style={{ width: 150 }} value={specialty} onChange={setSpecialty}
            options={departments.map((d) => ({ value: d.id, label: departmentName(d, i18n.language) }))} data-testid="filter-specialty" />
          <Select allowClear placeholder={t('experts.specialist')} style={{ width: 150 }} value={specialist} onChange={setSpecialist}
            options={specialists.map(([id, name]) => ({ value: id, label: name }))} data-testid="filter-specialist" />
          <Select allowClear placeholder={t('experts.hospital')} style={{ width: 170 }} value={host} onChange={setHost}
            options={hosts.map((h) => ({ value: h.id, label: h.name }))} data-testid="filter-hospital" />
        </Flex>
      </Card>
      <QueryError error={error as never} />
      <Spin spinning={sessions === null}>
        {view === 'week' ? (
          <div className="week-grid" data-testid="week-grid">
            <div />
            {Array.from({ length: 7 }, (_, i) => start.add(i, 'day')).map((d) => (
              <div key={d.format()} className="week-grid-head"><strong>{d.format('ddd')}</strong> {d.format('MM-DD')}</div>
            ))}
            {HALVES.map((half) => (
              <Row key={half} half={half} days={Array.from({ length: 7 }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'))} sessionsOn={onDay} onOpen={setOpenSession} />
            ))}
          </div>
        ) : (
          <Calendar
            value={anchor}
            onPanelChange={(d) => setAnchor(d)}
            headerRender={() => null}
            cellRender={(d, info) => info.type === 'date' ? (
              <div>{onDay(d.format('YYYY-MM-DD')).map((s) => <SessionChip key={s.id} s={s} onOpen={setOpenSession} />)}</div>
            ) : null}
          />
        )}
        {sessions !== null && filtered.length === 0 && <Empty description={t('experts.none')} />}
      </Spin>
      <SessionDrawer sessionId={openSession} patientId={patientId} onClose={() => setOpenSession(null)} onChanged={() => setRefreshKey((k) => k + 1)} />
    </Space>
  );
}

function Row({ half, days, sessionsOn, onOpen }: { half: string; days: string[]; sessionsOn(date: string, half: string): SessionCardFragment[]; onOpen(id: string): void }) {
  const { t } = useTranslation('doctor');
  return (
    <>
      <div className="week-grid-half">{t(`sessionTime.${half}`)}</div>
      {days.map((date) => (
        <div key={date} className="week-grid-cell" data-date={date} data-half={half}>
          {sessionsOn(date, half).map((s) => <SessionChip key={s.id} s={s} onOpen={onOpen} />)}
        </div>
      ))}
    </>
  );
}
