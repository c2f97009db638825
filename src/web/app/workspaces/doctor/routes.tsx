import type { Workspace } from '../../shell/workspace';
import { lazyScreen } from '../../shell/workspace';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** The township doctor's workspace: patients, visiting experts, consultations, referrals. */
export const doctorWorkspace: Workspace = {
  id: 'doctor',
  path: '/doctor',
  roles: ['TOWNSHIP_DOCTOR'],
  namespace: 'doctor',
  locales: { 'zh-CN': zhCN, en },
  routes: [{ index: true, ...lazyScreen(() => import('./home/DoctorHome')) }],
  menu: [{ path: '', labelKey: 'menu.home' }],
};
