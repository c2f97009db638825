import { VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Statistic, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import { ConsultationChangedDocument, ConsultationDocument, QueuePositionDocument } from './operations';
import { StoredAttachment } from './StoredAttachment';
import { ageOf, departmentName, formatDateTime, formatWait } from '../format';

const URGENCY_COLOUR = { ROUTINE: 'blue', URGENT: 'orange', EMERGENCY: 'red' } as const;

/** A request's own live page: queue position, each state change, the video, the opinion, refer up. */
export default function ConsultationPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation('doctor');
  const navigate = useNavigate();
  const location = useLocation();
  const [{ data, error }, refetch] = useQuery({ query: ConsultationDocument, variables: { id: id! }, requestPolicy: 'cache-and-network' });
  const c = data?.consultation;
  const waiting = c?.state === 'REQUESTED';
  const [{ data: position }] = useSubscription({ query: QueuePositionDocument, variables: { id: id! }, pause: !waiting });
  // Every change to this request (claimed, scheduled, started, opinion): read it again.
  useResumableSubscription(ConsultationChangedDocument, {
    variables: { id: id! },
    cursorOf: (d) => d.consultationChanged.cursor,
    onData: () => refetch({ requestPolicy: 'network-only' }),
  });
  const p = position?.consultationQueuePosition;

  if (!c) return <QueryError error={error} />;
  const steps = [
    { at: c.requestedAt, text: t('consultations.timeline.requested') },
    c.claimedAt && { at: c.claimedAt, text: t('consultations.timeline.claimed', { name: c.specialist?.name ?? '', hospital: c.specialist?.hospital.name ?? '' }) },
    c.handedBackAt && { at: c.handedBackAt, text: t('consultations.timeline.handedBack', { reason: c.handBackReason ?? '' }) },
    c.scheduledStart && { at: c.scheduledStart, text: t('consultations.timeline.scheduled', { time: formatDateTime(c.scheduledStart) }) },
    c.startedAt && { at: c.startedAt, text: t('consultations.timeline.started') },
    c.endedAt && { at: c.endedAt, text: t('consultations.timeline.ended') },
    c.completedAt && { at: c.completedAt, text: t('consultations.timeline.completed') },
    c.cancelledAt && { at: c.cancelledAt, text: t('consultations.timeline.cancelled', { reason: c.cancelReason ?? '' }) },
  ].filter(Boolean) as { at: string; text: string }[];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="consultation-page">
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('consultations.one', { id: c.id })}</Typography.Title>
        <Tag color={URGENCY_COLOUR[c.urgency]}>{t(`urgency.${c.urgency}`)}</Tag>
        <Tag color="processing" data-testid="consultation-state" data-state={c.state}>{t(`consultationState.${c.state}`)}</Tag>
      </Space>
      {(location.state as { uploadProblems?: boolean } | null)?.uploadProblems && <Alert type="warning" showIcon title={t('attachments.someFailed')} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {waiting && (
              <Card size="small" data-testid="queue-card">
                <Row gutter={12}>
                  <Col span={8}><Statistic title={t('consultations.position')} value={p?.position ?? '–'} suffix={p ? `/ ${p.queueLength}` : ''} valueRender={(node) => <span data-testid="queue-position">{node}</span>} /></Col>
                  <Col span={8}><Statistic title={t('consultations.waiting')} value={p ? formatWait(p.waitingSeconds) : '–'} /></Col>
                  <Col span={8}><Statistic title={t('consultations.deadline')} value={formatDateTime(c.claimDeadlineAt)} styles={{ content: { fontSize: 16 } }} /></Col>
                </Row>
              </Card>
            )}
            {c.state === 'IN_SESSION' && (
              <Alert
                type="success"
                showIcon
                title={t('consultations.sessionRunning')}
                action={<Button type="primary" icon={<VideoCameraOutlined />} onClick={() => navigate(`/doctor/room/${encodeURIComponent(c.id)}`)} data-testid="join-video">{t('consultations.joinVideo')}</Button>}
              />
            )}
            {c.opinion && (
              <Card title={t('consultations.opinion')} size="small" data-testid="opinion"
                extra={<Button type="primary" onClick={() => navigate(`/doctor/referrals/new?consultation=${c.id}&patient=${c.patient?.id ?? ''}`)} data-testid="refer-up">{t('consultations.referUp')}</Button>}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('consultations.impression')}>{c.opinion.impression}</Descriptions.Item>
                  <Descriptions.Item label={t('consultations.recommendations')}>{c.opinion.recommendations}</Descriptions.Item>
                  {c.opinion.diagnosisText && <Descriptions.Item label={t('consultations.diagnosis')}>{c.opinion.diagnosisCode} {c.opinion.diagnosisText}</Descriptions.Item>}
                  <Descriptions.Item label={t('consultations.author')}>{c.opinion.author.name} · {formatDateTime(c.opinion.writtenAt)}</Descriptions.Item>
                </Descriptions>
                {c.opinion.referUp && <Alert type="info" showIcon title={t('consultations.opinionRecommendsReferral')} />}
              </Card>
            )}
            <Card size="small" title={t('consultations.request')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('slip.patient')}>{c.patient ? `${c.patient.name} · ${t(`sex.${c.patient.sex}`)} · ${t('patients.years', { count: ageOf(c.patient.birthDate) })}` : ''}</Descriptions.Item>
                <Descriptions.Item label={t('experts.specialty')}>{departmentName(c.specialty, i18n.language)}</Descriptions.Item>
                <Descriptions.Item label={t('consultations.question')}>{c.question}</Descriptions.Item>
                <Descriptions.Item label={t('consultations.summary')}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.clinicalSummary}</Typography.Paragraph></Descriptions.Item>
              </Descriptions>
              <List
                header={t('attachments.title')}
                dataSource={c.attachments ?? []}
                locale={{ emptyText: t('attachments.none') }}
                renderItem={(a) => (
                  <List.Item data-testid="stored-attachment">
                    <Space orientation="vertical">
                      <Typography.Text strong>{a.fileName}</Typography.Text>
                      <StoredAttachment a={a} />
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('consultations.progress')}>
            <Timeline data-testid="consultation-timeline" items={steps.map((s) => ({ content: <span>{s.text}<br /><Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text></span> }))} />
          </Card>
          {c.referrals.length > 0 && (
            <Card size="small" title={t('referrals.title')} style={{ marginTop: 12 }}>
              <List dataSource={c.referrals} renderItem={(r) => <List.Item>{t(`direction.${r.direction}`)} → {r.toHospital.name} <Tag>{t(`referralState.${r.state}`)}</Tag></List.Item>} />
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}
