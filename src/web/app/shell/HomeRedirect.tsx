import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { lastWorkspaceKey } from './RoleSwitch';
import { usePerson } from './session';
import { workspacesFor } from './workspaces';

/** `/`: the home of the workspace the person used last, else of their first role. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const person = usePerson();
  const available = workspacesFor(person.roles);
  const last = localStorage.getItem(lastWorkspaceKey(person.id));
  const target = available.find((w) => w.id === last) ?? available[0];
  if (!target) return <Result status="info" title={t('workspace.none')} />;
  return <Navigate to={target.path} replace />;
}
