import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../gql/graphql';
import type { Language } from '../i18n';

export type WorkspaceId = 'doctor' | 'scheduler' | 'specialist';

/** One entry of a workspace's side menu; `labelKey` is in the workspace's namespace. */
export interface MenuEntry {
  /** Relative to the workspace's path ('' is its home). */
  path: string;
  labelKey: string;
  icon?: ReactNode;
  /** Rendered after the label, e.g. a live count badge (it may subscribe). */
  Badge?: ComponentType;
  /** Shown only to people with one of these roles (the hub refuses the others); everyone of the workspace when absent. */
  roles?: Role[];
}

/**
 * What a route may tell the shell (its `handle`): the menu entry it belongs under when its
 * path is not beneath that entry's (e.g. the consult room, `room/:id`, under `consultations`).
 */
export interface ScreenHandle {
  /** A menu entry's `path` in the same workspace. */
  menuEntry?: string;
}

/**
 * What a workspace gives the shell: its routes (relative to `path`; the index route is the
 * home), its menu, its i18n namespace, and optional live feeds that fill the header's
 * notifications while someone with one of its roles is signed in.
 */
export interface Workspace {
  id: WorkspaceId;
  path: `/${string}`;
  roles: Role[];
  /** i18n namespace of its texts (its locales/{zh-CN,en}.json). */
  namespace: string;
  locales: Record<Language, Record<string, unknown>>;
  routes: RouteObject[];
  menu: MenuEntry[];
  Feeds?: ComponentType;
}

/** A route whose screen is its own chunk (the bundle is split by route). */
export function lazyScreen(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}
