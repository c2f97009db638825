import { Alert, Button, Card, Form, Input, Radio, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useHubMutation } from '../../../data/useHubMutation';
import type { HospitalTier, ReferralDirection, SpecialistConsultationQuery } from '../../../gql/graphql';
import { ReferFromConsultationDocument, ReferralTargetsDocument } from '../operations';

type Consultation = NonNullable<SpecialistConsultationQuery['consultation']>;
const RANK: Record<HospitalTier, number> = { VILLAGE: 0, TOWNSHIP: 1, COMMUNITY: 1, SECONDARY: 2, TERTIARY: 3 } as Record<HospitalTier, number>;
const LIVE = ['PROPOSED', 'ACCEPTED', 'ARRIVED'];

interface Values { toHospitalId: string; diagnosisCode: string; diagnosisText: string; justification: string; carePlan?: string }

/**
 * Refer up or down from the opinion, prefilled from it: UP from the requesting hospital to a
 * higher tier (only when the opinion recommends it), DOWN from my hospital back to a
 * grassroots one (by default the requesting hospital) with the recommendations as care plan.
 */
export function ReferFromOpinion({ c, onDone }: { c: Consultation; onDone(): void }) {
  const { t } = useTranslation('specialist');
  const opinion = c.opinion!;
  const [direction, setDirection] = useState<ReferralDirection>(opinion.referUp ? 'UP' as ReferralDirection : 'DOWN' as ReferralDirection);
  const [form] = Form.useForm<Values>();
  const [{ data }] = useQuery({ query: ReferralTargetsDocument });
  const [refer, referring] = useHubMutation(ReferFromConsultationDocument);
  const me = data?.me.hospital;
  const hospitals = new Map<string, { id: string; name: string; tier: HospitalTier }>();
  for (const k of me?.consortia ?? []) for (const h of k.hospitals) hospitals.set(h.id, h);
  const fromTier = direction === 'UP' ? c.requestingHospital.tier : me?.tier;
  const targets = [...hospitals.values()].filter((h) => fromTier && (direction === 'UP' ? RANK[h.tier] > RANK[fromTier] : RANK[h.tier] < RANK[fromTier]));
  const defaultTarget = direction === 'UP' ? c.specialist?.hospital.id : c.requestingHospital.id;

  useEffect(() => {
    form.setFieldsValue({
      toHospitalId: defaultTarget, diagnosisCode: opinion.diagnosisCode ?? '', diagnosisText: opinion.diagnosisText ?? '',
      justification: t(direction === 'UP' ? 'refer.justificationUp' : 'refer.justificationDown', { id: c.id, impression: opinion.impression }),
      carePlan: direction === 'DOWN' ? opinion.recommendations : undefined,
    });
  }, [direction, defaultTarget, data]); // eslint-disable-line react-hooks/exhaustive-deps

  const live = c.referrals.filter((r) => LIVE.includes(r.state));
  return (
    <Card size="small" title={t('refer.title')} data-testid="refer-card">
      {c.referrals.map((r) => (
        <Alert key={r.id} style={{ marginBottom: 8 }} type={LIVE.includes(r.state) ? 'success' : 'info'} data-testid="consultation-referral" data-direction={r.direction}
          title={<Space wrap><Tag color={r.direction === 'UP' ? 'volcano' : 'green'}>{t(`referrals.direction.${r.direction}`)}</Tag>
            {t('refer.sent', { from: r.fromHospital.name, to: r.toHospital.name })}<Tag>{t(`referrals.state.${r.state}`)}</Tag></Space>} />
      ))}
      {live.length === 0 && (
        <Form form={form} layout="vertical" data-testid="refer-form" onFinish={async (v) => {
          const input = { consultationId: c.id, direction, toHospitalId: v.toHospitalId, diagnosisCode: v.diagnosisCode, diagnosisText: v.diagnosisText, justification: v.justification, ...(direction === 'DOWN' ? { carePlan: v.carePlan } : {}) };
          if ((await refer({ input }, form)).data) onDone();
        }}>
          <Form.Item label={t('refer.direction')}>
            <Radio.Group value={direction} onChange={(e) => setDirection(e.target.value)} optionType="button" data-testid="refer-direction" options={[
              { value: 'UP', label: t('referrals.direction.UP'), disabled: !opinion.referUp },
              { value: 'DOWN', label: t('referrals.direction.DOWN') },
            ]} />
          </Form.Item>
          {direction === 'UP' && !opinion.referUp && <Alert type="warning" title={t('refer.upNeedsOpinion')} />}
          <Form.Item name="toHospitalId" label={t('refer.to')} rules={[{ required: true, message: t('consultation.required') }]}>
            <Select data-testid="refer-to" options={targets.map((h) => ({ value: h.id, label: `${h.name} (${t(`tier.${h.tier}`)})` }))} style={{ maxWidth: 360 }} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="diagnosisCode" label={t('consultation.diagnosisCode')} rules={[{ required: true, message: t('consultation.required') }]}><Input data-testid="refer-diagnosis-code" /></Form.Item>
            <Form.Item name="diagnosisText" label={t('consultation.diagnosisText')} rules={[{ required: true, message: t('consultation.required') }]}><Input data-testid="refer-diagnosis-text" /></Form.Item>
          </Space>
          <Form.Item name="justification" label={t('refer.justification')} rules={[{ required: true, message: t('consultation.required') }]}><Input.TextArea rows={2} data-testid="refer-justification" /></Form.Item>
          {direction === 'DOWN' && (
            <Form.Item name="carePlan" label={t('referrals.carePlan')} rules={[{ required: true, message: t('consultation.required') }]}><Input.TextArea rows={3} data-testid="refer-care-plan" /></Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={referring} disabled={direction === 'UP' && !opinion.referUp} data-testid="refer-submit">
            {t(direction === 'UP' ? 'refer.submitUp' : 'refer.submitDown')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
