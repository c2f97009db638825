import { Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { usePerson } from '../../../shell/session';
import { ConsultationsDocument } from '../consultations/operations';
import { departmentName } from '../format';
import { useIncomingReferralCount } from '../referrals/useIncomingReferralCount';
import { RebookList } from './RebookList';

const OPEN_STATES = ['REQUESTED', 'CLAIMED', 'SCHEDULED', 'IN_SESSION', 'ENDED'];

/** The doctor's home: what needs doing today. */
export default function DoctorHome() {
  const { t, i18n } = useTranslation('doctor');
  const navigate = useNavigate();
  const person = usePerson();
  const incoming = useIncomingReferralCount();
  const [{ data }] = useQuery({ query: ConsultationsDocument, variables: {}, requestPolicy: 'cache-and-network' });
  const open = (data?.consultations.nodes ?? []).filter((c) => OPEN_STATES.includes(c.state));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="home-doctor">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('home.greeting', { name: person.name })}</Typography.Title>
      <Space wrap>
        <Button type="primary" onClick={() => navigate('/doctor/patients')}>{t('menu.patients')}</Button>
        <Button onClick={() => navigate('/doctor/experts')}>{t('menu.experts')}</Button>
        <Button onClick={() => navigate('/doctor/consultations/new')}>{t('consultations.new')}</Button>
        <Button onClick={() => navigate('/doctor/referrals')}>{t('home.incomingReferrals', { count: incoming })}</Button>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}><RebookList /></Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('home.openConsultations')}>
            <List
              dataSource={open}
              locale={{ emptyText: t('home.noOpenConsultations') }}
              renderItem={(c) => (
                <List.Item onClick={() => navigate(`/doctor/consultations/${c.id}`)} style={{ cursor: 'pointer' }}>
                  {c.patient?.name} · {departmentName(c.specialty, i18n.language)} <Tag>{t(`consultationState.${c.state}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
