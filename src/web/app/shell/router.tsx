import { createBrowserRouter, RouteObject } from 'react-router';
import { HomeRedirect } from './HomeRedirect';
import { NotFound } from './NotFound';
import { RequireSession } from './RequireSession';
import { RouteError } from './RouteError';
import { lazyScreen } from './workspace';
import { WorkspaceHome } from './WorkspaceHome';
import { workspaces } from './workspaces';

const workspaceRoutes: RouteObject[] = workspaces.map((workspace) => ({
  path: workspace.path,
  errorElement: <RouteError />,
  children: workspace.routes.some((r) => r.index)
    ? workspace.routes
    : [{ index: true, element: <WorkspaceHome workspace={workspace} /> }, ...workspace.routes],
}));

export const router = createBrowserRouter([
  { path: '/sign-in', ...lazyScreen(() => import('./SignInPage')) },
  {
    element: <RequireSession />,
    children: [
      {
        // Its own chunk too: the sign-in screen should not wait for the menu, header and workspaces' code.
        lazy: async () => ({ Component: (await import('./AppLayout')).AppLayout }),
        errorElement: <RouteError />,
        children: [{ index: true, element: <HomeRedirect /> }, ...workspaceRoutes, { path: '*', element: <NotFound /> }],
      },
    ],
  },
]);
