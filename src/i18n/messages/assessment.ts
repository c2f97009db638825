import type { MessageTable } from './table';

/** Consortium assessment (考核). */
export const assessment = {
  notRealDate: { en: '{{field}} {{value}} is not a real date', 'zh-CN': '{{field}} {{value}} 不是有效日期' },
  toBeforeFrom: { en: 'to must not be before from', 'zh-CN': '结束日期不能早于开始日期' },
  periodTooLong: { en: 'A period is at most {{days}} days', 'zh-CN': '统计周期最长 {{days}} 天' },
  figureNeeds: { en: '{{field}} is needed for this figure', 'zh-CN': '该指标需要 {{field}}' },
} satisfies MessageTable;
