import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryError } from '../../../data/QueryError';
import { departmentName, formatDateTime } from '../../doctor/format';
import { MyConsultationsDocument } from '../operations';
import { URGENCY_COLOUR } from '../queue/QueueBoard';

/** The consultations this specialist took, newest first. */
export default function MyConsultationsPage() {
  const { t, i18n } = useTranslation('specialist');
  const [{ data, error }] = useQuery({ query: MyConsultationsDocument, variables: {}, requestPolicy: 'cache-and-network' });
  if (!data) return <QueryError error={error} />;
  return (
    <>
      <Typography.Title level={3}>{t('menu.consultations')}</Typography.Title>
      <Table size="small" rowKey="id" dataSource={data.consultations.nodes} pagination={false} columns={[
        { title: '#', key: 'id', render: (_, c) => <Link to={`/specialist/consultations/${c.id}`} data-testid="my-consultation">{c.id}</Link> },
        { title: t('queue.urgency'), key: 'u', render: (_, c) => <Tag color={URGENCY_COLOUR[c.urgency]}>{t(`urgency.${c.urgency}`)}</Tag> },
        { title: t('consultation.state'), key: 's', render: (_, c) => t(`state.${c.state}`) },
        { title: t('queue.hospital'), key: 'h', render: (_, c) => c.requestingHospital.name },
        { title: t('queue.patient'), key: 'p', render: (_, c) => c.patient?.name ?? '' },
        { title: t('consultation.specialty'), key: 'sp', render: (_, c) => departmentName(c.specialty, i18n.language) },
        { title: t('consultation.scheduled'), key: 'at', render: (_, c) => formatDateTime(c.scheduledStart) },
      ]} />
    </>
  );
}
