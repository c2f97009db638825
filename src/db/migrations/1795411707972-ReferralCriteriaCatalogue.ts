import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 转诊标准: the referral criteria every consortium starts from, for common conditions in both
 * directions, after the national two-way referral guidance for county consortia (上转: acute,
 * beyond grassroots capability; 下转: stable, needs recovery or chronic management near home).
 * Administrators edit, add and retire entries; this is only the starting catalogue.
 */
export const REFERRAL_CRITERIA: {
  code: string; direction: 'UP' | 'DOWN'; condition: string; criterion: string; icd10: string[]; specialty: string | null; greenChannel: boolean;
}[] = [
  // 上转 (UP)
  { code: 'UP_CARD_ACS', direction: 'UP', condition: '疑似急性冠脉综合征', criterion: '持续胸痛≥20分钟，伴心电图ST-T动态改变或肌钙蛋白升高；基层无急诊PCI条件', icd10: ['I20', 'I21', 'I22', 'I24', 'R07'], specialty: 'CARDIOLOGY', greenChannel: true },
  { code: 'UP_NEURO_STROKE', direction: 'UP', condition: '疑似急性脑卒中', criterion: '突发一侧肢体无力、口角歪斜或言语不清；发病4.5小时内（溶栓时间窗）或24小时内需评估取栓', icd10: ['I60', 'I61', 'I62', 'I63', 'I64', 'G45'], specialty: 'NEUROLOGY', greenChannel: true },
  { code: 'UP_CARD_HF_ACUTE', direction: 'UP', condition: '心力衰竭急性加重', criterion: 'NYHA III–IV级，基层规范治疗48小时症状无改善，或合并恶性心律失常', icd10: ['I50', 'I11.0'], specialty: 'CARDIOLOGY', greenChannel: false },
  { code: 'UP_CARD_HTN_RESISTANT', direction: 'UP', condition: '难治性高血压', criterion: '足量三种降压药（含利尿剂）联合治疗4周血压仍未达标，或疑似继发性高血压', icd10: ['I10', 'I11', 'I15'], specialty: 'CARDIOLOGY', greenChannel: false },
  { code: 'UP_RESP_COPD_AE', direction: 'UP', condition: '慢阻肺急性加重', criterion: '出现呼吸衰竭征象（SpO2<90%）、意识改变，或基层治疗72小时无效', icd10: ['J44', 'J96'], specialty: 'RESPIRATORY', greenChannel: false },
  { code: 'UP_RESP_PNEUMONIA_SEVERE', direction: 'UP', condition: '重症肺炎', criterion: 'CURB-65评分≥3分，或需要氧疗/机械通气', icd10: ['J12', 'J13', 'J15', 'J18'], specialty: 'RESPIRATORY', greenChannel: true },
  { code: 'UP_ENDO_DM_ACUTE', direction: 'UP', condition: '糖尿病急性并发症', criterion: '糖尿病酮症酸中毒、高渗高血糖状态或反复严重低血糖', icd10: ['E10.0', 'E10.1', 'E11.0', 'E11.1', 'E14.0', 'E14.1', 'E16'], specialty: 'ENDOCRINOLOGY', greenChannel: true },
  { code: 'UP_ENDO_DM_UNCONTROLLED', direction: 'UP', condition: '血糖控制不佳的糖尿病', criterion: '规范治疗3个月HbA1c仍≥9%，或出现新发慢性并发症需评估', icd10: ['E10', 'E11', 'E14'], specialty: 'ENDOCRINOLOGY', greenChannel: false },
  { code: 'UP_PAED_SEVERE', direction: 'UP', condition: '儿童重症（高热惊厥、重症肺炎）', criterion: '3岁以下高热惊厥反复发作，或肺炎伴呼吸困难、拒食、精神萎靡', icd10: ['R56', 'J18', 'J21'], specialty: 'PAEDIATRICS', greenChannel: true },
  { code: 'UP_OBS_HIGH_RISK', direction: 'UP', condition: '高危妊娠', criterion: '妊娠期高血压疾病、前置胎盘、瘢痕子宫等高危因素，需二级以上医院产检或分娩', icd10: ['O10', 'O13', 'O14', 'O24', 'O34', 'O44'], specialty: 'OBSTETRICS_GYNAECOLOGY', greenChannel: false },
  { code: 'UP_ORTHO_HIP_FRACTURE', direction: 'UP', condition: '老年髋部骨折', criterion: '65岁以上髋部骨折，需48小时内手术评估', icd10: ['S72'], specialty: 'ORTHOPAEDICS', greenChannel: true },
  { code: 'UP_SURG_ACUTE_ABDOMEN', direction: 'UP', condition: '急腹症', criterion: '疑似急性阑尾炎、肠梗阻、胆囊炎穿孔等需外科手术评估', icd10: ['K35', 'K56', 'K80', 'K81', 'R10'], specialty: 'GENERAL_SURGERY', greenChannel: true },
  // 下转 (DOWN)
  { code: 'DOWN_NEURO_STROKE_REHAB', direction: 'DOWN', condition: '脑卒中恢复期', criterion: '生命体征稳定48小时以上、病情无进展，需肢体/言语康复训练与二级预防', icd10: ['I61', 'I63', 'I69'], specialty: 'REHABILITATION', greenChannel: false },
  { code: 'DOWN_CARD_PCI_STABLE', direction: 'DOWN', condition: '冠心病PCI术后稳定期', criterion: '术后无并发症、胸痛缓解，需双联抗血小板治疗随访与危险因素管理', icd10: ['I20', 'I21', 'I25', 'Z95'], specialty: 'CARDIOLOGY', greenChannel: false },
  { code: 'DOWN_CARD_HF_STABLE', direction: 'DOWN', condition: '慢性心力衰竭稳定期', criterion: '急性加重已控制，口服药物方案确定，需基层随访体重、血压与用药', icd10: ['I50'], specialty: 'CARDIOLOGY', greenChannel: false },
  { code: 'DOWN_HTN_STABLE', direction: 'DOWN', condition: '高血压稳定期', criterion: '血压达标且方案稳定，转入基层慢病管理（家庭医生签约随访）', icd10: ['I10', 'I11'], specialty: 'CARDIOLOGY', greenChannel: false },
  { code: 'DOWN_DM_STABLE', direction: 'DOWN', condition: '2型糖尿病稳定期', criterion: '血糖达标、无急性并发症，转入基层慢病管理', icd10: ['E11', 'E14'], specialty: 'ENDOCRINOLOGY', greenChannel: false },
  { code: 'DOWN_RESP_COPD_STABLE', direction: 'DOWN', condition: '慢阻肺稳定期', criterion: '急性加重控制后，需长期吸入治疗管理与肺康复', icd10: ['J44'], specialty: 'RESPIRATORY', greenChannel: false },
  { code: 'DOWN_ORTHO_POSTOP_REHAB', direction: 'DOWN', condition: '骨折术后康复期', criterion: '术后切口愈合良好、无感染，需功能锻炼与定期复查', icd10: ['S72', 'S82', 'S42', 'Z47'], specialty: 'ORTHOPAEDICS', greenChannel: false },
  { code: 'DOWN_PALLIATIVE', direction: 'DOWN', condition: '晚期肿瘤姑息治疗', criterion: '已完成专科评估，以症状控制和安宁疗护为主，患者希望就近照护', icd10: ['C'], specialty: null, greenChannel: false },
];

export class ReferralCriteriaCatalogue1795411707972 implements MigrationInterface {
  name = 'ReferralCriteriaCatalogue1795411707972';

  async up(q: QueryRunner): Promise<void> {
    for (const c of REFERRAL_CRITERIA) {
      await q.query(
        `INSERT INTO referral_criterion (code, direction, condition, criterion, icd10_prefixes, specialty_id, green_channel)
         VALUES ($1, $2, $3, $4, $5, (SELECT id FROM department WHERE code = $6), $7) ON CONFLICT DO NOTHING`,
        [c.code, c.direction, c.condition, c.criterion, c.icd10, c.specialty, c.greenChannel],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DELETE FROM referral_criterion WHERE code = ANY($1) AND NOT EXISTS (SELECT 1 FROM referral_criterion_citation c WHERE c.criterion_id = referral_criterion.id)',
      [REFERRAL_CRITERIA.map((c) => c.code)],
    );
  }
}
