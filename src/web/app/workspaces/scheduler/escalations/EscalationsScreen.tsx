import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { describeError, errorSentence } from '../../../data/errors';
import type { SchedulerEscalatedQuery } from '../../../gql/graphql';
import { ConsortiumPicker, useConsortium } from '../consortium';
import { AssignConsultationDocument, EscalatedConsultationsDocument, SpecialistsOfSpecialtyDocument } from '../operations';
import { onEscalation } from './EscalationFeed';

type Waiting = SchedulerEscalatedQuery['consultations']['nodes'][number];

const waited = (from: string) => Math.max(0, Math.round((Date.now() - Date.parse(from)) / 60_000));

/** Requests past their claim deadline, most urgent first; give each to a specialist of its specialty. */
export default function EscalationsScreen() {
  const { t, i18n } = useTranslation('scheduler');
  const { consortiumId } = useConsortium();
  const [{ data, fetching }, refetch] = useQuery({ query: EscalatedConsultationsDocument, variables: { consortiumId }, pause: !consortiumId, requestPolicy: 'network-only' });
  useEffect(() => onEscalation(() => refetch({ requestPolicy: 'network-only' })), [refetch]);
  const rows = (data?.consultations.nodes ?? []).filter((c) => c.escalatedAt);
  const order = { EMERGENCY: 0, URGENT: 1, ROUTINE: 2 } as Record<string, number>;
  rows.sort((a, b) => order[a.urgency] - order[b.urgency] || a.requestedAt.localeCompare(b.requestedAt));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="escalations-screen">
      <Space><ConsortiumPicker /><Typography.Text type="secondary">{t('escalations.hint')}</Typography.Text></Space>
      <Table<Waiting> rowKey="id" size="small" loading={fetching && !data} dataSource={rows} pagination={false} data-testid="escalations-table"
        locale={{ emptyText: t('escalations.none') }}
        columns={[
          { title: '#', dataIndex: 'id' },
          { title: t('escalations.urgency'), render: (_, c) => <Tag color={c.urgency === 'EMERGENCY' ? 'red' : c.urgency === 'URGENT' ? 'orange' : 'default'}>{t(`urgency.${c.urgency}`)}</Tag> },
          { title: t('escalations.hospital'), render: (_, c) => c.requestingHospital.name },
          { title: t('escalations.specialty'), render: (_, c) => (i18n.language === 'en' ? c.specialty.nameEn : c.specialty.nameZh) },
          { title: t('escalations.waiting'), render: (_, c) => t('escalations.minutes', { count: waited(c.requestedAt) }) },
          { title: t('escalations.assign'), render: (_, c) => <AssignTo consultation={c} onDone={() => refetch({ requestPolicy: 'network-only' })} /> },
        ]} />
    </Space>
  );
}

function AssignTo({ consultation, onDone }: { consultation: Waiting; onDone(): void }) {
  const { t } = useTranslation('scheduler');
  const { message } = App.useApp();
  const [specialistId, setSpecialistId] = useState<string | null>(null);
  const [{ data }] = useQuery({ query: SpecialistsOfSpecialtyDocument, variables: { specialtyId: consultation.specialty.id } });
  const [{ fetching }, assign] = useMutation(AssignConsultationDocument);
  async function submit() {
    const r = await assign({ input: { id: consultation.id, specialistId: specialistId! } });
    if (r.error) {
      message.error(errorSentence(t, describeError(r.error)));
      return;
    }
    message.success(t('escalations.assigned', { name: r.data!.assignConsultation.specialist?.name ?? '' }));
    onDone();
  }
  return (
    <Space>
      <span data-testid={`assign-specialist-${consultation.id}`}>
        <Select style={{ minWidth: 160 }} placeholder={t('escalations.chooseSpecialist')} value={specialistId ?? undefined} onChange={setSpecialistId}
          options={(data?.people.nodes ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.hospital.name}` }))} />
      </span>
      <Button type="primary" disabled={!specialistId} loading={fetching} onClick={submit} data-testid={`assign-${consultation.id}`}>{t('escalations.assignButton')}</Button>
    </Space>
  );
}
