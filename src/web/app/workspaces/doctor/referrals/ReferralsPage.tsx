import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import type { ReferralRowFragment } from '../../../gql/graphql';
import { formatDateTime } from '../format';
import { ReferralChangedDocument, ReferralsDocument } from './operations';
import { ReferralActions } from './ReferralActions';
import { useIncomingReferralCount } from './useIncomingReferralCount';

function ReferralTable({ incoming }: { incoming: boolean }) {
  const { t } = useTranslation('doctor');
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReferralsDocument, variables: { incoming }, requestPolicy: 'cache-and-network' });
  useResumableSubscription(ReferralChangedDocument, {
    variables: { incomingOnly: incoming },
    cursorOf: (d) => d.referralChanged.cursor,
    onData: () => refetch({ requestPolicy: 'network-only' }),
  });
  const again = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <QueryError error={error} />
      <Table<ReferralRowFragment>
        rowKey="id"
        size="middle"
        loading={fetching && !data}
        dataSource={data?.referrals.nodes ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid={incoming ? 'incoming-referrals' : 'outgoing-referrals'}
        columns={[
          { title: t('slip.patient'), render: (_v, r) => r.patient.name },
          { title: t('referrals.direction'), render: (_v, r) => <Space size={4}><Tag color={r.direction === 'UP' ? 'volcano' : 'green'}>{t(`direction.${r.direction}`)}</Tag>{r.greenChannel && <Tag color="red">{t('referrals.greenChannel')}</Tag>}</Space> },
          { title: incoming ? t('referrals.from') : t('referrals.to'), render: (_v, r) => (incoming ? r.fromHospital.name : r.toHospital.name) },
          { title: t('consultations.diagnosis'), render: (_v, r) => `${r.diagnosisCode} ${r.diagnosisText}` },
          { title: t('referrals.basis'), render: (_v, r) => (r.criteria.length ? r.criteria.map((c) => <Tag key={c.id}>{c.code}</Tag>) : r.justification) },
          { title: t('consultations.state'), render: (_v, r) => <Tag data-testid="referral-state">{t(`referralState.${r.state}`)}</Tag> },
          { title: t('referrals.proposedAt'), render: (_v, r) => formatDateTime(r.proposedAt) },
          { title: '', key: 'actions', render: (_v, r) => <ReferralActions referral={r} incoming={incoming} onDone={again} /> },
        ]}
        onRow={(r) => ({ onDoubleClick: () => r.sourceConsultation && navigate(`/doctor/consultations/${r.sourceConsultation.id}`) })}
      />
    </>
  );
}

/** Outgoing and incoming referrals (incoming live, with a badge); propose a new one. */
export default function ReferralsPage() {
  const { t } = useTranslation('doctor');
  const navigate = useNavigate();
  const [tab, setTab] = useState('outgoing');
  const incoming = useIncomingReferralCount();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="referrals-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('referrals.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/doctor/referrals/new')} data-testid="new-referral">{t('referrals.new')}</Button>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'outgoing', label: t('referrals.outgoing'), children: <ReferralTable incoming={false} /> },
          { key: 'incoming', label: <Badge count={incoming} size="small" offset={[8, 0]} data-testid="incoming-badge">{t('referrals.incoming')}</Badge>, children: <ReferralTable incoming /> },
        ]}
      />
    </Space>
  );
}
