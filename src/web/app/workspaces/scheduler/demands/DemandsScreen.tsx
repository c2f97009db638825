import { App, Badge, Button, Card, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { describeError, errorSentence, showErrorOnField } from '../../../data/errors';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import type { DemandState, SchedulerDemandsQuery } from '../../../gql/graphql';
import { ConsortiumPicker, useConsortium } from '../consortium';
import {
  ApproveDemandDocument, ConsortiumDirectoryDocument, DeclineDemandDocument, DemandChangedDocument, DemandsDocument, HostSettingsDocument, SetHostSettingsDocument,
} from '../operations';

type Demand = SchedulerDemandsQuery['rotationDemands']['nodes'][number];

/** Host hospitals' rotation demands: approve, or decline with a reason; new ones arrive live. */
export default function DemandsScreen() {
  const { t, i18n } = useTranslation('scheduler');
  const { message } = App.useApp();
  const { consortiumId } = useConsortium();
  const [state, setState] = useState<DemandState | 'ALL'>('REQUESTED');
  const [declining, setDeclining] = useState<Demand | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [declineForm] = Form.useForm<{ reason: string }>();
  const [{ data, fetching }, refetch] = useQuery({ query: DemandsDocument, variables: { consortiumId: consortiumId ?? '', state: state === 'ALL' ? null : state }, pause: !consortiumId });
  const [, approve] = useMutation(ApproveDemandDocument);
  const [, decline] = useMutation(DeclineDemandDocument);

  useResumableSubscription(DemandChangedDocument, {
    variables: {},
    cursorOf: (d) => d.rotationDemandChanged.cursor,
    onData: (d) => {
      const c = d.rotationDemandChanged;
      if (c.consortiumId !== consortiumId) return;
      if (c.action === 'REQUESTED') setFresh((s) => new Set(s).add(c.demandId));
      refetch({ requestPolicy: 'network-only' });
    },
  });

  async function doApprove(d: Demand) {
    const r = await approve({ input: { id: d.id } });
    if (r.error) message.error(errorSentence(t, describeError(r.error)));
    else message.success(t('demands.approved'));
    refetch({ requestPolicy: 'network-only' });
  }

  async function doDecline(values: { reason: string }) {
    const r = await decline({ input: { id: declining!.id, reason: values.reason } });
    if (r.error) {
      const e = describeError(r.error);
      if (!showErrorOnField(declineForm, e)) message.error(errorSentence(t, e));
      return;
    }
    setDeclining(null);
    refetch({ requestPolicy: 'network-only' });
  }

  const spec = (s: { nameZh: string; nameEn: string }) => (i18n.language === 'en' ? s.nameEn : s.nameZh);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="demands-screen">
      <Space wrap>
        <ConsortiumPicker />
        <Segmented value={state} onChange={(v) => setState(v as DemandState | 'ALL')}
          options={(['REQUESTED', 'APPROVED', 'DECLINED', 'WITHDRAWN', 'ALL'] as const).map((s) => ({ value: s, label: t(`demandState.${s}`) }))} />
      </Space>
      <Table<Demand> rowKey="id" size="small" loading={fetching && !data} dataSource={data?.rotationDemands.nodes ?? []} pagination={false} data-testid="demands-table"
        columns={[
          { title: t('demands.host'), render: (_, d) => <Space>{fresh.has(d.id) && <Badge status="processing" text={t('demands.new')} />}{d.host.name}</Space> },
          { title: t('demands.specialty'), render: (_, d) => spec(d.specialty) },
          { title: t('demands.expertDays'), dataIndex: 'expertDays' },
          { title: t('demands.session'), render: (_, d) => t(`session.${d.session}`) },
          { title: t('demands.period'), render: (_, d) => `${d.periodStart} – ${d.periodEnd}` },
          { title: t('demands.priority'), render: (_, d) => <Tag color={d.priority >= 4 ? 'red' : d.priority >= 3 ? 'orange' : 'default'}>{d.priority}</Tag> },
          { title: t('demands.weekdays'), render: (_, d) => (d.preferredWeekdays.length ? d.preferredWeekdays.map((w) => t(`weekday.${w}`)).join(' ') : t('demands.anyDay')) },
          { title: t('demands.state'), render: (_, d) => <Tag>{t(`demandState.${d.state}`)}</Tag> },
          {
            title: '', render: (_, d) => d.state === 'REQUESTED' && (
              <Space>
                <Button size="small" type="primary" onClick={() => doApprove(d)} data-testid={`approve-${d.id}`}>{t('demands.approve')}</Button>
                <Button size="small" danger onClick={() => { declineForm.resetFields(); setDeclining(d); }} data-testid={`decline-${d.id}`}>{t('demands.decline')}</Button>
              </Space>
            ),
          },
        ]} />
      <HostSettingsCard consortiumId={consortiumId} />
      <Modal open={!!declining} title={t('demands.declineTitle')} onCancel={() => setDeclining(null)} onOk={() => declineForm.submit()} okButtonProps={{ 'data-testid': 'decline-confirm' }}>
        <Form form={declineForm} onFinish={doDecline} layout="vertical">
          <Form.Item name="reason" label={t('demands.reason')} rules={[{ required: true, message: t('demands.reasonRequired') }]}>
            <Input.TextArea rows={3} data-testid="decline-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** How a host receives visiting experts: experts per day, slot length, slots per session. */
function HostSettingsCard({ consortiumId }: { consortiumId: string | null }) {
  const { t } = useTranslation('scheduler');
  const { message } = App.useApp();
  const [hostId, setHostId] = useState<string | null>(null);
  const [form] = Form.useForm<{ dailyCapacity: number; slotMinutes: number; slotsPerSession: number }>();
  const [{ data: directory }] = useQuery({ query: ConsortiumDirectoryDocument, variables: { id: consortiumId ?? '' }, pause: !consortiumId });
  const [{ data }] = useQuery({ query: HostSettingsDocument, variables: { hostId: hostId ?? '' }, pause: !hostId });
  const [, save] = useMutation(SetHostSettingsDocument);
  useEffect(() => {
    if (data) form.setFieldsValue(data.hostSettings);
  }, [data, form]);

  async function submit(values: { dailyCapacity: number; slotMinutes: number; slotsPerSession: number }) {
    const r = await save({ input: { hostId: hostId!, ...values } });
    if (r.error) {
      const e = describeError(r.error);
      if (!showErrorOnField(form, e)) message.error(errorSentence(t, e));
      return;
    }
    message.success(t('hostSettings.saved'));
  }

  return (
    <Card size="small" title={t('hostSettings.title')} data-testid="host-settings">
      <Space align="start" wrap>
        <Select style={{ minWidth: 200 }} data-testid="host-settings-host" placeholder={t('hostSettings.host')} value={hostId ?? undefined} onChange={setHostId}
          options={(directory?.consortium.hospitals ?? []).map((h) => ({ value: h.id, label: h.name }))} />
        {hostId && (
          <Form form={form} layout="inline" onFinish={submit}>
            <Form.Item name="dailyCapacity" label={t('hostSettings.dailyCapacity')}><InputNumber /></Form.Item>
            <Form.Item name="slotMinutes" label={t('hostSettings.slotMinutes')}><InputNumber /></Form.Item>
            <Form.Item name="slotsPerSession" label={t('hostSettings.slotsPerSession')}><InputNumber /></Form.Item>
            <Button htmlType="submit" type="primary" data-testid="host-settings-save">{t('hostSettings.save')}</Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
