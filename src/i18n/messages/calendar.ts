import type { MessageTable } from './table';

/** The holiday calendar and the specialist's one calendar (src/calendar). */
export const calendar = {
  notADate: { en: '{{field}} must be a real date written YYYY-MM-DD, got "{{value}}"', 'zh-CN': '{{field}} 必须是有效日期（YYYY-MM-DD），收到的是 "{{value}}"' },
  rangeTooLong: { en: 'Ask for at most {{days}} days at a time', 'zh-CN': '每次最多查询 {{days}} 天' },
  toNotAfterFrom: { en: 'to must be after from', 'zh-CN': '结束时间必须晚于开始时间' },
  endsNotAfterStarts: { en: 'endsAt must be after startsAt', 'zh-CN': '结束时间（endsAt）必须晚于开始时间（startsAt）' },
  blockTooLong: { en: 'Block at most {{days}} days at a time (use availability for longer leave)', 'zh-CN': '每次最多锁定 {{days}} 天（更长的休假请在可出诊时间中设置）' },
} satisfies MessageTable;
