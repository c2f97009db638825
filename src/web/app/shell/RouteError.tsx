import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A screen that failed: one sentence and a way on, never a stack trace (that goes to the console). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error('screen failed', error);
  return (
    <Result
      status="error"
      title={t('errors.INTERNAL')}
      extra={<Button onClick={() => window.location.reload()}>{t('actions.retry')}</Button>}
      data-testid="route-error"
    />
  );
}
