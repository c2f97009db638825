import { App, Badge, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { useHubMutation } from '../../../data/useHubMutation';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import type { SpecialistIncomingReferralsQuery } from '../../../gql/graphql';
import { ageOf, departmentName, formatDate, formatDateTime } from '../../doctor/format';
import { AcceptReferralDocument, DeclineReferralDocument, IncomingReferralChangedDocument, IncomingReferralsDocument } from '../operations';

type IncomingReferral = SpecialistIncomingReferralsQuery['referrals']['nodes'][number];
const STATE_COLOUR: Record<string, string> = { PROPOSED: 'gold', ACCEPTED: 'green', DECLINED: 'red', ARRIVED: 'blue', COMPLETED: 'default', CANCELLED: 'default' };

/** The answer to one referral: accept with the day the patient is expected, or decline with a reason. */
function Answer({ referral, onDone }: { referral: IncomingReferral; onDone(): void }) {
  const { t } = useTranslation('specialist');
  const [dialog, setDialog] = useState<'accept' | 'decline' | null>(null);
  const [form] = Form.useForm<{ expectedArrivalDate?: Dayjs; reason?: string }>();
  const [accept, accepting] = useHubMutation(AcceptReferralDocument);
  const [decline, declining] = useHubMutation(DeclineReferralDocument);
  const { message } = App.useApp();
  const submit = async () => {
    // An incomplete form shows its messages beside the fields; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const outcome = dialog === 'accept'
      ? await accept({ input: { id: referral.id, expectedArrivalDate: v.expectedArrivalDate!.format('YYYY-MM-DD') } }, form)
      : await decline({ input: { id: referral.id, reason: v.reason!.trim() } }, form);
    if (outcome.data) {
      // NOTE: a declined referral leaves the list (its patient is no longer this hospital's to
      // see), so the answer is confirmed in words, naming the patient, before the card goes.
      void message.success({ content: t(dialog === 'accept' ? 'referrals.accepted' : 'referrals.declined', { patient: referral.patient.name }), className: 'referral-answered' });
      setDialog(null);
      onDone();
    }
  };
  if (referral.state !== 'PROPOSED') return null;
  return (
    <>
      <Space>
        <Button type="primary" onClick={() => setDialog('accept')} data-testid="referral-accept">{t('referrals.accept')}</Button>
        <Button danger onClick={() => setDialog('decline')} data-testid="referral-decline">{t('referrals.decline')}</Button>
      </Space>
      <Modal open={dialog !== null} title={dialog ? t(`referrals.${dialog}Title`, { patient: referral.patient.name }) : ''} onOk={submit} onCancel={() => setDialog(null)}
        confirmLoading={accepting || declining} destroyOnHidden okText={t('referrals.confirm')} cancelText={t('referrals.back')} okButtonProps={{ 'data-testid': 'referral-answer-ok' } as Record<string, string>}>
        <Form form={form} layout="vertical" preserve={false} data-testid="referral-answer-form">
          {dialog === 'accept' ? (
            <Form.Item name="expectedArrivalDate" label={t('referrals.expectedArrival')} initialValue={dayjs().add(1, 'day')} rules={[{ required: true, message: t('referrals.expectedArrivalRequired') }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          ) : (
            <Form.Item name="reason" label={t('referrals.declineReason')} rules={[{ required: true, whitespace: true, message: t('referrals.declineReasonRequired') }]}>
              <Input.TextArea rows={3} maxLength={500} data-testid="decline-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

/**
 * 我的转诊: referrals coming to my hospital for my specialty (the hub lists only those a
 * specialist may answer), live; waiting ones first, each readable in full before answering.
 */
export default function MyReferralsPage() {
  const { t, i18n } = useTranslation('specialist');
  const [{ data, error }, refetch] = useQuery({ query: IncomingReferralsDocument, requestPolicy: 'cache-and-network' });
  const again = () => refetch({ requestPolicy: 'network-only' });
  useResumableSubscription(IncomingReferralChangedDocument, { variables: {}, cursorOf: (d) => d.referralChanged.cursor, onData: again });
  if (!data) return <QueryError error={error} />;
  const rows = [...data.referrals.nodes].sort((a, b) => Number(b.state === 'PROPOSED') - Number(a.state === 'PROPOSED') || b.proposedAt.localeCompare(a.proposedAt));
  const waiting = rows.filter((r) => r.state === 'PROPOSED').length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="my-referrals">
      <Space>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('menu.referrals')}</Typography.Title>
        <Badge count={waiting} data-testid="referrals-waiting" />
      </Space>
      {rows.length === 0 && <Empty description={t('referrals.empty')} />}
      {rows.map((r) => (
        <Card key={r.id} size="small" data-testid="incoming-referral" data-referral={r.id} data-state={r.state}
          title={<Space wrap>
            <Tag color={r.direction === 'UP' ? 'volcano' : 'green'}>{t(`referrals.direction.${r.direction}`)}</Tag>
            {r.greenChannel && <Tag color="red">{t('referrals.greenChannel')}</Tag>}
            <span>{r.patient.name} · {t(`sex.${r.patient.sex}`)} · {t('queue.years', { count: ageOf(r.patient.birthDate) })}</span>
            <Tag color={STATE_COLOUR[r.state]} data-testid="referral-state">{t(`referrals.state.${r.state}`)}</Tag>
          </Space>}
          extra={<Answer referral={r} onDone={again} />}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('referrals.from')}>{r.fromHospital.name} · {r.referredBy.name}</Descriptions.Item>
            <Descriptions.Item label={t('referrals.proposedAt')}>{formatDateTime(r.proposedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('consultation.specialty')}>{departmentName(r.toDepartment, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('referrals.diagnosis')}><span data-testid="referral-diagnosis">{r.diagnosisCode} {r.diagnosisText}</span></Descriptions.Item>
            <Descriptions.Item label={t('referrals.basis')} span={2}>
              <span data-testid="referral-basis">{r.criteria.map((c) => <Tag key={c.id}>{c.code} {c.condition}</Tag>)}{r.justification}</span>
            </Descriptions.Item>
            {r.carePlan && <Descriptions.Item label={t('referrals.carePlan')} span={2}>{r.carePlan}</Descriptions.Item>}
            {r.sourceConsultation && <Descriptions.Item label={t('referrals.source')}><Link to={`/specialist/consultations/${r.sourceConsultation.id}`}>{t('consultation.title', { id: r.sourceConsultation.id })}</Link></Descriptions.Item>}
            {r.expectedArrivalDate && <Descriptions.Item label={t('referrals.expectedArrival')}><span data-testid="referral-arrival">{formatDate(r.expectedArrivalDate)}</span></Descriptions.Item>}
            {r.declineReason && <Descriptions.Item label={t('referrals.declineReason')}><span data-testid="referral-decline-reason">{r.declineReason}</span></Descriptions.Item>}
          </Descriptions>
        </Card>
      ))}
    </Space>
  );
}
