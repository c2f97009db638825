import type { MessageTable } from './table';

/**
 * Rotations (src/roster) and the roster optimizer's sentences (src/optimizer returns codes and
 * values; src/roster/sentences.ts picks these). Half-days arrive as booking.MORNING etc.
 */
export const roster = {
  // The hard rules (optimizer/rules.ts), as a refusal says them: "[DOUBLE_BOOKED] …".
  ruleRefused: { en: '[{{rule}}] {{sentence}}', 'zh-CN': '[{{rule}}] 不符合排班规则：{{sentence}}' },
  ruleRefusedMore: { en: '[{{rule}}] {{sentence}} (and {{count}} more: {{rules}})', 'zh-CN': '[{{rule}}] 不符合排班规则：{{sentence}}（另有 {{count}} 项：{{rules}}）' },
  publishRefused: { en: 'Roster {{id}} cannot be published: {{refusal}}', 'zh-CN': '排班 {{id}} 无法发布：{{refusal}}' },
  ruleUNKNOWN_SPECIALIST: { en: 'Specialist {{specialistId}} is not in the pool for this roster', 'zh-CN': '专家 {{specialistId}} 不在本排班的专家库中' },
  ruleUNKNOWN_DEMAND: { en: 'Demand {{demandId}} is not part of this roster', 'zh-CN': '驻点需求 {{demandId}} 不属于本排班' },
  ruleDEMAND_HOST_MISSING: { en: 'Demand {{demandId}} names host {{hostId}}, which is not in this roster', 'zh-CN': '驻点需求 {{demandId}} 指定的接收医院 {{hostId}} 不在本排班中' },
  ruleNOT_A_DATE: { en: '"{{date}}" is not a calendar date (expected YYYY-MM-DD)', 'zh-CN': '"{{date}}" 不是有效日期（应为 YYYY-MM-DD）' },
  ruleSESSION_MISMATCH: {
    en: '{{specialist}} is booked for a {{session}} session at {{host}} on {{date}}, but the demand is for {{demandSession}} sessions',
    'zh-CN': '{{specialist}} 在 {{date}} 被安排到 {{host}} 的{{session}}坐诊，但该需求要求的是{{demandSession}}坐诊',
  },
  ruleOUTSIDE_PERIOD: {
    en: '{{date}} is outside the period {{from}} to {{to}} that {{host}} asked {{specialty}} for',
    'zh-CN': '{{date}} 不在 {{host}} 申请{{specialty}}的时段（{{from}} 至 {{to}}）内',
  },
  ruleNOT_AVAILABLE: { en: '{{specialist}} has not declared {{date}} as a day they can go out', 'zh-CN': '{{specialist}} 未申报 {{date}} 可以外出' },
  ruleBLOCKED_DAY: { en: '{{specialist}} is blocked on {{date}}', 'zh-CN': '{{specialist}} 在 {{date}} 已锁定，不能安排' },
  ruleSPECIALTY_MISSING: { en: '{{specialist}} does not practise {{specialty}}, which {{host}} asked for', 'zh-CN': '{{specialist}} 不从事 {{host}} 所需的{{specialty}}' },
  ruleTRAVEL_LIMIT: {
    en: "{{host}} is {{km}} km from {{specialist}}'s hospital, beyond their {{limit}} km travel limit",
    'zh-CN': '{{host}} 距 {{specialist}} 所在医院 {{km}} 公里，超出其 {{limit}} 公里的出行上限',
  },
  ruleDOUBLE_BOOKED: {
    en: '{{specialist}} already works at {{host}} on {{date}} ({{session}}); cannot also take the {{otherSession}} session at {{otherHost}}',
    'zh-CN': '{{specialist}} 已于 {{date}}（{{session}}）在 {{host}} 出诊，不能再承担 {{otherHost}} 的{{otherSession}}坐诊',
  },
  ruleDOUBLE_BOOKED_TWICE: {
    en: '{{specialist}} already works at {{host}} on {{date}} ({{session}}); cannot be booked there twice',
    'zh-CN': '{{specialist}} 已于 {{date}}（{{session}}）在 {{host}} 出诊，不能在同一处重复安排',
  },
  ruleMONTHLY_LIMIT: { en: '{{specialist}} would be out {{days}} days in {{month}}, over their limit of {{limit}}', 'zh-CN': '{{specialist}} 在 {{month}} 将外出 {{days}} 天，超过其每月 {{limit}} 天的上限' },
  ruleCONSECUTIVE_LIMIT: {
    en: '{{specialist}} would be out {{days}} days in a row ({{from}} to {{to}}), over their limit of {{limit}}',
    'zh-CN': '{{specialist}} 将连续外出 {{days}} 天（{{from}} 至 {{to}}），超过其连续 {{limit}} 天的上限',
  },
  ruleHOST_CAPACITY: {
    en: '{{host}} would receive {{people}} visiting experts on {{date}}, over its capacity of {{capacity}}',
    'zh-CN': '{{host}} 在 {{date}} 将接收 {{people}} 名下沉专家，超过其 {{capacity}} 人的接待能力',
  },
  ruleDEMAND_EXCEEDED: {
    en: '{{host}} asked for {{days}} expert-days of {{specialty}} (demand {{demandId}}) but {{assigned}} are assigned',
    'zh-CN': '{{host}} 申请了 {{days}} 个{{specialty}}专家日（需求 {{demandId}}），但已安排 {{assigned}} 个',
  },
  ruleCOMMITTED: { en: 'The specialist is already {{other}}: choose another time', 'zh-CN': '该专家此时已有安排：{{other}}，请另选时间' },

  // Why a demand is short (optimizer/unmet.ts), one sentence per reason.
  unmetNO_SPECIALIST_WITH_SPECIALTY: { en: 'No specialist in the pool practises {{specialty}}; add one or drop the demand.', 'zh-CN': '专家库中没有{{specialty}}专家，请增加专家或撤销该需求。' },
  unmetNO_ONE_AVAILABLE: {
    en: 'Specialists practising {{specialty}} are free on {{free}} specialist-days from {{from}} to {{to}}; {{need}} expert-days were asked for.',
    'zh-CN': '{{from}} 至 {{to}} 期间{{specialty}}专家共有 {{free}} 个可出诊人日，而需求为 {{need}} 个专家日。',
  },
  unmetTRAVEL: { en: '{{host}} is beyond the travel limit of {{count}} free {{specialty}} specialist(s).', 'zh-CN': '{{host}} 超出 {{count}} 名有空的{{specialty}}专家的出行上限。' },
  unmetTRAVEL_CLOSEST: {
    en: '{{host}} is beyond the travel limit of {{count}} free {{specialty}} specialist(s) (closest: {{closest}}, {{km}} km away, limit {{limit}} km).',
    'zh-CN': '{{host}} 超出 {{count}} 名有空的{{specialty}}专家的出行上限（最近的是 {{closest}}，相距 {{km}} 公里，上限 {{limit}} 公里）。',
  },
  unmetHOST_CAPACITY: {
    en: '{{host}} can receive {{capacity}} visiting expert(s) a day, too few for the days {{specialty}} specialists are free.',
    'zh-CN': '{{host}} 每天只能接收 {{capacity}} 名下沉专家，不足以容纳{{specialty}}专家有空的日子。',
  },
  unmetHOST_FULL: {
    en: '{{host}} is already full ({{capacity}} visiting expert(s) a day) on every day a {{specialty}} specialist could still come.',
    'zh-CN': '在{{specialty}}专家仍可前往的每一天，{{host}} 都已满员（每天 {{capacity}} 名下沉专家）。',
  },
  unmetLIMITS: {
    en: 'The {{specialty}} specialists who could come to {{host}} are used up by their monthly or consecutive-day limits, other bookings, or demands of equal or higher priority.',
    'zh-CN': '可前往 {{host}} 的{{specialty}}专家已被每月或连续外出天数上限、其他安排或同等及更高优先级的需求占满。',
  },

  // Optimizer jobs (roster/job-runner.ts, job-write-back.ts).
  hubShuttingDown: { en: 'This hub is shutting down: start the job again in a moment', 'zh-CN': '服务正在关闭，请稍后重新启动任务' },
  rosterMissing: { en: '{{field}}: roster {{id}} does not exist', 'zh-CN': '{{field}}：排班 {{id}} 不存在' },
  optimizeOnlyDrafts: {
    en: 'Roster {{id}} is {{state}}: the optimizer drafts rosters; amend a published roster by hand',
    'zh-CN': '排班 {{id}} 的状态为{{state}}：优化器只起草排班，已发布的排班请手工调整',
  },
  jobAlreadyWorking: { en: 'Optimizer job {{job}} is already working on roster {{id}}: wait for it or cancel it', 'zh-CN': '排班优化任务 {{job}} 正在处理排班 {{id}}，请等待其完成或取消它' },
  jobFinished: { en: 'Roster job {{id}} has already finished ({{state}})', 'zh-CN': '排班优化任务 {{id}} 已经结束（{{state}}）' },
  jobCancelled: { en: 'Cancelled by a scheduler', 'zh-CN': '已被排班员取消' },
  jobHubStopped: { en: 'The hub is shutting down', 'zh-CN': '服务正在关闭' },
  jobOwnerSilent: { en: 'The hub process that ran it ({{owner}}) stopped responding', 'zh-CN': '运行该任务的服务进程（{{owner}}）已无响应' },
  jobFailed: { en: 'The optimizer failed unexpectedly; it has been logged', 'zh-CN': '优化器意外失败，已记录日志' },
  jobRosterChanged: { en: 'Roster {{id}} was {{state}} while the optimizer ran; nothing was written', 'zh-CN': '优化器运行期间排班 {{id}} 已变为{{state}}，未写入任何结果' },

  // Rosters and their assignments (roster/roster-service.ts).
  periodReversed: { en: 'the period is reversed: periodEnd ({{end}}) is before periodStart ({{start}})', 'zh-CN': '时段颠倒：结束日期 periodEnd（{{end}}）早于开始日期 periodStart（{{start}}）' },
  periodTooLong: { en: 'a roster covers at most {{max}} days; this one would cover {{days}}', 'zh-CN': '一个排班最多覆盖 {{max}} 天，此排班将覆盖 {{days}} 天' },
  rosterClosed: { en: 'Roster {{id}} ({{from}} to {{to}}) is CLOSED and cannot change', 'zh-CN': '排班 {{id}}（{{from}} 至 {{to}}）已关闭，不能再修改' },
  jobEditing: {
    en: 'Optimizer job {{job}} is working on roster {{id}}: wait for it to finish or cancel it before editing by hand',
    'zh-CN': '排班优化任务 {{job}} 正在处理排班 {{id}}，请等待其完成或取消后再手工编辑',
  },
  demandNotOfConsortium: { en: "demandId: demand {{id}} is not a demand of this roster's consortium", 'zh-CN': 'demandId：驻点需求 {{id}} 不属于本排班所在的医联体' },
  demandNotApproved: { en: 'demandId: demand {{id}} is {{state}}; only approved demands are covered', 'zh-CN': 'demandId：驻点需求 {{id}} 的状态为{{state}}，只有已批准的需求才能安排' },
  outsideRosterPeriod: { en: "{{date}} is outside the roster's period {{from}} to {{to}}", 'zh-CN': '{{date}} 不在排班时段（{{from}} 至 {{to}}）内' },
  moveWhere: { en: 'Say where the assignment moves: a new date, a new specialist, or both', 'zh-CN': '请说明调整到哪里：新的日期、新的专家，或两者' },
  moveNothing: { en: 'The move changes nothing: give another date or another specialist', 'zh-CN': '此次调整没有任何变化，请给出其他日期或其他专家' },
  movedBecause: { en: 'moved: {{reason}}', 'zh-CN': '已调整：{{reason}}' },
  assignmentPast: { en: 'Assignment {{id}} was on {{date}}, which is past; it is part of the record now', 'zh-CN': '排班安排 {{id}} 在 {{date}}，已经过去，现为历史记录' },
  pinOnlyActive: { en: 'Assignment {{id}} is {{state}}; only active assignments can be pinned', 'zh-CN': '排班安排 {{id}} 的状态为{{state}}，只有有效的安排才能固定' },
  publishPast: { en: 'Assignment {{id}} is on {{date}}, which is past: remove or move it before publishing', 'zh-CN': '排班安排 {{id}} 在 {{date}}，已经过去：请在发布前删除或调整它' },
  closeTooEarly: {
    en: 'Roster {{id}} runs until {{end}}; close it after that day (amend it to change what is left)',
    'zh-CN': '排班 {{id}} 持续到 {{end}}，请在该日之后关闭（如需修改剩余部分请调整排班）',
  },

  // Demands (roster/demand-service.ts).
  demandTooLong: { en: 'a demand covers at most a year; ask again for the next period', 'zh-CN': '一项需求最多覆盖一年，下一时段请另行申请' },
  expertDaysTooMany: { en: 'expertDays {{days}} cannot fit into {{period}} days', 'zh-CN': '专家日数 expertDays {{days}} 无法放入 {{period}} 天内' },
  hostNotMember: { en: '{{host}} is not a member of consortium {{consortium}}', 'zh-CN': '{{host}} 不是医联体 {{consortium}} 的成员' },
  demandReasonNeeded: { en: 'reason: say why the demand is {{state}}', 'zh-CN': 'reason：请说明需求{{state}}的原因' },
  demandEnded: { en: 'Demand {{id}} ended on {{end}}; it can no longer be covered', 'zh-CN': '驻点需求 {{id}} 已于 {{end}} 结束，无法再安排' },

  // Availability and hosts (roster/availability-service.ts, calendar.ts, directory-facts.ts).
  dayInBothLists: {
    en: '{{field}} offers {{date}}, which unavailable[{{other}}] refuses: send each day in one list only',
    'zh-CN': '{{field}} 提供了 {{date}}，而 unavailable[{{other}}] 拒绝了这一天：每一天只能出现在一个列表中',
  },
  travelLimitNeeded: {
    en: 'limits need maxTravelKm or maxTravelMinutes (or both): how far can the specialist travel from the home hospital?',
    'zh-CN': '出行限制需要 maxTravelKm 或 maxTravelMinutes（或两者）：专家最远能从所在医院出行多远？',
  },
  limitsNeeded: {
    en: 'limits: the first availability a specialist records needs their limits (days per month, consecutive days, travel)',
    'zh-CN': 'limits：专家第一次登记可出诊时间时需要填写限制（每月天数、连续天数、出行距离）',
  },
  slotsTooLong: {
    en: '{{slots}} slots of {{minutes}} minutes need {{total}} minutes, more than the 240 of a half-day session',
    'zh-CN': '{{slots}} 个 {{minutes}} 分钟的号源共需 {{total}} 分钟，超过半天坐诊的 240 分钟',
  },
  rangeReversed: { en: '{{field}} is reversed: to ({{to}}) is before from ({{from}})', 'zh-CN': '{{field}} 颠倒：结束日期（{{to}}）早于开始日期（{{from}}）' },
  fromPast: { en: '{{field}}.from {{from}} is in the past (today is {{today}}); record days from today on', 'zh-CN': '{{field}}.from {{from}} 已经过去（今天是 {{today}}），请从今天起登记' },
  toTooFar: { en: '{{field}}.to {{to}} is more than {{days}} days ahead', 'zh-CN': '{{field}}.to {{to}} 超出今后 {{days}} 天' },
  noWeekdays: { en: '{{field}} contains none of the weekdays {{weekdays}} between {{from}} and {{to}}', 'zh-CN': '{{field}} 在 {{from}} 至 {{to}} 之间不包含星期 {{weekdays}} 中的任何一天' },
  datePast: { en: '{{field}} {{date}} is in the past (today is {{today}})', 'zh-CN': '{{field}} {{date}} 已经过去（今天是 {{today}}）' },
  personMissing: { en: '{{field}}: person {{id}} does not exist', 'zh-CN': '{{field}}：人员 {{id}} 不存在' },
  notASpecialist: { en: '{{field}}: {{name}} is not a specialist', 'zh-CN': '{{field}}：{{name}} 不是专家' },
  accountDeactivated: { en: "{{field}}: {{name}}'s account is deactivated", 'zh-CN': '{{field}}：{{name}} 的账号已停用' },
  hospitalMissing: { en: '{{field}}: hospital {{id}} does not exist', 'zh-CN': '{{field}}：医院 {{id}} 不存在' },
  notAHost: {
    en: '{{field}}: {{name}} is a {{tier}} hospital; visiting experts are sent to township, community and secondary hospitals',
    'zh-CN': '{{field}}：{{name}} 是{{tier}}医院；下沉专家只派往乡镇、社区和二级医院',
  },

  // The optimizer's own input checks (optimizer/problem.ts): a caller's mistake, named by field.
  inputSeed: { en: 'options.seed must be a whole number from 0 to 4294967295', 'zh-CN': 'options.seed 必须是 0 到 4294967295 之间的整数' },
  inputTimeLimit: { en: 'options.timeLimitMs must be from 100 to 3600000 ms', 'zh-CN': 'options.timeLimitMs 必须在 100 到 3600000 毫秒之间' },
  inputMethod: { en: "options.method must be 'auto', 'exact' or 'local'", 'zh-CN': "options.method 必须是 'auto'、'exact' 或 'local'" },
  inputGap: { en: 'options.relativeGap must be from 0 to 1', 'zh-CN': 'options.relativeGap 必须在 0 到 1 之间' },
  inputIterations: { en: 'options.iterations must be a whole number from 0 to 100000000', 'zh-CN': 'options.iterations 必须是 0 到 100000000 之间的整数' },
  inputIntegerRange: { en: '{{field}} must be a whole number from {{min}} to {{max}}, got {{value}}', 'zh-CN': '{{field}} 必须是 {{min}} 到 {{max}} 之间的整数，收到的是 {{value}}' },
  inputIntegerMin: { en: '{{field}} must be a whole number from {{min}}, got {{value}}', 'zh-CN': '{{field}} 必须是不小于 {{min}} 的整数，收到的是 {{value}}' },
  inputNumber: { en: '{{field}} must be a number from {{min}} to {{max}}, got {{value}}', 'zh-CN': '{{field}} 必须是 {{min}} 到 {{max}} 之间的数，收到的是 {{value}}' },
  inputId: { en: '{{field}} must be a non-empty string id', 'zh-CN': '{{field}} 必须是非空的字符串编号' },
  inputDate: { en: '{{field}} must be a date like 2026-12-03, got {{value}}', 'zh-CN': '{{field}} 必须是形如 2026-12-03 的日期，收到的是 {{value}}' },
  inputDuplicateId: { en: '{{what}} id {{id}} appears twice', 'zh-CN': '{{what}} 编号 {{id}} 出现了两次' },
  inputDateList: { en: '{{field}} must be a list of dates', 'zh-CN': '{{field}} 必须是日期列表' },
  inputLists: { en: 'input needs specialists, hosts and demands lists', 'zh-CN': '输入需要 specialists、hosts 和 demands 列表' },
  inputList: { en: '{{field}} must be a list', 'zh-CN': '{{field}} 必须是列表' },
  inputListMayBeEmpty: { en: '{{field}} must be a list (may be empty)', 'zh-CN': '{{field}} 必须是列表（可以为空）' },
  inputUnknownHost: { en: '{{field}} refers to host {{id}}, which is not in the input', 'zh-CN': '{{field}} 引用的接收医院 {{id}} 不在输入中' },
  inputEndsBeforeStart: { en: '{{field}} ends ({{end}}) before it starts ({{start}})', 'zh-CN': '{{field}} 的结束日期（{{end}}）早于开始日期（{{start}}）' },
  inputSession: { en: '{{field}} must be MORNING, AFTERNOON or FULL_DAY', 'zh-CN': '{{field}} 必须是 MORNING、AFTERNOON 或 FULL_DAY' },
  inputHorizon: { en: 'the demands and pinned assignments span {{days}} days; plan at most {{max}} days at a time', 'zh-CN': '需求和固定安排跨越 {{days}} 天，每次最多规划 {{max}} 天' },
  inputPinnedSpecialist: { en: 'a pinned assignment names specialist {{id}}, who is not in the input', 'zh-CN': '某个固定安排指定的专家 {{id}} 不在输入中' },
  inputPinnedDemand: { en: 'a pinned assignment names demand {{id}}, which is not in the input', 'zh-CN': '某个固定安排指定的驻点需求 {{id}} 不在输入中' },

  // States as said inside sentences.
  DRAFT: { en: 'DRAFT', 'zh-CN': '草稿' },
  PUBLISHED: { en: 'PUBLISHED', 'zh-CN': '已发布' },
  CLOSED: { en: 'CLOSED', 'zh-CN': '已关闭' },
  QUEUED: { en: 'QUEUED', 'zh-CN': '排队中' },
  RUNNING: { en: 'RUNNING', 'zh-CN': '运行中' },
  SUCCEEDED: { en: 'SUCCEEDED', 'zh-CN': '已完成' },
  FAILED: { en: 'FAILED', 'zh-CN': '已失败' },
  CANCELLED: { en: 'CANCELLED', 'zh-CN': '已取消' },
  REQUESTED: { en: 'REQUESTED', 'zh-CN': '已申请' },
  APPROVED: { en: 'APPROVED', 'zh-CN': '已批准' },
  DECLINED: { en: 'DECLINED', 'zh-CN': '已拒绝' },
  WITHDRAWN: { en: 'WITHDRAWN', 'zh-CN': '已撤回' },
  ACTIVE: { en: 'ACTIVE', 'zh-CN': '有效' },
  REMOVED: { en: 'REMOVED', 'zh-CN': '已移除' },
  // The same states said inside an English sentence in lower case ("was published").
  lowerDRAFT: { en: 'draft', 'zh-CN': '草稿' },
  lowerPUBLISHED: { en: 'published', 'zh-CN': '已发布' },
  lowerCLOSED: { en: 'closed', 'zh-CN': '已关闭' },
  lowerREQUESTED: { en: 'requested', 'zh-CN': '待审批' },
  lowerAPPROVED: { en: 'approved', 'zh-CN': '被批准' },
  lowerDECLINED: { en: 'declined', 'zh-CN': '被拒绝' },
  lowerWITHDRAWN: { en: 'withdrawn', 'zh-CN': '被撤回' },
  tierTERTIARY: { en: 'tertiary', 'zh-CN': '三级' },
  tierSECONDARY: { en: 'secondary', 'zh-CN': '二级' },
  tierCOMMUNITY: { en: 'community', 'zh-CN': '社区' },
  tierTOWNSHIP: { en: 'township', 'zh-CN': '乡镇' },
  tierVILLAGE: { en: 'village', 'zh-CN': '村' },
} satisfies MessageTable;
