import { Alert, Button, Descriptions, Drawer, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { errorSentence } from '../../../data/errors';
import { QueryError } from '../../../data/QueryError';
import { useHubMutation } from '../../../data/useHubMutation';
import { ClaimDocument, PreviewDocument } from '../operations';

/** What a request is about, read before claiming (audited); claim it from here. */
export function PreviewDrawer({ consultationId, onClose }: { consultationId: string | null; onClose(): void }) {
  const { t } = useTranslation('specialist');
  const navigate = useNavigate();
  const [{ data, error, fetching }] = useQuery({ query: PreviewDocument, variables: { id: consultationId ?? '' }, pause: !consultationId, requestPolicy: 'network-only' });
  const [claim, claiming] = useHubMutation(ClaimDocument);
  const [lost, setLost] = useState<string | null>(null);
  const p = data?.consultationPreview;
  const close = () => {
    setLost(null);
    onClose();
  };
  return (
    <Drawer open={Boolean(consultationId)} onClose={close} title={t('queue.previewTitle', { id: consultationId })} size="large" data-testid="preview-drawer">
      {fetching && !p && <Spin />}
      {!p && !fetching && <QueryError error={error} />}
      {p && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('queue.previewNotice')} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('queue.hospital')}><span data-testid="preview-hospital">{p.requestingHospital.name}</span></Descriptions.Item>
            <Descriptions.Item label={t('queue.patient')}><span data-testid="preview-patient">{t(`sex.${p.patientSex}`)} · {t('queue.years', { count: p.patientAgeYears })}</span></Descriptions.Item>
            <Descriptions.Item label={t('consultation.question')}><span data-testid="preview-question">{p.question}</span></Descriptions.Item>
            <Descriptions.Item label={t('consultation.summary')}><span style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-summary">{p.clinicalSummary}</span></Descriptions.Item>
            <Descriptions.Item label={t('consultation.attachments')}>{t('queue.attachmentCount', { count: p.attachmentCount })}</Descriptions.Item>
          </Descriptions>
          {lost && <Alert type="warning" showIcon title={lost} data-testid="claim-lost" />}
          <Button type="primary" loading={claiming} disabled={Boolean(lost)} data-testid="claim" onClick={async () => {
            const outcome = await claim({ id: p.consultationId });
            if (outcome.data) navigate(`/specialist/consultations/${p.consultationId}`);
            else if (outcome.error.code === 'CONFLICT') setLost(errorSentence(t, outcome.error));
          }}>{t('queue.claim')}</Button>
        </Space>
      )}
    </Drawer>
  );
}
