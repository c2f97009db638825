import { IdcardOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { describeError, errorSentence } from '../../../data/errors';
import { QueryError } from '../../../data/QueryError';
import type { PatientRowFragment } from '../../../gql/graphql';
import { ageOf, formatDate } from '../format';
import { nationalIdProblem } from '../national-id';
import { PatientByNationalIdDocument, PatientsDocument } from './operations';
import { RegisterPatientForm } from './RegisterPatientForm';

/** Patients of my hospital: search by name, look up by the full ID number, register. */
export default function PatientsPage() {
  const { t } = useTranslation('doctor');
  const navigate = useNavigate();
  const client = useClient();
  const [nameContains, setNameContains] = useState('');
  const [registering, setRegistering] = useState(false);
  const [lookup, setLookup] = useState<{ found: PatientRowFragment | null; text: string } | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PatientsDocument, variables: { nameContains: nameContains || null } });

  const findById = async (value: string) => {
    setLookupError(null);
    const problem = nationalIdProblem(value);
    if (problem) {
      setLookupError(t(`patients.nationalIdProblem.${problem}`));
      return;
    }
    const result = await client.query(PatientByNationalIdDocument, { nationalId: value.trim().toUpperCase() }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) setLookupError(errorSentence(t, describeError(result.error)));
    else setLookup({ found: result.data?.patientByNationalId ?? null, text: value });
  };

  const actions = (p: PatientRowFragment) => (
    <Space size={4} wrap>
      <Button size="small" onClick={() => navigate(`/doctor/experts?patient=${p.id}`)}>{t('patients.bookExpert')}</Button>
      <Button size="small" onClick={() => navigate(`/doctor/consultations/new?patient=${p.id}`)}>{t('patients.requestConsultation')}</Button>
      <Button size="small" onClick={() => navigate(`/doctor/referrals/new?patient=${p.id}`)}>{t('patients.refer')}</Button>
    </Space>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="patients-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('patients.title')}</Typography.Title>
      <Card size="small">
        <Space wrap>
          <Input.Search allowClear placeholder={t('patients.searchByName')} onSearch={setNameContains} style={{ width: 240 }} data-testid="patient-search" />
          <Input.Search
            placeholder={t('patients.lookupById')}
            enterButton={<IdcardOutlined />}
            maxLength={18}
            onSearch={findById}
            style={{ width: 300 }}
            data-testid="patient-lookup"
          />
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="register-patient">{t('patients.register')}</Button>
        </Space>
        {lookupError && <Alert type="warning" showIcon title={lookupError} style={{ marginTop: 12 }} />}
        {lookup && (
          <Alert
            style={{ marginTop: 12 }}
            showIcon
            type={lookup.found ? 'success' : 'info'}
            data-testid="lookup-result"
            title={lookup.found ? t('patients.found', { name: lookup.found.name }) : t('patients.notRegistered')}
            action={lookup.found ? actions(lookup.found) : <Button size="small" onClick={() => setRegistering(true)}>{t('patients.register')}</Button>}
            closable={{ onClose: () => setLookup(null) }}
          />
        )}
      </Card>
      <QueryError error={error} />
      <Table<PatientRowFragment>
        rowKey="id"
        size="middle"
        loading={fetching}
        dataSource={data?.patients.nodes ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('patients.name'), dataIndex: 'name' },
          { title: t('patients.sex'), dataIndex: 'sex', render: (sex: string) => <Tag>{t(`sex.${sex}`)}</Tag> },
          { title: t('patients.age'), dataIndex: 'birthDate', render: (b: string) => t('patients.years', { count: ageOf(b) }) },
          { title: t('patients.nationalId'), dataIndex: 'nationalIdMasked', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('patients.registeredAt'), dataIndex: 'createdAt', render: formatDate },
          { title: '', key: 'actions', render: (_v, p) => actions(p) },
        ]}
        footer={() => t('patients.total', { count: data?.patients.totalCount ?? 0 })}
      />
      <Drawer open={registering} onClose={() => setRegistering(false)} title={t('patients.register')} size={420} destroyOnHidden>
        <RegisterPatientForm
          onRegistered={(p) => {
            setRegistering(false);
            setLookup({ found: p, text: '' });
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      </Drawer>
    </Space>
  );
}
