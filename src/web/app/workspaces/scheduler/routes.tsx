import { AlertOutlined, BarChartOutlined, CalendarOutlined, InboxOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import type { Workspace } from '../../shell/workspace';
import { lazyScreen } from '../../shell/workspace';
import { EscalationFeed } from './escalations/EscalationFeed';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/**
 * The scheduler's workspace: the roster board (home), demands, availability, escalations, the
 * assessment dashboard, and directory administration (in the menu of administrators only; the hub refuses others).
 */
export const schedulerWorkspace: Workspace = {
  id: 'scheduler',
  path: '/scheduler',
  roles: ['SCHEDULER', 'ADMIN'],
  namespace: 'scheduler',
  locales: { 'zh-CN': zhCN, en },
  routes: [
    { index: true, ...lazyScreen(() => import('./board/RosterBoardScreen')) },
    { path: 'demands', ...lazyScreen(() => import('./demands/DemandsScreen')) },
    { path: 'availability', ...lazyScreen(() => import('./availability/AvailabilityScreen')) },
    { path: 'escalations', ...lazyScreen(() => import('./escalations/EscalationsScreen')) },
    { path: 'assessment', ...lazyScreen(() => import('./assessment/AssessmentScreen')) },
    { path: 'directory', ...lazyScreen(() => import('./directory/DirectoryScreen')) },
  ],
  menu: [
    { path: '', labelKey: 'menu.board', icon: <ScheduleOutlined /> },
    { path: 'demands', labelKey: 'menu.demands', icon: <InboxOutlined /> },
    { path: 'availability', labelKey: 'menu.availability', icon: <CalendarOutlined /> },
    { path: 'escalations', labelKey: 'menu.escalations', icon: <AlertOutlined /> },
    { path: 'assessment', labelKey: 'menu.assessment', icon: <BarChartOutlined /> },
    { path: 'directory', labelKey: 'menu.directory', icon: <TeamOutlined />, roles: ['ADMIN'] },
  ],
  Feeds: EscalationFeed,
};
