import type { MessageTable } from './table';

/** The database's verdicts (db/constraint-errors.ts), when a change breaks a constraint. */
export const database = {
  consortiumName: { en: 'A consortium with this name already exists', 'zh-CN': '已存在同名医联体' },
  hospitalName: { en: 'A hospital with this name already exists', 'zh-CN': '已存在同名医院' },
  gridName: { en: 'A grid with this name already exists', 'zh-CN': '已存在同名网格' },
  departmentCode: { en: 'A department with this code already exists', 'zh-CN': '已存在相同编码的科室' },
  departmentNameZh: { en: 'A department with this Chinese name already exists', 'zh-CN': '已存在相同中文名称的科室' },
  departmentNameEn: { en: 'A department with this English name already exists', 'zh-CN': '已存在相同英文名称的科室' },
  username: { en: 'This sign-in name is taken', 'zh-CN': '该登录名已被占用' },
  nationalId: { en: 'A patient with this national ID number is already registered', 'zh-CN': '该身份证号的患者已登记' },
  referralConsultation: { en: "This consultation already has a live referral: see the consultation's referrals", 'zh-CN': '此会诊已有进行中的转诊，请查看该会诊的转诊记录' },
  criterionCode: { en: 'A referral criterion with this code already exists', 'zh-CN': '已存在相同编码的转诊标准' },
  // The specialist's one calendar (specialist_commitment_no_overlap): the clash names the other commitment,
  // in plain words (people read it beside the time field; the roster's rule code is added by roster/rule-errors.ts).
  commitmentRaced: { en: 'The specialist already has another commitment at that time (another change got there first)', 'zh-CN': '该专家在此时间已有其他安排（另一项修改先完成了）' },
  commitmentClash: { en: 'The specialist is already {{what}}: choose another time', 'zh-CN': '该专家此时已有安排：{{what}}，请选择其他时间' },
  commitmentOnSite: { en: 'on site at {{host}} {{when}} (roster assignment {{id}})', 'zh-CN': '在{{host}}驻点 {{when}}（排班 {{id}}）' },
  commitmentRemote: { en: 'in remote consultation {{id}} {{when}}', 'zh-CN': '远程会诊 {{id}} {{when}}' },
  commitmentBlocked: { en: 'blocked {{when}} (commitment {{id}})', 'zh-CN': '时段已锁定 {{when}}（安排 {{id}}）' },
  commitmentBlockedNote: { en: 'blocked {{when}} ({{note}}) (commitment {{id}})', 'zh-CN': '时段已锁定 {{when}}（{{note}}）（安排 {{id}}）' },
  rosterOverlap: { en: 'This consortium already has a roster for part of that period', 'zh-CN': '本医联体在该时间段内已有排班' },
  jobActive: { en: 'An optimizer job is already working on this roster: wait for it or cancel it', 'zh-CN': '已有排班优化任务在处理此排班，请等待其完成或取消' },
  slotTaken: { en: 'That slot was just taken by another booking', 'zh-CN': '该号源刚刚被其他预约占用' },
  patientInSession: { en: 'The patient already has a slot in this clinic session', 'zh-CN': '该患者在此坐诊时段已有预约' },
  duplicate: { en: 'This would duplicate an existing record ({{constraint}})', 'zh-CN': '与已有记录重复（{{constraint}}）' },
  missingReference: { en: 'A referenced record does not exist or is still in use ({{constraint}})', 'zh-CN': '引用的记录不存在或仍在使用中（{{constraint}}）' },
  ruleBroken: { en: 'The change breaks the rule {{constraint}}', 'zh-CN': '此修改违反了规则 {{constraint}}' },
} satisfies MessageTable;
