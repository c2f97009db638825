import type { MessageTable } from './table';

/** Sentences every domain uses, and the names of things they put into them. */
export const common = {
  notFound: { en: '{{what}} {{id}} does not exist or is not visible to you', 'zh-CN': '{{what}} {{id}} 不存在或您无权查看' },
  badCursor: { en: '"after" must be an event cursor from an earlier event, got "{{after}}"', 'zh-CN': '"after" 必须是之前收到的事件游标，收到的是 "{{after}}"' },
  badPageCursor: { en: 'after must be an endCursor returned by an earlier page', 'zh-CN': 'after 必须是之前某一页返回的 endCursor' },
  badId: { en: '{{field}} must be the ID of an existing record, got "{{value}}"', 'zh-CN': '{{field}} 必须是已有记录的编号，收到的是 "{{value}}"' },
  or: { en: ' or ', 'zh-CN': '或' },
  // WebSocket close reasons and refusals (server/socket-bounds.ts, app.ts): a close reason fits 123 bytes (41 Chinese characters).
  socketTooMany: { en: 'Too many open connections for this user (limit {{limit}}): close another tab or device', 'zh-CN': '该用户打开的连接过多（上限 {{limit}}），请关闭其他标签页或设备' },
  socketIdle: { en: 'Closed after {{seconds}} s without a subscription: reconnect when needed', 'zh-CN': '连接 {{seconds}} 秒内没有订阅，已关闭；需要时请重新连接' },
  socketSubscriptionLimit: {
    en: 'This connection already runs {{running}} subscriptions, the limit: complete one you no longer need, or open another connection',
    'zh-CN': '此连接已有 {{running}} 个订阅，已达上限：请结束不再需要的订阅，或另开一个连接',
  },
  socketShutdown: { en: 'Hub is shutting down: reconnect and resume with your last cursor', 'zh-CN': '服务正在关闭，请重新连接并从最后的游标继续' },
  metricsSignIn: {
    en: 'Send Authorization: Bearer with the METRICS_TOKEN or an administrator\'s access token to read /metrics',
    'zh-CN': '读取 /metrics 需要在 Authorization: Bearer 中提供 METRICS_TOKEN 或管理员的访问令牌',
  },
  metricsForbidden: { en: 'Only administrators (or a scraper with the METRICS_TOKEN) may read /metrics', 'zh-CN': '只有管理员（或持有 METRICS_TOKEN 的采集程序）可以读取 /metrics' },
  socketUnauthorized: { en: 'Unauthorized', 'zh-CN': '未授权' },
  notClearable: { en: '{{field}} cannot be cleared (null): leave it out to keep the current value, or give a new one', 'zh-CN': '{{field}} 不能清空（null）：不填则保留原值，或给出新值' },
  controlCharacter: { en: '{{field}} contains a control character ({{code}}) that is not allowed in text: remove it', 'zh-CN': '{{field}} 含有文本中不允许的控制字符（{{code}}），请删除' },
  controlCharacterInput: { en: 'The input contains a control character ({{code}}) that is not allowed in text: remove it', 'zh-CN': '输入含有文本中不允许的控制字符（{{code}}），请删除' },
  cannotBecome: { en: '{{what}} {{id}} is {{from}} and cannot become {{to}} (from {{from}} it can become {{next}})', 'zh-CN': '{{what}} {{id}} 当前为 {{from}}，不能变为 {{to}}（{{from}} 只能变为 {{next}}）' },
  cannotBecomeFinal: { en: '{{what}} {{id}} is {{from}} and cannot become {{to}} ({{from}} is final)', 'zh-CN': '{{what}} {{id}} 当前为 {{from}}，不能变为 {{to}}（{{from}} 是最终状态）' },
  toBeforeFrom: { en: 'to ({{to}}) is before from ({{from}})', 'zh-CN': '结束日期（{{to}}）早于开始日期（{{from}}）' },
  databaseUnavailable: { en: 'The database is not reachable right now, so the request could not be carried out. Try again in {{seconds}} seconds.', 'zh-CN': '数据库暂时无法连接，请求未能执行。请在 {{seconds}} 秒后重试。' },
  shuttingDown: { en: 'The hub is shutting down and did not carry out this request. Send it again in {{seconds}} seconds.', 'zh-CN': '服务正在关闭，此请求未执行。请在 {{seconds}} 秒后重新发送。' },
  internal: { en: 'Internal error; it has been logged', 'zh-CN': '服务器内部错误，已记录' },
  bodyTooLarge: { en: 'Request body is larger than the limit of {{limit}} bytes', 'zh-CN': '请求内容超过 {{limit}} 字节的上限' },
  badRequest: { en: 'Bad request: {{detail}}', 'zh-CN': '请求有误：{{detail}}' },
} satisfies MessageTable;

/** Names of things, put into sentences such as common.notFound. */
export const entity = {
  consortium: { en: 'Consortium', 'zh-CN': '医联体' },
  grid: { en: 'Grid', 'zh-CN': '网格' },
  hospital: { en: 'Hospital', 'zh-CN': '医院' },
  department: { en: 'Department', 'zh-CN': '科室' },
  specialty: { en: 'Specialty', 'zh-CN': '专科' },
  person: { en: 'Person', 'zh-CN': '人员' },
  session: { en: 'Session', 'zh-CN': '登录会话' },
  patient: { en: 'Patient', 'zh-CN': '患者' },
  consultation: { en: 'Consultation', 'zh-CN': '会诊' },
  attachment: { en: 'Attachment', 'zh-CN': '附件' },
  referral: { en: 'Referral', 'zh-CN': '转诊' },
  referralCriterion: { en: 'Referral criterion', 'zh-CN': '转诊标准' },
  roster: { en: 'Roster', 'zh-CN': '排班' },
  rosterJob: { en: 'Optimizer job', 'zh-CN': '排班优化任务' },
  assignment: { en: 'Assignment', 'zh-CN': '排班安排' },
  demand: { en: 'Demand', 'zh-CN': '驻点需求' },
  availabilityPeriod: { en: 'Availability period', 'zh-CN': '可出诊时段' },
  clinicSession: { en: 'Clinic session', 'zh-CN': '坐诊时段' },
  booking: { en: 'Booking', 'zh-CN': '预约' },
  room: { en: 'Room', 'zh-CN': '会诊室' },
  notification: { en: 'Notification', 'zh-CN': '通知' },
  blockedTime: { en: 'Blocked time', 'zh-CN': '锁定时段' },
  queuedConsultation: { en: 'Consultation waiting in the queue', 'zh-CN': '排队中的会诊' },
} satisfies MessageTable;

/** class-validator's verdicts on inputs, when an input class names no sentence of its own. */
export const validation = {
  invalid: { en: 'Invalid input: {{field}} is not valid', 'zh-CN': '输入有误：{{field}} 不符合要求' },
  invalidGeneric: { en: 'Invalid input', 'zh-CN': '输入有误' },
  length: { en: 'Invalid input: {{field}} must be {{min}} to {{max}} characters', 'zh-CN': '输入有误：{{field}} 应为 {{min}} 到 {{max}} 个字' },
  minLength: { en: 'Invalid input: {{field}} must be at least {{min}} characters', 'zh-CN': '输入有误：{{field}} 至少 {{min}} 个字' },
  maxLength: { en: 'Invalid input: {{field}} must be at most {{max}} characters', 'zh-CN': '输入有误：{{field}} 最多 {{max}} 个字' },
  min: { en: 'Invalid input: {{field}} must be at least {{min}}', 'zh-CN': '输入有误：{{field}} 不能小于 {{min}}' },
  max: { en: 'Invalid input: {{field}} must be at most {{max}}', 'zh-CN': '输入有误：{{field}} 不能大于 {{max}}' },
  arrayMinSize: { en: 'Invalid input: {{field}} needs at least {{min}} entries', 'zh-CN': '输入有误：{{field}} 至少需要 {{min}} 项' },
  arrayMaxSize: { en: 'Invalid input: {{field}} can list at most {{max}} entries', 'zh-CN': '输入有误：{{field}} 最多 {{max}} 项' },
  isIn: { en: 'Invalid input: {{field}} must be one of {{values}}', 'zh-CN': '输入有误：{{field}} 只能是 {{values}} 之一' },
  format: { en: 'Invalid input: {{field}} does not have the expected format', 'zh-CN': '输入有误：{{field}} 格式不正确' },
  id: { en: 'Invalid input: {{field}} must be an ID', 'zh-CN': '输入有误：{{field}} 必须是编号' },
  icd10: { en: 'Invalid input: {{field}} must be an ICD-10 code such as I21.9 or I63.900', 'zh-CN': '输入有误：{{field}} 必须是 ICD-10 编码，例如 I21.9 或 I63.900' },
  icd10Prefix: { en: 'Invalid input: {{field}} must be ICD-10 code prefixes such as I21, I63.9 or C', 'zh-CN': '输入有误：{{field}} 必须是 ICD-10 编码前缀，例如 I21、I63.9 或 C' },
  criterionCode: { en: 'Invalid input: {{field}} must be 3 to 40 upper-case letters, digits or _, e.g. UP_CARD_ACS', 'zh-CN': '输入有误：{{field}} 应为 3 到 40 个大写字母、数字或下划线，例如 UP_CARD_ACS' },
  date: { en: 'Invalid input: {{field}} must be a date (YYYY-MM-DD)', 'zh-CN': '输入有误：{{field}} 必须是日期（YYYY-MM-DD）' },
  weekdays: { en: 'Invalid input: {{field}} are 1 (Monday) to 7 (Sunday)', 'zh-CN': '输入有误：{{field}} 只能是 1（星期一）到 7（星期日）' },
  positive: { en: 'Invalid input: {{field}} must be more than 0', 'zh-CN': '输入有误：{{field}} 必须大于 0' },
} satisfies MessageTable;
