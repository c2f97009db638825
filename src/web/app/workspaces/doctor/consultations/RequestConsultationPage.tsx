import { Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { errorSentence } from '../../../data/errors';
import { useHubMutation } from '../../../data/useHubMutation';
import type { Urgency } from '../../../gql/graphql';
import { currentLanguage } from '../../../i18n';
import { useSession } from '../../../shell/session';
import { PatientPicker } from '../experts/PatientPicker';
import { departmentName } from '../format';
import { AttachmentsField, PendingFile } from './AttachmentsField';
import { RequestConsultationDocument, RequestFormDataDocument } from './operations';
import { UploadError, uploadAttachment } from './upload';

interface Values {
  patientId: string;
  specialtyId: string;
  consortiumId?: string;
  urgency: Urgency;
  question: string;
  clinicalSummary: string;
}

/** Asks a specialty for a remote opinion, with exam results; then opens the request's live page. */
export default function RequestConsultationPage() {
  const { t, i18n } = useTranslation('doctor');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { token } = useSession();
  const [form] = Form.useForm<Values>();
  const [{ data }] = useQuery({ query: RequestFormDataDocument });
  const [request, busy] = useHubMutation(RequestConsultationDocument);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const consortia = data?.me.hospital.consortia ?? [];

  const onFinish = async (values: Values) => {
    const outcome = await request({ input: { ...values, consortiumId: values.consortiumId ?? null } }, form);
    if (!outcome.data) return;
    const id = outcome.data.requestConsultation.id;
    setUploading(true);
    let all = files;
    for (const pending of files) {
      const update = (patch: Partial<PendingFile>) => {
        all = all.map((f) => (f.uid === pending.uid ? { ...f, ...patch } : f));
        setFiles(all);
      };
      update({ progress: 0 });
      try {
        await uploadAttachment(id, pending.file, token!, currentLanguage(), (progress) => update({ progress }));
        update({ progress: 100, done: true });
      } catch (error) {
        const e = error as UploadError;
        update({ error: errorSentence(t, { code: (['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT'].includes(e.code) ? e.code : 'INTERNAL') as never, message: e.message }) });
      }
    }
    setUploading(false);
    if (all.every((f) => f.done)) navigate(`/doctor/consultations/${id}`);
    else navigate(`/doctor/consultations/${id}`, { state: { uploadProblems: true } });
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }} data-testid="request-consultation-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('consultations.new')}</Typography.Title>
      <Card>
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ patientId: params.get('patient') ?? undefined, urgency: 'ROUTINE' }} id="request-consultation">
          <Form.Item name="patientId" label={t('slip.patient')} rules={[{ required: true, message: t('patients.pick') }]}>
            <PatientPicker />
          </Form.Item>
          <Form.Item name="specialtyId" label={t('experts.specialty')} rules={[{ required: true, message: t('consultations.specialtyRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(data?.departments ?? []).map((d) => ({ value: d.id, label: departmentName(d, i18n.language) }))} data-testid="specialty-select" />
          </Form.Item>
          {consortia.length > 1 && (
            <Form.Item name="consortiumId" label={t('consultations.consortium')} rules={[{ required: true, message: t('consultations.consortiumRequired') }]}>
              <Select options={consortia.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
          <Form.Item name="urgency" label={t('consultations.urgency')}>
            <Radio.Group optionType="button" options={(['ROUTINE', 'URGENT', 'EMERGENCY'] as const).map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
          </Form.Item>
          <Form.Item name="question" label={t('consultations.question')} rules={[{ required: true, whitespace: true, message: t('consultations.questionRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="clinicalSummary" label={t('consultations.summary')} rules={[{ required: true, whitespace: true, message: t('consultations.summaryRequired') }]}>
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
          <Form.Item label={t('attachments.title')}>
            <AttachmentsField files={files} onChange={setFiles} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy || uploading} data-testid="request-submit">{t('consultations.send')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
