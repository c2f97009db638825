// NOTE: the one place the shell imports the workspaces; each brings its routes, menu and texts.
import { doctorWorkspace } from '../workspaces/doctor/routes';
import { schedulerWorkspace } from '../workspaces/scheduler/routes';
import { specialistWorkspace } from '../workspaces/specialist/routes';
import type { Role } from '../gql/graphql';
import { addNamespace } from '../i18n';
import type { Workspace } from './workspace';

export const workspaces: Workspace[] = [doctorWorkspace, specialistWorkspace, schedulerWorkspace];

for (const workspace of workspaces) addNamespace(workspace.namespace, workspace.locales);

/** The workspaces a person with these roles may open, in menu order. */
export const workspacesFor = (roles: readonly Role[]) => workspaces.filter((w) => w.roles.some((role) => roles.includes(role)));

/** The workspace a path belongs to. */
export const workspaceAt = (pathname: string) => workspaces.find((w) => pathname === w.path || pathname.startsWith(`${w.path}/`));
