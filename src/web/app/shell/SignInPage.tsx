import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { DescribedError, errorSentence } from '../data/errors';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './session';

interface SignInValues {
  username: string;
  password: string;
}

/** Sign-in; says why the person is here when the session expired or they signed out. */
export default function SignInPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const location = useLocation();
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<SignInValues>();
  if (state.status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/sign-in' ? from : '/'} replace />;
  }
  const reason = state.status === 'signed-out' ? state.reason : null;
  const onFinish = async ({ username, password }: SignInValues) => {
    setBusy(true);
    setError(null);
    const failure = await signIn(username.trim(), password);
    setBusy(false);
    if (failure) setError(failure);
  };
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16 }} className="sign-in-page">
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('app.title')}</Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
        {reason && !error && (
          <Alert
            data-testid="sign-in-reason"
            type={reason === 'signedOut' ? 'success' : 'warning'}
            title={t(`signIn.${reason}`)}
            showIcon
            style={{ marginBottom: 16 }}
          />
        )}
        {error && <Alert data-testid="sign-in-error" type="error" title={errorSentence(t, error)} showIcon style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} id="sign-in-form">
          <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, message: t('signIn.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">{t('signIn.submit')}</Button>
        </Form>
      </Card>
    </Flex>
  );
}
