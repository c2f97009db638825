import { Alert, Button, Card, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useHubMutation } from '../../../data/useHubMutation';
import type { HospitalTier, ReferralDirection } from '../../../gql/graphql';
import { PatientPicker } from '../experts/PatientPicker';
import { departmentName } from '../format';
import { CriteriaDocument, ProposeReferralDocument, ReferFromConsultationDocument, ReferralFormDataDocument, SourceConsultationDocument } from './operations';

interface Values {
  patientId: string;
  direction: ReferralDirection;
  toHospitalId: string;
  toDepartmentId?: string;
  diagnosisCode: string;
  diagnosisText: string;
  criterionIds: string[];
  justification?: string;
  greenChannel: boolean;
  carePlan?: string;
}

const RANK: Record<HospitalTier, number> = { VILLAGE: 0, TOWNSHIP: 1, COMMUNITY: 1, SECONDARY: 2, TERTIARY: 3 };

/**
 * Propose a referral UP or DOWN citing the criteria catalogue or a justification; from a
 * consultation's opinion ("refer up") it comes prefilled and stays linked to it.
 */
export default function ProposeReferralPage() {
  const { t, i18n } = useTranslation('doctor');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const consultationId = params.get('consultation');
  const [form] = Form.useForm<Values>();
  const direction = Form.useWatch('direction', form) ?? 'UP';
  const diagnosisCode = Form.useWatch('diagnosisCode', form);
  const [{ data }] = useQuery({ query: ReferralFormDataDocument });
  const [{ data: source }] = useQuery({ query: SourceConsultationDocument, variables: { id: consultationId ?? '' }, pause: !consultationId });
  const [{ data: criteria }] = useQuery({ query: CriteriaDocument, variables: { direction, diagnosisCode: diagnosisCode?.trim() || null } });
  const [propose, proposing] = useHubMutation(ProposeReferralDocument);
  const [referFrom, referring] = useHubMutation(ReferFromConsultationDocument);
  const opinion = source?.consultation.opinion;

  useEffect(() => {
    if (!source) return;
    form.setFieldsValue({
      patientId: source.consultation.patient?.id,
      direction: 'UP',
      diagnosisCode: opinion?.diagnosisCode ?? '',
      diagnosisText: opinion?.diagnosisText ?? '',
      justification: opinion ? `${opinion.impression}\n${opinion.recommendations}` : undefined,
    });
  }, [source, opinion, form]);

  const mine = data?.me.hospital;
  const hospitals = new Map<string, { id: string; name: string; tier: HospitalTier }>();
  for (const c of mine?.consortia ?? []) for (const h of c.hospitals) if (h.id !== mine?.id) hospitals.set(h.id, h);
  const targets = [...hospitals.values()].filter((h) => (direction === 'UP' ? RANK[h.tier] > RANK[mine?.tier ?? 'TOWNSHIP'] : RANK[h.tier] < RANK[mine?.tier ?? 'TOWNSHIP']));

  const onFinish = async (v: Values) => {
    const common = { criterionIds: v.criterionIds ?? [], justification: v.justification?.trim() || null, greenChannel: v.greenChannel ?? false };
    const outcome = consultationId
      ? await referFrom({ input: { consultationId, toHospitalId: v.toHospitalId, diagnosisCode: v.diagnosisCode, diagnosisText: v.diagnosisText, ...common } }, form)
      : await propose({ input: { patientId: v.patientId, direction: v.direction, toHospitalId: v.toHospitalId, toDepartmentId: v.toDepartmentId ?? null, diagnosisCode: v.diagnosisCode, diagnosisText: v.diagnosisText, carePlan: v.carePlan?.trim() || null, ...common } }, form);
    if (outcome.data) navigate('/doctor/referrals');
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }} data-testid="propose-referral-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{consultationId ? t('referrals.fromConsultation') : t('referrals.new')}</Typography.Title>
      {opinion && <Alert type="info" showIcon title={t('referrals.prefilled')} description={`${opinion.impression} — ${opinion.recommendations}`} />}
      <Card>
        <Form form={form} layout="vertical" onFinish={onFinish} id="propose-referral"
          initialValues={{ direction: 'UP', patientId: params.get('patient') ?? undefined, criterionIds: [], greenChannel: false }}>
          <Form.Item name="patientId" label={t('slip.patient')} rules={[{ required: true, message: t('patients.pick') }]}>
            <PatientPicker />
          </Form.Item>
          <Form.Item name="direction" label={t('referrals.direction')}>
            <Radio.Group optionType="button" disabled={Boolean(consultationId)} options={(['UP', 'DOWN'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))} />
          </Form.Item>
          <Form.Item name="toHospitalId" label={t('referrals.to')} rules={[{ required: true, message: t('referrals.toRequired') }]}>
            <Select options={targets.map((h) => ({ value: h.id, label: h.name }))} data-testid="referral-to" />
          </Form.Item>
          {!consultationId && (
            <Form.Item name="toDepartmentId" label={t('referrals.toDepartment')}>
              <Select allowClear options={(data?.departments ?? []).map((d) => ({ value: d.id, label: departmentName(d, i18n.language) }))} />
            </Form.Item>
          )}
          <Space.Compact block>
            <Form.Item name="diagnosisCode" label={t('referrals.diagnosisCode')} rules={[{ required: true, message: t('referrals.diagnosisCodeRequired') }]} style={{ width: 160 }}>
              <Input maxLength={10} />
            </Form.Item>
            <Form.Item name="diagnosisText" label={t('referrals.diagnosisText')} rules={[{ required: true, whitespace: true, message: t('referrals.diagnosisTextRequired') }]} style={{ flex: 1 }}>
              <Input maxLength={200} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="criterionIds" label={t('referrals.criteria')} extra={t('referrals.criteriaHint')}>
            <Select mode="multiple" options={(criteria?.referralCriteria ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.condition}: ${c.criterion}` }))} data-testid="referral-criteria" />
          </Form.Item>
          <Form.Item name="justification" label={t('referrals.justification')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {direction === 'UP' && (
            <Form.Item name="greenChannel" label={t('referrals.greenChannel')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          {direction === 'DOWN' && (
            <Form.Item name="carePlan" label={t('referrals.carePlan')} rules={[{ required: true, whitespace: true, message: t('referrals.carePlanRequired') }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={proposing || referring} data-testid="referral-submit">{t('referrals.send')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
