import type { MessageTable } from './table';

/** The directory: consortia, hospitals, people, patients. */
export const consortium = {
  missingRow: { en: '{{field}}: {{what}} {{id}} does not exist', 'zh-CN': '{{field}}：{{what}} {{id}} 不存在' },
  leadCannotLeave: { en: 'The lead hospital cannot leave its consortium: name another lead hospital first', 'zh-CN': '牵头医院不能退出其医联体：请先指定另一家牵头医院' },
  birthDateNotReal: { en: 'birthDate {{value}} is not a real date', 'zh-CN': '出生日期 {{value}} 不是有效日期' },
  birthDateFuture: { en: 'birthDate cannot be in the future', 'zh-CN': '出生日期不能晚于今天' },
  nationalIdFormat: { en: 'nationalId must be 18 characters: 17 digits and a digit or X', 'zh-CN': '身份证号应为 18 位：17 位数字加 1 位数字或 X' },
  nationalIdCheck: { en: 'nationalId has a wrong check character: it was probably mistyped', 'zh-CN': '身份证号校验位不正确，可能输入有误' },
  birthDateMismatch: { en: 'birthDate {{value}} does not match the birth date in the national ID ({{embedded}})', 'zh-CN': '出生日期 {{value}} 与身份证号中的出生日期（{{embedded}}）不一致' },
  cannotDemoteSelf: { en: 'You cannot remove your own administrator role or deactivate yourself: ask another administrator', 'zh-CN': '不能取消自己的管理员角色或停用自己的账号，请联系其他管理员' },
  specialtiesForDoctors: { en: 'Only doctors (SPECIALIST or TOWNSHIP_DOCTOR) have specialties', 'zh-CN': '只有医生（专家或基层医生）才有专科' },
} satisfies MessageTable;
