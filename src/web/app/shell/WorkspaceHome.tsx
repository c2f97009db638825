import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Workspace } from './workspace';

/** A workspace without screens yet shows its name (the scheduler's and specialist's, until built). */
export function WorkspaceHome({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  return <Result status="info" title={t(`${workspace.namespace}:title`)} data-testid={`home-${workspace.id}`} />;
}
