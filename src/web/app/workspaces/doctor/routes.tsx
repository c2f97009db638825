import { FileSearchOutlined, HomeOutlined, ScheduleOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { consultRoomRoute } from '../../room/route';
import type { Workspace } from '../../shell/workspace';
import { lazyScreen } from '../../shell/workspace';
import { DoctorFeeds } from './feeds/DoctorFeeds';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { IncomingReferralBadge } from './referrals/IncomingBadge';

/** The township doctor's workspace: patients, visiting experts, consultations, referrals. */
export const doctorWorkspace: Workspace = {
  id: 'doctor',
  path: '/doctor',
  roles: ['TOWNSHIP_DOCTOR'],
  namespace: 'doctor',
  locales: { 'zh-CN': zhCN, en },
  routes: [
    { index: true, ...lazyScreen(() => import('./home/DoctorHome')) },
    { path: 'patients', ...lazyScreen(() => import('./patients/PatientsPage')) },
    { path: 'experts', ...lazyScreen(() => import('./experts/ExpertsPage')) },
    { path: 'consultations', ...lazyScreen(() => import('./consultations/ConsultationsPage')) },
    { path: 'consultations/new', ...lazyScreen(() => import('./consultations/RequestConsultationPage')) },
    { path: 'consultations/:id', ...lazyScreen(() => import('./consultations/ConsultationPage')) },
    consultRoomRoute(),
    { path: 'referrals', ...lazyScreen(() => import('./referrals/ReferralsPage')) },
    { path: 'referrals/new', ...lazyScreen(() => import('./referrals/ProposeReferralPage')) },
  ],
  menu: [
    { path: '', labelKey: 'menu.home', icon: <HomeOutlined /> },
    { path: 'patients', labelKey: 'menu.patients', icon: <TeamOutlined /> },
    { path: 'experts', labelKey: 'menu.experts', icon: <ScheduleOutlined /> },
    { path: 'consultations', labelKey: 'menu.consultations', icon: <FileSearchOutlined /> },
    { path: 'referrals', labelKey: 'menu.referrals', icon: <SwapOutlined />, Badge: IncomingReferralBadge },
  ],
  Feeds: DoctorFeeds,
};
