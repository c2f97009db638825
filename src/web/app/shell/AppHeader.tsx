import { LogoutOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './notifications';
import { RoleSwitch } from './RoleSwitch';
import { usePerson, useSession } from './session';
import { workspacesFor } from './workspaces';

/** The top bar: product, who is signed in at which hospital, role, language, live status, notices, sign-out. */
export function AppHeader() {
  const { t } = useTranslation();
  const person = usePerson();
  const { signOut } = useSession();
  return (
    <Layout.Header className="app-header no-print">
      <Flex align="center" justify="space-between" gap={12} style={{ height: '100%' }}>
        <Space size={8}>
          <MedicineBoxOutlined style={{ fontSize: 20, color: '#fff' }} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }} className="hide-narrow">{t('app.title')}</Typography.Text>
        </Space>
        <Space size={12} wrap={false}>
          <span className="app-header-who" data-testid="who">
            <Typography.Text style={{ color: '#fff' }} strong>{person.name}</Typography.Text>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}> · {person.hospital.name}</Typography.Text>
          </span>
          <RoleSwitch personId={person.id} available={workspacesFor(person.roles)} />
          <LanguageSwitch personId={person.id} />
          <ConnectionIndicator />
          <NotificationBell />
          <Button size="small" icon={<LogoutOutlined />} onClick={() => signOut()} data-testid="sign-out">
            <span className="hide-narrow">{t('header.signOut')}</span>
          </Button>
        </Space>
      </Flex>
    </Layout.Header>
  );
}
