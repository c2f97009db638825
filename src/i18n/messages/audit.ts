import type { MessageTable } from './table';

/** Reading and exporting the audit trail (auditEntries, /audit/export.csv). */
export const audit = {
  pageSize: { en: 'first must be between 1 and {{max}}', 'zh-CN': 'first 必须在 1 到 {{max}} 之间' },
  badAction: { en: 'action is a name such as patient.read, or a prefix such as patient', 'zh-CN': 'action 应为操作名（如 patient.read）或其前缀（如 patient）' },
  badDate: { en: '{{field}} must be an ISO date or time, got "{{value}}"', 'zh-CN': '{{field}} 必须是 ISO 格式的日期或时间，收到的是 "{{value}}"' },
} satisfies MessageTable;
