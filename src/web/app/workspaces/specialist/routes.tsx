import { CalendarOutlined, FileSearchOutlined, SwapOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { consultRoomRoute } from '../../room/route';
import type { Workspace } from '../../shell/workspace';
import { lazyScreen } from '../../shell/workspace';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** The specialist's workspace: the live queue board, the consultations they took, their calendar, the referrals coming to their specialty. */
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
    { path: 'referrals', ...lazyScreen(() => import('./referrals/MyReferralsPage')) },
    consultRoomRoute(),
  ],
  menu: [
    { path: '', labelKey: 'menu.queue', icon: <UnorderedListOutlined /> },
    { path: 'consultations', labelKey: 'menu.consultations', icon: <FileSearchOutlined /> },
    { path: 'calendar', labelKey: 'menu.calendar', icon: <CalendarOutlined /> },
    { path: 'referrals', labelKey: 'menu.referrals', icon: <SwapOutlined /> },
  ],
};
