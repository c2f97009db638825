import type { MessageTable } from './table';

/** What the notification centre tells people (titles and bodies), and its refusals. */
export const notification = {
  escalatedTitle: { en: 'Consultation request overdue', 'zh-CN': '会诊请求已超时' },
  escalatedBody: {
    en: 'A {{specialty}} request from {{hospital}} ({{urgency}}) has waited past its deadline; assign a specialist.',
    'zh-CN': '{{hospital}} 提交的{{specialty}}{{urgency}}会诊请求已超过时限，请指派专家。',
  },
  referralIncomingTitle: { en: 'Incoming referral', 'zh-CN': '新的转诊' },
  referralIncomingBody: { en: '{{from}} refers a patient to {{to}} ({{direction}}).', 'zh-CN': '{{from}} 向 {{to}} 转诊一名患者（{{direction}}）。' },
  referralIncomingGreenBody: { en: '{{from}} refers a patient to {{to}} through the green channel ({{direction}}).', 'zh-CN': '{{from}} 通过绿色通道向 {{to}} 转诊一名患者（{{direction}}）。' },
  bookingMovedTitle: { en: 'Booking moved', 'zh-CN': '预约已改期' },
  bookingMovedBody: { en: 'A session was cancelled; your patient\'s booking moved to {{date}} ({{half}}).', 'zh-CN': '原坐诊已取消，您的患者预约已改到 {{date}}（{{half}}）。' },
  bookingFlaggedTitle: { en: 'Booking needs rebooking', 'zh-CN': '预约需要重新安排' },
  bookingFlaggedBody: { en: 'The session on {{date}} ({{half}}) was cancelled and no other session could take your patient: rebook.', 'zh-CN': '{{date}}（{{half}}）的坐诊已取消，且没有其他坐诊可接收您的患者，请重新预约。' },
  consultClaimedTitle: { en: 'Consultation claimed', 'zh-CN': '会诊已被接诊' },
  consultClaimedBody: { en: '{{specialist}} took your {{specialty}} consultation request.', 'zh-CN': '{{specialist}} 已接收您的{{specialty}}会诊请求。' },
  consultScheduledTitle: { en: 'Consultation scheduled', 'zh-CN': '会诊时间已确定' },
  consultScheduledBody: { en: 'Your {{specialty}} consultation with {{specialist}} is scheduled for {{at}}.', 'zh-CN': '您与 {{specialist}} 的{{specialty}}会诊定于 {{at}}。' },
  consultStartedTitle: { en: 'Consultation started', 'zh-CN': '会诊已开始' },
  consultStartedBody: { en: '{{specialist}} opened the consultation room for your {{specialty}} request.', 'zh-CN': '{{specialist}} 已开启您的{{specialty}}会诊室。' },
  opinionWrittenTitle: { en: 'Opinion written', 'zh-CN': '会诊意见已出具' },
  opinionWrittenBody: { en: '{{specialist}} wrote the opinion on your {{specialty}} consultation.', 'zh-CN': '{{specialist}} 已为您的{{specialty}}会诊出具意见。' },
  up: { en: 'upward', 'zh-CN': '上转' },
  down: { en: 'downward', 'zh-CN': '下转' },
  morning: { en: 'morning', 'zh-CN': '上午' },
  afternoon: { en: 'afternoon', 'zh-CN': '下午' },
  fullDay: { en: 'full day', 'zh-CN': '全天' },
  ROUTINE: { en: 'routine', 'zh-CN': '普通' },
  URGENT: { en: 'urgent', 'zh-CN': '紧急' },
  EMERGENCY: { en: 'emergency', 'zh-CN': '急诊' },
  tooManyIds: { en: 'Mark at most {{max}} notifications at once', 'zh-CN': '一次最多标记 {{max}} 条通知' },
} satisfies MessageTable;
