import type { MessageTable } from './table';

/**
 * The states of the things whose changes go through src/state-machine.ts `transition`, as said
 * inside its refusals ("排班 5 当前为“草稿”…"): "<entity>_<STATE>", the entity being a name of
 * the entity table. English keeps the API's own word (DRAFT), which a client also sees in `state`.
 */
export const state = {
  roster_DRAFT: { en: 'DRAFT', 'zh-CN': '草稿' },
  roster_PUBLISHED: { en: 'PUBLISHED', 'zh-CN': '已发布' },
  roster_CLOSED: { en: 'CLOSED', 'zh-CN': '已关闭' },
  rosterJob_QUEUED: { en: 'QUEUED', 'zh-CN': '排队中' },
  rosterJob_RUNNING: { en: 'RUNNING', 'zh-CN': '运行中' },
  rosterJob_SUCCEEDED: { en: 'SUCCEEDED', 'zh-CN': '已完成' },
  rosterJob_FAILED: { en: 'FAILED', 'zh-CN': '已失败' },
  rosterJob_CANCELLED: { en: 'CANCELLED', 'zh-CN': '已取消' },
  demand_REQUESTED: { en: 'REQUESTED', 'zh-CN': '待审批' },
  demand_APPROVED: { en: 'APPROVED', 'zh-CN': '已批准' },
  demand_DECLINED: { en: 'DECLINED', 'zh-CN': '已拒绝' },
  demand_WITHDRAWN: { en: 'WITHDRAWN', 'zh-CN': '已撤回' },
  assignment_ACTIVE: { en: 'ACTIVE', 'zh-CN': '有效' },
  assignment_REMOVED: { en: 'REMOVED', 'zh-CN': '已移除' },
  clinicSession_OPEN: { en: 'OPEN', 'zh-CN': '开放中' },
  clinicSession_CANCELLED: { en: 'CANCELLED', 'zh-CN': '已取消' },
  clinicSession_CLOSED: { en: 'CLOSED', 'zh-CN': '已关闭' },
  booking_BOOKED: { en: 'BOOKED', 'zh-CN': '已预约' },
  booking_CANCELLED: { en: 'CANCELLED', 'zh-CN': '已取消' },
  booking_MOVED: { en: 'MOVED', 'zh-CN': '已改约' },
  booking_NEEDS_REBOOKING: { en: 'NEEDS_REBOOKING', 'zh-CN': '待重新预约' },
  booking_REBOOKED: { en: 'REBOOKED', 'zh-CN': '已重新预约' },
} satisfies MessageTable;
