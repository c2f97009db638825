import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { cspNonce } from './csp-nonce';
import { NotificationsProvider } from './shell/notifications';
import { router } from './shell/router';
import { SessionProvider } from './shell/session';

// Ant Design's <style> tags carry the hub's per-response nonce (see csp-nonce.ts).
const nonce = cspNonce;

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} csp={nonce ? { nonce } : undefined} theme={{ token: { colorPrimary: '#1668dc' } }}>
      {/* Alerts (an escalation stays until dismissed) open below the header, never over its language switch or sign-out. */}
      <AntApp notification={{ top: 72 }}>
        <SessionProvider>
          <NotificationsProvider>
            <RouterProvider router={router} />
          </NotificationsProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
