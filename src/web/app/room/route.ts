import type { RouteObject } from 'react-router';
import { addNamespace } from '../i18n';
import { lazyScreen, ScreenHandle } from '../shell/workspace';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

// The room's own sentences (back link) live here; what the room says itself is the room client's catalogue.
addNamespace('room', { 'zh-CN': zhCN, en });

/**
 * The consult room inside the app, as a route of the workspace it is opened from
 * (/doctor/room/:id, /specialist/room/:id): that workspace's shell, menu (its consultations
 * entry lit) and way back to the consultation. `/room?consultation=<id>` stays the standalone
 * deep link for notifications and other systems.
 */
export function consultRoomRoute(): RouteObject {
  const handle: ScreenHandle = { menuEntry: 'consultations' };
  return { path: 'room/:id', handle, ...lazyScreen(() => import('./ConsultRoomPage')) };
}
