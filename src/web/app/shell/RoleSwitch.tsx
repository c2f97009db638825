import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Workspace } from './workspace';
import { workspaceAt } from './workspaces';

export const lastWorkspaceKey = (personId: string) => `app.workspace.${personId}`;

/** For a person with several roles: which workspace (home) they are working in. */
export function RoleSwitch({ personId, available }: { personId: string; available: Workspace[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = workspaceAt(useLocation().pathname);
  if (available.length < 2) return null;
  return (
    <Select
      data-testid="role-switch"
      size="small"
      style={{ minWidth: 140 }}
      aria-label={t('header.role')}
      value={current?.id}
      options={available.map((w) => ({ value: w.id, label: t(`workspace.${w.id}`) }))}
      onChange={(id) => {
        localStorage.setItem(lastWorkspaceKey(personId), id);
        navigate(available.find((w) => w.id === id)!.path);
      }}
    />
  );
}
