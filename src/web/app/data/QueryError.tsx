import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { describeError, errorSentence } from './errors';

/** A failed query as one sentence in the user's language (never a stack or JSON). */
export function QueryError({ error }: { error: CombinedError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorSentence(t, describeError(error))} style={{ marginBottom: 12 }} data-testid="query-error" />;
}
