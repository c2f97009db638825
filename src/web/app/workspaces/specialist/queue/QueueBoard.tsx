import { Badge, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import { departmentName, formatWait } from '../../doctor/format';
import { MyQueuesDocument, QueueChangedDocument, QueueDocument } from '../operations';
import { chime } from './cue';
import { PreviewDrawer } from './PreviewDrawer';
import { useNow } from './useNow';

export const URGENCY_COLOUR = { ROUTINE: 'blue', URGENT: 'orange', EMERGENCY: 'red' } as const;
const ROW_COLOUR = { ROUTINE: '#f0f7ff', URGENT: '#fff4e6', EMERGENCY: '#fff0f0' } as const;

/** One live queue (a consortium and a specialty): ranked, waits running, deadlines counting down, new ones announced. */
function LiveQueue({ consortium, specialty, onOpen }: { consortium: { id: string; name: string }; specialty: { id: string; nameZh: string; nameEn: string }; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation('specialist');
  const variables = { consortiumId: consortium.id, specialtyId: specialty.id };
  const [{ data, error }, refetch] = useQuery({ query: QueueDocument, variables, requestPolicy: 'network-only' });
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const known = useRef<Set<string> | null>(null);
  const now = useNow();
  const queue = data?.consultationQueue;
  useResumableSubscription(QueueChangedDocument, {
    variables,
    after: queue?.cursor,
    pause: !queue,
    cursorOf: (d) => d.consultationQueueChanged.cursor,
    onData: () => refetch({ requestPolicy: 'network-only' }),
  });
  // A request not seen before: highlight it and chime (not for the first load of the board).
  useEffect(() => {
    if (!queue) return;
    const ids = new Set(queue.entries.map((e) => e.consultationId));
    if (known.current) {
      const added = [...ids].filter((id) => !known.current!.has(id));
      if (added.length) {
        chime();
        setFresh((f) => new Set([...f, ...added]));
        setTimeout(() => setFresh((f) => new Set([...f].filter((id) => !added.includes(id)))), 15_000);
      }
    }
    known.current = ids;
  }, [queue]);
  if (!queue) return <QueryError error={error} />;
  return (
    <Card size="small" data-testid="queue" data-specialty={specialty.id} data-consortium={consortium.id}
      title={<Space>{departmentName(specialty, i18n.language)}<Typography.Text type="secondary">{consortium.name}</Typography.Text><Badge count={queue.totalCount} showZero color="#1668dc" /></Space>}>
      <Table
        size="small"
        rowKey="consultationId"
        pagination={false}
        dataSource={queue.entries}
        locale={{ emptyText: <Empty description={t('queue.empty')} /> }}
        onRow={(e) => ({
          'data-testid': 'queue-row',
          'data-consultation': e.consultationId,
          'data-fresh': fresh.has(e.consultationId) ? 'true' : undefined,
          className: fresh.has(e.consultationId) ? 'queue-row-fresh' : undefined,
          style: { background: ROW_COLOUR[e.effectiveUrgency], ...(fresh.has(e.consultationId) ? { outline: '2px solid #52c41a' } : {}) },
        }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '#', dataIndex: 'position', width: 48 },
          {
            title: t('queue.urgency'), key: 'urgency', render: (_, e) => (
              <Space size={4}>
                <Tag color={URGENCY_COLOUR[e.effectiveUrgency]}>{t(`urgency.${e.effectiveUrgency}`)}</Tag>
                {e.effectiveUrgency !== e.urgency && <Tag color="purple" data-testid="promoted">{t('queue.promoted', { from: t(`urgency.${e.urgency}`) })}</Tag>}
                {fresh.has(e.consultationId) && <Tag color="green">{t('queue.new')}</Tag>}
              </Space>
            ),
          },
          { title: t('queue.hospital'), key: 'hospital', render: (_, e) => e.requestingHospital.name },
          { title: t('queue.waiting'), key: 'waiting', render: (_, e) => <span data-testid="waiting">{formatWait(Math.max(0, Math.round((now - dayjs(e.requestedAt).valueOf()) / 1000)))}</span> },
          {
            title: t('queue.deadline'), key: 'deadline', render: (_, e) => {
              const left = Math.round((dayjs(e.deadlineAt).valueOf() - now) / 1000);
              return left > 0
                ? <span data-testid="deadline">{formatWait(left)}</span>
                : <Typography.Text type="danger" data-testid="deadline">{t('queue.overdue', { time: formatWait(-left) })}</Typography.Text>;
            },
          },
          { title: '', key: 'open', render: (_, e) => <Button size="small" data-testid="open-preview" onClick={() => onOpen(e.consultationId)}>{t('queue.read')}</Button> },
        ]}
      />
    </Card>
  );
}

/** The live queue board: every queue this specialist serves (their specialties in their hospital's consortia). */
export default function QueueBoard() {
  const { t } = useTranslation('specialist');
  const [{ data, error }] = useQuery({ query: MyQueuesDocument });
  const [open, setOpen] = useState<string | null>(null);
  if (!data) return <QueryError error={error} />;
  const queues = data.me.hospital.consortia.flatMap((c) => data.me.specialties.map((s) => ({ consortium: c, specialty: s })));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="queue-board">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('queue.title')}</Typography.Title>
      {queues.length === 0 && <Empty description={t('queue.noQueues')} />}
      {queues.map(({ consortium, specialty }) => (
        <LiveQueue key={`${consortium.id}-${specialty.id}`} consortium={consortium} specialty={specialty} onOpen={setOpen} />
      ))}
      <PreviewDrawer consultationId={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
