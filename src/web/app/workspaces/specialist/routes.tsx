import { CalendarOutlined, FileSearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { Workspace } from '../../shell/workspace';
import { lazyScreen } from '../../shell/workspace';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** The specialist's workspace: the live queue board, the consultations they took, their calendar. */
export const specialistWorkspace: Workspace = {
  id: 'specialist',
  path: '/specialist',
  roles: ['SPECIALIST'],
  namespace: 'specialist',
  locales: { 'zh-CN': zhCN, en },
  routes: [
    { index: true, ...lazyScreen(() => import('./queue/QueueBoard')) },
    { path: 'consultations', ...lazyScreen(() => import('./consultations/MyConsultationsPage')) },
    { path: 'consultations/:id', ...lazyScreen(() => import('./consultations/SpecialistConsultationPage')) },
    { path: 'calendar', ...lazyScreen(() => import('./calendar/MyCalendar')) },
  ],
  menu: [
    { path: '', labelKey: 'menu.queue', icon: <UnorderedListOutlined /> },
    { path: 'consultations', labelKey: 'menu.consultations', icon: <FileSearchOutlined /> },
    { path: 'calendar', labelKey: 'menu.calendar', icon: <CalendarOutlined /> },
  ],
};
