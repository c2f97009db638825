import { Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHubMutation } from '../../../data/useHubMutation';
import type { ReferralRowFragment } from '../../../gql/graphql';
import { AcceptReferralDocument, ArrivedReferralDocument, CancelReferralDocument, CompleteReferralDocument, DeclineReferralDocument } from './operations';

type Dialog = 'accept' | 'decline' | 'cancel' | null;

/** What the receiving hospital (accept, decline, arrived, complete) or the sender (cancel) can do now, with the reasons each needs. */
export function ReferralActions({ referral, incoming, onDone }: { referral: ReferralRowFragment; incoming: boolean; onDone(): void }) {
  const { t } = useTranslation('doctor');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ reason?: string; expectedArrivalDate?: Dayjs }>();
  const [accept] = useHubMutation(AcceptReferralDocument);
  const [decline] = useHubMutation(DeclineReferralDocument);
  const [cancel] = useHubMutation(CancelReferralDocument);
  const [arrived] = useHubMutation(ArrivedReferralDocument);
  const [complete] = useHubMutation(CompleteReferralDocument);
  const id = referral.id;

  const submit = async () => {
    // A missing reason or date is already shown beside its field: nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const outcome = dialog === 'accept'
      ? await accept({ input: { id, expectedArrivalDate: values.expectedArrivalDate!.format('YYYY-MM-DD') } }, form)
      : dialog === 'decline'
        ? await decline({ input: { id, reason: values.reason! } }, form)
        : await cancel({ input: { id, reason: values.reason! } }, form);
    if (outcome.data) {
      setDialog(null);
      form.resetFields();
      onDone();
    }
  };

  const buttons = [];
  if (incoming && referral.state === 'PROPOSED') {
    buttons.push(<Button key="a" size="small" type="primary" onClick={() => setDialog('accept')} data-testid="referral-accept">{t('referrals.accept')}</Button>);
    buttons.push(<Button key="d" size="small" danger onClick={() => setDialog('decline')} data-testid="referral-decline">{t('referrals.decline')}</Button>);
  }
  if (incoming && referral.state === 'ACCEPTED') {
    buttons.push(<Button key="r" size="small" onClick={async () => (await arrived({ id })).data && onDone()} data-testid="referral-arrived">{t('referrals.arrived')}</Button>);
  }
  if (incoming && referral.state === 'ARRIVED') {
    buttons.push(<Button key="c" size="small" onClick={async () => (await complete({ id })).data && onDone()} data-testid="referral-complete">{t('referrals.complete')}</Button>);
  }
  if (!incoming && (referral.state === 'PROPOSED' || referral.state === 'ACCEPTED')) {
    buttons.push(<Button key="x" size="small" danger onClick={() => setDialog('cancel')}>{t('referrals.cancel')}</Button>);
  }
  return (
    <>
      <Space size={4}>{buttons}</Space>
      <Modal open={dialog !== null} title={dialog ? t(`referrals.${dialog}`) : ''} onOk={submit} onCancel={() => setDialog(null)} destroyOnHidden okText={t('common:actions.confirm')} cancelText={t('common:actions.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'accept' ? (
            <Form.Item name="expectedArrivalDate" label={t('referrals.expectedArrival')} initialValue={dayjs().add(1, 'day')} rules={[{ required: true, message: t('referrals.expectedArrivalRequired') }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          ) : (
            <Form.Item name="reason" label={t('referrals.reason')} rules={[{ required: true, whitespace: true, message: t('referrals.reasonRequired') }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
