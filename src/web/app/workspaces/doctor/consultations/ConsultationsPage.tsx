import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import { departmentName, formatDateTime } from '../format';
import { ConsultationChangedDocument, ConsultationsDocument } from './operations';

/** My hospital's consultation requests, newest first, kept current live. */
export default function ConsultationsPage() {
  const { t, i18n } = useTranslation('doctor');
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ConsultationsDocument, variables: {} });
  useResumableSubscription(ConsultationChangedDocument, {
    variables: { id: null },
    cursorOf: (d) => d.consultationChanged.cursor,
    onData: () => refetch({ requestPolicy: 'network-only' }),
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="consultations-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('consultations.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/doctor/consultations/new')} data-testid="new-consultation">{t('consultations.new')}</Button>
      </Space>
      <QueryError error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.consultations.nodes ?? []}
        pagination={false}
        onRow={(c) => ({ onClick: () => navigate(`/doctor/consultations/${c.id}`), style: { cursor: 'pointer' } })}
        scroll={{ x: 720 }}
        columns={[
          { title: t('slip.patient'), render: (_v, c) => c.patient?.name },
          { title: t('experts.specialty'), render: (_v, c) => departmentName(c.specialty, i18n.language) },
          { title: t('consultations.urgency'), dataIndex: 'urgency', render: (u: string) => t(`urgency.${u}`) },
          { title: t('consultations.state'), dataIndex: 'state', render: (s: string) => <Tag>{t(`consultationState.${s}`)}</Tag> },
          { title: t('slip.specialist'), render: (_v, c) => c.specialist?.name ?? '' },
          { title: t('consultations.requestedAt'), dataIndex: 'requestedAt', render: formatDateTime },
        ]}
      />
    </Space>
  );
}
