import type { MessageTable } from './table';

/** Consultation video rooms: availability and link advice. */
export const room = {
  noVideo: { en: 'Video is not available on this hub (it runs with MEDIA_ENABLED=false)', 'zh-CN': '本平台未启用视频（MEDIA_ENABLED=false）' },
  sessionNotRunning: { en: 'The video session of consultation {{id}} is not running: it opens when the session starts and closes when it ends', 'zh-CN': '会诊 {{id}} 的视频会话未在进行：会诊开始时开启，结束时关闭' },
  linkGood: { en: 'The link is good', 'zh-CN': '网络良好' },
  linkBadAudio: { en: 'The link is very poor even for audio: consider a phone call', 'zh-CN': '网络很差，语音也难以保证：建议改用电话' },
  linkBad: { en: 'The link is very poor: switch to audio only', 'zh-CN': '网络很差：建议切换为仅语音' },
  linkPoorLow: { en: 'The link is poor; low-bandwidth mode is on', 'zh-CN': '网络较差，已开启低带宽模式' },
  linkPoor: { en: 'The link is poor: switch to low-bandwidth mode', 'zh-CN': '网络较差：建议开启低带宽模式' },
  // The SFU's refusals (server/format-error.ts): its own words are for developers (extensions.detail), these for the person.
  mediaUnavailable: { en: 'The video service is briefly unavailable: reconnect and join the room again', 'zh-CN': '视频服务暂时不可用，请重新连接并再次加入会诊室' },
  mediaGone: { en: 'This video connection has ended (it was closed or has moved): join the room again', 'zh-CN': '此视频连接已结束（已关闭或已迁移），请重新加入会诊室' },
  mediaRefused: { en: 'The video connection could not be set up: reload the page and join the room again', 'zh-CN': '视频连接未能建立，请刷新页面后重新加入会诊室' },
} satisfies MessageTable;
