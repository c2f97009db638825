import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../../../shell/session';

export default function DoctorHome() {
  const { t } = useTranslation('doctor');
  const person = usePerson();
  return (
    <div data-testid="home-doctor">
      <Typography.Title level={3}>{t('home.greeting', { name: person.name })}</Typography.Title>
    </div>
  );
}
