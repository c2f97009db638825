import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Divider, Drawer, Form, Input, List, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { useHubMutation } from '../../../data/useHubMutation';
import type { BookingSlipFragment } from '../../../gql/graphql';
import { departmentName, formatDate } from '../format';
import { BookingSlipView, PrintableSlip, printSlip } from './BookingSlip';
import { BookSlotDocument, CancelBookingDocument, ClinicSessionDocument } from './operations';
import { PatientPicker } from './PatientPicker';

interface Values {
  patientId: string;
  mode: 'earliest' | 'chosen';
  slotId?: string;
  purpose?: string;
}

/** One clinic session: its slots, booking a patient (earliest free or chosen), my bookings with cancel and print. */
export function SessionDrawer({ sessionId, patientId, onClose, onChanged }: { sessionId: string | null; patientId?: string | null; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation('doctor');
  const [form] = Form.useForm<Values>();
  const [{ data, error }, refetch] = useQuery({ query: ClinicSessionDocument, variables: { id: sessionId ?? '' }, pause: !sessionId, requestPolicy: 'network-only' });
  const [book, booking] = useHubMutation(BookSlotDocument);
  const [cancel] = useHubMutation(CancelBookingDocument);
  const [slip, setSlip] = useState<BookingSlipFragment | null>(null);
  const mode = Form.useWatch('mode', form);
  const s = data?.clinicSession;

  const onFinish = async (values: Values) => {
    const outcome = await book({ input: { sessionId: sessionId!, patientId: values.patientId, slotId: values.mode === 'chosen' ? values.slotId : null, purpose: values.purpose?.trim() || null } }, form);
    if (outcome.data) {
      setSlip(outcome.data.bookClinicSlot);
      refetch({ requestPolicy: 'network-only' });
      onChanged();
    }
  };

  return (
    <Drawer open={Boolean(sessionId)} onClose={() => { setSlip(null); onClose(); }} size={520} title={t('experts.session')} destroyOnHidden>
      <QueryError error={error} />
      {s && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="session-drawer">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('slip.hospital')}>{s.host.name}</Descriptions.Item>
            <Descriptions.Item label={t('slip.specialty')}>{departmentName(s.specialty, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('slip.specialist')}>{s.specialist.name}</Descriptions.Item>
            <Descriptions.Item label={t('slip.date')}>{formatDate(s.date)} {t(`sessionTime.${s.session}`)}</Descriptions.Item>
            <Descriptions.Item label={t('experts.free')}><span data-testid="free-slots">{t('experts.freeOf', { free: s.freeSlots, total: s.slotCount })}</span></Descriptions.Item>
          </Descriptions>
          {slip ? (
            <>
              <Alert type="success" showIcon title={t('experts.booked')} />
              <BookingSlipView booking={slip} />
              <Space>
                <Button icon={<PrinterOutlined />} onClick={printSlip} data-testid="print-slip">{t('slip.print')}</Button>
                <Button onClick={() => setSlip(null)}>{t('experts.bookAnother')}</Button>
              </Space>
              <PrintableSlip booking={slip} />
            </>
          ) : s.state === 'OPEN' ? (
            <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ patientId: patientId ?? undefined, mode: 'earliest' }} id="book-slot">
              <Form.Item name="patientId" label={t('slip.patient')} rules={[{ required: true, message: t('patients.pick') }]}>
                <PatientPicker />
              </Form.Item>
              <Form.Item name="mode" label={t('experts.which')}>
                <Radio.Group options={[{ value: 'earliest', label: t('experts.earliest') }, { value: 'chosen', label: t('experts.chosen') }]} />
              </Form.Item>
              {mode === 'chosen' && (
                <Form.Item name="slotId" label={t('slip.slot')} rules={[{ required: true, message: t('experts.pickSlot') }]}>
                  <Radio.Group>
                    <Space wrap>
                      {s.slots.map((slot) => (
                        <Radio.Button key={slot.id} value={slot.id} disabled={slot.booked}>{slot.startsAt}</Radio.Button>
                      ))}
                    </Space>
                  </Radio.Group>
                </Form.Item>
              )}
              {/* What for: the visiting specialist reads it in their calendar to prepare. */}
              <Form.Item name="purpose" label={t('experts.purpose')}>
                <Input maxLength={500} placeholder={t('experts.purposeHint')} data-testid="book-purpose" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={booking} disabled={s.freeSlots === 0} data-testid="book-submit">{t('experts.book')}</Button>
            </Form>
          ) : (
            <Alert type="warning" showIcon title={t(`experts.sessionState.${s.state}`)} />
          )}
          <Divider titlePlacement="start">{t('experts.myBookings')}</Divider>
          <List
            size="small"
            dataSource={s.myBookings}
            locale={{ emptyText: t('experts.noBookings') }}
            renderItem={(b) => (
              <List.Item
                actions={b.state === 'BOOKED' ? [
                  <Button key="print" size="small" icon={<PrinterOutlined />} onClick={() => { setSlip(b); setTimeout(printSlip, 50); }}>{t('slip.print')}</Button>,
                  <Popconfirm key="cancel" title={t('experts.cancelConfirm')} onConfirm={async () => {
                    const outcome = await cancel({ input: { bookingId: b.id, reason: null } });
                    if (outcome.data) { refetch({ requestPolicy: 'network-only' }); onChanged(); }
                  }}>
                    <Button size="small" danger>{t('experts.cancel')}</Button>
                  </Popconfirm>,
                ] : []}
              >
                <Typography.Text>{b.patient.name}</Typography.Text> <Tag>{b.slot.startsAt}</Tag> <Tag>{t(`bookingState.${b.state}`)}</Tag>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Drawer>
  );
}
