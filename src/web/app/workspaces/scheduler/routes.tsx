import type { Workspace } from '../../shell/workspace';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** The scheduler's workspace: screens to come (its own issue); the shell already lists it for its roles. */
export const schedulerWorkspace: Workspace = {
  id: 'scheduler',
  path: '/scheduler',
  roles: ['SCHEDULER', 'ADMIN'],
  namespace: 'scheduler',
  locales: { 'zh-CN': zhCN, en },
  routes: [],
  menu: [],
};
