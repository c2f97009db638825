import { VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Row, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { useHubMutation } from '../../../data/useHubMutation';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import { ConsultationChangedDocument } from '../../doctor/consultations/operations';
import { StoredAttachment } from '../../doctor/consultations/StoredAttachment';
import { ageOf, departmentName } from '../../doctor/format';
import { CalendarList } from '../calendar/MyCalendar';
import { EndDocument, HandBackDocument, OpinionDocument, ScheduleDocument, SpecialistConsultationDocument, StartDocument } from '../operations';
import { URGENCY_COLOUR } from '../queue/QueueBoard';
import { formatInZone, todayInZone, wallClockInZone } from '../zone';
import { ReferFromOpinion } from './ReferFromOpinion';

/** The specialist's page of one consultation: the request, scheduling beside the calendar, the session, the opinion. */
export default function SpecialistConsultationPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation('specialist');
  const navigate = useNavigate();
  const [{ data, error }, refetch] = useQuery({ query: SpecialistConsultationDocument, variables: { id: id! }, requestPolicy: 'cache-and-network' });
  useResumableSubscription(ConsultationChangedDocument, {
    variables: { id: id! },
    cursorOf: (d) => d.consultationChanged.cursor,
    onData: () => refetch({ requestPolicy: 'network-only' }),
  });
  const [schedule, scheduling] = useHubMutation(ScheduleDocument);
  const [start, starting] = useHubMutation(StartDocument);
  const [end, ending] = useHubMutation(EndDocument);
  const [writeOpinion, writing] = useHubMutation(OpinionDocument);
  const [handBack, handingBack] = useHubMutation(HandBackDocument);
  const [scheduleForm] = Form.useForm<{ startsAt: Dayjs; minutes: number }>();
  const [opinionForm] = Form.useForm<{ impression: string; recommendations: string; diagnosisCode?: string; diagnosisText?: string; referUp: boolean }>();
  const [handBackForm] = Form.useForm<{ reason: string }>();
  const c = data?.consultation;
  if (!c) return <QueryError error={error} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const canSchedule = c.state === 'CLAIMED' || c.state === 'SCHEDULED';
  // Times are picked and shown in the consortium's zone, as the calendar beside and the hub's clash sentence say them.
  const zone = c.consortium.timeZone;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="specialist-consultation">
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('consultation.title', { id: c.id })}</Typography.Title>
        <Tag color={URGENCY_COLOUR[c.urgency]}>{t(`urgency.${c.urgency}`)}</Tag>
        <Tag color="processing" data-testid="consultation-state" data-state={c.state}>{t(`state.${c.state}`)}</Tag>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={13}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {c.state === 'IN_SESSION' && (
              <Alert type="success" showIcon title={t('consultation.sessionRunning')} action={
                <Space>
                  <Button type="primary" icon={<VideoCameraOutlined />} onClick={() => navigate(`/specialist/room/${encodeURIComponent(c.id)}`)} data-testid="join-video">{t('consultation.joinVideo')}</Button>
                  <Button danger loading={ending} data-testid="end-session" onClick={async () => { if ((await end({ id: c.id })).data) reload(); }}>{t('consultation.end')}</Button>
                </Space>
              } />
            )}
            <Card size="small" title={t('consultation.request')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('queue.hospital')}>{c.requestingHospital.name} · {c.requestedBy.name}</Descriptions.Item>
                <Descriptions.Item label={t('queue.patient')}><span data-testid="patient">{c.patient ? `${c.patient.name} · ${t(`sex.${c.patient.sex}`)} · ${t('queue.years', { count: ageOf(c.patient.birthDate) })} · ${c.patient.nationalIdMasked}` : ''}</span></Descriptions.Item>
                <Descriptions.Item label={t('consultation.specialty')}>{departmentName(c.specialty, i18n.language)}</Descriptions.Item>
                <Descriptions.Item label={t('consultation.question')}>{c.question}</Descriptions.Item>
                <Descriptions.Item label={t('consultation.summary')}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.clinicalSummary}</Typography.Paragraph></Descriptions.Item>
                {c.scheduledStart && <Descriptions.Item label={t('consultation.scheduled')}><span data-testid="scheduled">{formatInZone(c.scheduledStart, zone)}–{formatInZone(c.scheduledEnd, zone, 'HH:mm')} ({zone})</span></Descriptions.Item>}
              </Descriptions>
              <List header={t('consultation.attachments')} dataSource={c.attachments ?? []} locale={{ emptyText: t('consultation.noAttachments') }} renderItem={(a) => (
                <List.Item data-testid="stored-attachment">
                  <Space orientation="vertical"><Typography.Text strong>{a.fileName}</Typography.Text><StoredAttachment a={a} /></Space>
                </List.Item>
              )} />
            </Card>
            {canSchedule && (
              <Card size="small" title={t('consultation.schedule')}>
                <Form form={scheduleForm} layout="inline" initialValues={{ minutes: 30 }} data-testid="schedule-form" onFinish={async (v) => {
                  const startsAt = wallClockInZone(v.startsAt, zone);
                  // A clash is refused with its reason: shown beside the time, where it was chosen.
                  const outcome = await schedule({ input: { id: c.id, startsAt: startsAt.toISOString(), endsAt: startsAt.add(v.minutes, 'minute').toISOString() } }, scheduleForm, { endsAt: 'minutes' }, 'startsAt');
                  if (outcome.data) reload();
                }}>
                  <Form.Item name="startsAt" label={t('consultation.startsAtIn', { zone })} rules={[{ required: true, message: t('consultation.startsAtRequired') }]}>
                    <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.format('YYYY-MM-DD') < todayInZone(zone).format('YYYY-MM-DD')} data-testid="starts-at" />
                  </Form.Item>
                  <Form.Item name="minutes" label={t('consultation.minutes')}><InputNumber min={10} max={240} step={5} /></Form.Item>
                  <Button type="primary" htmlType="submit" loading={scheduling} data-testid="schedule-submit">{t('consultation.scheduleSubmit')}</Button>
                </Form>
                <Space style={{ marginTop: 12 }}>
                  <Button type="primary" loading={starting} data-testid="start-session" onClick={async () => { if ((await start({ id: c.id })).data) reload(); }}>{t('consultation.start')}</Button>
                </Space>
              </Card>
            )}
            {c.state === 'ENDED' && (
              <Card size="small" title={t('consultation.opinion')}>
                <Form form={opinionForm} layout="vertical" initialValues={{ referUp: false }} data-testid="opinion-form" onFinish={async (v) => {
                  if ((await writeOpinion({ input: { id: c.id, ...v } }, opinionForm)).data) reload();
                }}>
                  <Form.Item name="impression" label={t('consultation.impression')} rules={[{ required: true, message: t('consultation.required') }]}><Input.TextArea rows={2} data-testid="impression" /></Form.Item>
                  <Form.Item name="recommendations" label={t('consultation.recommendations')} rules={[{ required: true, message: t('consultation.required') }]}><Input.TextArea rows={3} data-testid="recommendations" /></Form.Item>
                  <Space>
                    <Form.Item name="diagnosisCode" label={t('consultation.diagnosisCode')}><Input placeholder="I20.0" data-testid="diagnosis-code" /></Form.Item>
                    <Form.Item name="diagnosisText" label={t('consultation.diagnosisText')}><Input data-testid="diagnosis-text" /></Form.Item>
                  </Space>
                  <Form.Item name="referUp" valuePropName="checked"><Checkbox data-testid="refer-up">{t('consultation.referUp')}</Checkbox></Form.Item>
                  <Button type="primary" htmlType="submit" loading={writing} data-testid="opinion-submit">{t('consultation.opinionSubmit')}</Button>
                </Form>
              </Card>
            )}
            {c.opinion && (
              <Card size="small" title={t('consultation.opinion')} data-testid="opinion">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('consultation.impression')}>{c.opinion.impression}</Descriptions.Item>
                  <Descriptions.Item label={t('consultation.recommendations')}>{c.opinion.recommendations}</Descriptions.Item>
                  {c.opinion.diagnosisText && <Descriptions.Item label={t('consultation.diagnosisText')}>{c.opinion.diagnosisCode} {c.opinion.diagnosisText}</Descriptions.Item>}
                  {c.opinion.referUp && <Descriptions.Item label={t('consultation.referUp')}>✓</Descriptions.Item>}
                </Descriptions>
              </Card>
            )}
            {c.state === 'COMPLETED' && c.opinion && <ReferFromOpinion c={c} onDone={reload} />}
            {canSchedule && (
              <Card size="small" title={t('consultation.handBack')}>
                <Form form={handBackForm} layout="inline" onFinish={async (v) => { if ((await handBack({ input: { id: c.id, reason: v.reason } }, handBackForm)).data) reload(); }}>
                  <Form.Item name="reason" rules={[{ required: true, message: t('consultation.required') }]}><Input placeholder={t('consultation.handBackReason')} style={{ width: 280 }} /></Form.Item>
                  <Button loading={handingBack} htmlType="submit" data-testid="hand-back">{t('consultation.handBack')}</Button>
                </Form>
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={11}>
          <CalendarList compact zone={zone} />
        </Col>
      </Row>
    </Space>
  );
}
