import { Layout, Menu, Result } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { AppHeader } from './AppHeader';
import { Loading } from './Loading';
import { usePerson } from './session';
import type { MenuEntry, ScreenHandle, Workspace } from './workspace';
import { workspaceAt, workspacesFor } from './workspaces';

const entryPath = (workspace: Workspace, entry: MenuEntry) => (entry.path ? `${workspace.path}/${entry.path}` : workspace.path);

/**
 * The menu entry to light: the one the screen names (the consult room names consultations),
 * else the longest entry the path is beneath.
 */
function selectedEntry(workspace: Workspace, menu: MenuEntry[], pathname: string, named: string | undefined): string | undefined {
  const entry = named === undefined ? undefined : menu.find((e) => e.path === named);
  if (entry) return entryPath(workspace, entry);
  return menu
    .map((e) => entryPath(workspace, e))
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Header on top, the current workspace's menu at the side, its screen in the middle. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const person = usePerson();
  const workspace = workspaceAt(pathname);
  const allowed = workspace && workspacesFor(person.roles).includes(workspace);
  const menu = workspace?.menu.filter((entry) => !entry.roles || entry.roles.some((role) => person.roles.includes(role))) ?? [];
  const named = useMatches().map((m) => (m.handle as ScreenHandle | undefined)?.menuEntry).filter((e) => e !== undefined).pop();
  const selected = workspace && selectedEntry(workspace, menu, pathname, named);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout>
        {workspace && allowed && menu.length > 0 && (
          <Layout.Sider width={200} breakpoint="lg" collapsedWidth={0} theme="light" className="no-print">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              style={{ height: '100%' }}
              items={menu.map((entry) => {
                const path = entryPath(workspace, entry);
                return {
                  key: path,
                  icon: entry.icon,
                  label: <span data-testid={`menu-${entry.path || 'home'}`}>{t(`${workspace.namespace}:${entry.labelKey}`)} {entry.Badge && <entry.Badge />}</span>,
                  onClick: () => navigate(path),
                };
              })}
            />
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          {workspace && !allowed ? (
            <Result status="403" title={t('errors.FORBIDDEN')} />
          ) : (
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
      {workspacesFor(person.roles).map((w) => w.Feeds && <w.Feeds key={w.id} />)}
    </Layout>
  );
}
