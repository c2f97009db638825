import type { Workspace } from '../../shell/workspace';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** The specialist's workspace: screens to come (its own issue); the shell already lists it for its roles. */
export const specialistWorkspace: Workspace = {
  id: 'specialist',
  path: '/specialist',
  roles: ['SPECIALIST'],
  namespace: 'specialist',
  locales: { 'zh-CN': zhCN, en },
  routes: [],
  menu: [],
};
