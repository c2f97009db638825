import type { MessageTable } from './table';

/** Clinic sessions and bookings (坐诊与预约). */
export const booking = {
  session: { en: 'the {{specialty}} session of {{specialist}} at {{host}} on {{date}} ({{half}})', 'zh-CN': '{{host}} {{date}}（{{half}}）{{specialist}} 的{{specialty}}坐诊' },
  sessionStart: { en: 'The {{specialty}} session of {{specialist}} at {{host}} on {{date}} ({{half}})', 'zh-CN': '{{host}} {{date}}（{{half}}）{{specialist}} 的{{specialty}}坐诊' },
  because: { en: ' ({{reason}})', 'zh-CN': '，原因：{{reason}}' },
  closed: { en: '{{session}} is {{state}}{{why}}: book another session', 'zh-CN': '{{session}}{{state}}{{why}}，请预约其他坐诊' },
  over: { en: '{{session}} is over', 'zh-CN': '{{session}}已结束' },
  alreadyBooked: { en: '{{patient}} already has a slot in {{session}}', 'zh-CN': '{{patient}} 已预约{{session}}' },
  slotTaken: { en: 'That slot of {{session}} is already taken: choose another or leave slotId out', 'zh-CN': '{{session}}的该号源已被占用，请另选号源或不指定 slotId' },
  full: { en: 'No free slot left in {{session}} (all {{count}} are booked)', 'zh-CN': '{{session}}已无空余号源（{{count}} 个均已预约）' },
  patientMissing: { en: 'patientId: patient {{id}} does not exist', 'zh-CN': 'patientId：患者 {{id}} 不存在' },
  slotNotInSession: { en: 'slotId: slot {{slot}} is not a slot of clinic session {{session}}', 'zh-CN': 'slotId：号源 {{slot}} 不属于坐诊 {{session}}' },
  specialtyChange: { en: 'Booking {{id}} was for {{from}}; session {{session}} is {{to}}: rebooking into another specialty needs confirmSpecialtyChange: true', 'zh-CN': '预约 {{id}} 原为{{from}}，坐诊 {{session}} 为{{to}}：改约到其他专科需设置 confirmSpecialtyChange: true' },
  movedReason: { en: '{{from}} was cancelled ({{reason}}); moved to {{to}}', 'zh-CN': '{{from}}已取消（{{reason}}），已改约到{{to}}' },
  flaggedReason: {
    en: '{{from}} was cancelled ({{reason}}) and no other open session of that specialty at that hospital has a free slot: please book again',
    'zh-CN': '{{from}}已取消（{{reason}}），该医院同专科的其他坐诊均无空余号源，请重新预约',
  },
  cancelledByDoctor: { en: 'cancelled by the doctor', 'zh-CN': '医生已取消' },
  stateOPEN: { en: 'OPEN', 'zh-CN': '开放中' },
  stateCANCELLED: { en: 'CANCELLED', 'zh-CN': '已取消' },
  stateCLOSED: { en: 'CLOSED', 'zh-CN': '已关闭' },
  MORNING: { en: 'morning', 'zh-CN': '上午' },
  AFTERNOON: { en: 'afternoon', 'zh-CN': '下午' },
  FULL_DAY: { en: 'full-day', 'zh-CN': '全天' },
} satisfies MessageTable;
