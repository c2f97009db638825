import { EntityManager } from 'typeorm';
import type { ConsultConfig } from '../../config';
import { seededRandom } from './random';

/**
 * Six weeks of believable consultation and referral history for the demo consortium, so the
 * assessment and the queue show meaningful numbers on first start. Deterministic (seeded
 * PRNG; times are relative to the moment of seeding). Written with a few bulk statements to
 * stay fast. Only ESCALATED events go into the event log (the assessment counts them there);
 * the rest is history, not news for subscribers.
 *
 * Shape, after the seed documents: up:down referrals about 3:1, green-channel cases accepted
 * within the hour, DOWN referrals answered slowly by the grassroots, EMERGENCY consultations
 * claimed in minutes (with the odd breach of the 5-minute deadline), ROUTINE ones in hours.
 */
export interface DemoHistoryCounts { consultations: number; referrals: number }

const DAYS = 42;
const HOUR = 3600_000;

/** Typical cases per specialty: ICD-10, diagnosis, summary, question, impression, advice. */
const CASES: Record<string, [string, string, string, string, string, string][]> = {
  CARDIOLOGY: [
    ['I20.0', '不稳定型心绞痛', '活动后胸闷胸痛1周，休息可缓解，心电图ST-T改变', '是否为不稳定型心绞痛，是否需上转造影？', '不稳定型心绞痛（中危）', '双联抗血小板，他汀强化，尽快上转冠脉造影'],
    ['I10', '原发性高血压', '高血压3年，联合两种降压药血压仍160/100mmHg', '降压方案如何调整？', '原发性高血压2级（高危）', '加用利尿剂，监测电解质，2周后复诊'],
    ['I50.9', '慢性心力衰竭', '双下肢水肿2周，夜间阵发性呼吸困难', '心衰加重，基层如何处理？', '慢性心力衰竭急性加重 NYHA III级', '利尿减轻容量负荷，若48小时无改善上转'],
    ['I48', '心房颤动', '心悸3天，心电图示房颤，心室率110次/分', '抗凝与控制心率方案？', '持续性心房颤动，CHA2DS2-VASc 3分', '口服抗凝，美托洛尔控制心室率，1月后复查'],
  ],
  NEUROLOGY: [
    ['I63.9', '脑梗死', '晨起右侧肢体无力，言语含糊，发病3小时', '是否在溶栓时间窗？', '急性脑梗死，发病<4.5小时', '立即走绿色通道上转溶栓评估'],
    ['G45.9', '短暂性脑缺血发作', '左手麻木反复发作3次，每次10分钟缓解', 'TIA如何评估与预防？', 'TIA（ABCD2评分4分）', '抗血小板，完善颈动脉超声，上转评估'],
    ['G43', '偏头痛', '反复发作性头痛5年，近月加重', '头痛是否需影像学检查？', '偏头痛（无先兆）', '对症止痛，记录头痛日记，暂不需影像学检查'],
  ],
  RESPIRATORY: [
    ['J44.1', '慢阻肺急性加重', '咳嗽咳痰加重5天，气促，SpO2 89%', '是否需上转住院？', '慢阻肺急性加重（中重度）', '氧疗、支气管扩张剂及激素，上转住院'],
    ['J18.9', '社区获得性肺炎', '发热咳嗽4天，胸片右下肺渗出', '抗感染方案？', '社区获得性肺炎（CURB-65 1分）', '口服阿莫西林克拉维酸，3天后复诊'],
    ['J45', '支气管哮喘', '夜间喘息反复，吸入激素后仍控制不佳', '哮喘控制方案如何升级？', '支气管哮喘（部分控制）', '升级为ICS/LABA，教会吸入技术'],
  ],
  ENDOCRINOLOGY: [
    ['E11.9', '2型糖尿病', '口服两种降糖药，HbA1c 9.6%', '是否需起始胰岛素？', '2型糖尿病血糖控制不佳', '起始基础胰岛素，指导自我血糖监测'],
    ['E11.1', '糖尿病酮症酸中毒', '口渴多尿1周，恶心呕吐，尿酮3+', '基层如何初步处理？', '糖尿病酮症酸中毒', '补液、小剂量胰岛素，立即上转'],
    ['E05.9', '甲状腺功能亢进症', '心悸消瘦2月，FT4升高', '治疗方案？', '甲状腺功能亢进症（Graves病可能）', '甲巯咪唑起始，监测血常规和肝功能'],
  ],
  PAEDIATRICS: [
    ['J18.9', '小儿肺炎', '2岁，发热咳嗽3天，呼吸稍促', '是否需住院？', '支气管肺炎（轻症）', '口服抗生素，密切观察呼吸，加重即上转'],
    ['R56.0', '热性惊厥', '18月龄，发热时抽搐1次约2分钟', '是否需进一步检查？', '单纯性热性惊厥', '退热处理，宣教，如反复发作上转'],
  ],
  ORTHOPAEDICS: [
    ['S72.0', '股骨颈骨折', '78岁，跌倒后右髋疼痛，不能站立', '手术指征？', '右股骨颈骨折（Garden III型）', '制动，48小时内上转手术'],
    ['M17', '膝骨关节炎', '双膝疼痛2年，上下楼加重', '保守治疗方案？', '膝骨关节炎（K-L 2级）', '减重、股四头肌训练，必要时关节腔注射'],
  ],
  TCM: [
    ['I10', '高血压（中医辨证肝阳上亢）', '头晕头胀，面红目赤，血压偏高', '中医调理方案？', '眩晕（肝阳上亢证）', '天麻钩藤饮加减，配合降压西药'],
  ],
  REHABILITATION: [
    ['I69.3', '脑梗死后遗症', '脑梗死后2月，右侧肢体肌力3级', '社区康复方案？', '脑卒中恢复期偏瘫', '每日康复训练2次，防跌倒，3个月后评估'],
  ],
};
const SPECIALTY_WEIGHT: [string, number][] = [
  ['CARDIOLOGY', 30], ['NEUROLOGY', 18], ['RESPIRATORY', 16], ['ENDOCRINOLOGY', 14], ['PAEDIATRICS', 8], ['ORTHOPAEDICS', 7], ['TCM', 4], ['REHABILITATION', 3],
];
/** UP criteria → typical diagnoses; DOWN criteria → diagnoses and a care plan. */
const UP_CASES: [string, string, string, number][] = [
  ['UP_CARD_ACS', 'I21.9', '急性心肌梗死', 14], ['UP_CARD_ACS', 'I20.0', '不稳定型心绞痛', 12], ['UP_NEURO_STROKE', 'I63.9', '急性脑梗死', 12],
  ['UP_CARD_HF_ACUTE', 'I50.9', '心力衰竭急性加重', 8], ['UP_RESP_COPD_AE', 'J44.1', '慢阻肺急性加重', 10], ['UP_RESP_PNEUMONIA_SEVERE', 'J18.9', '重症肺炎', 6],
  ['UP_ENDO_DM_UNCONTROLLED', 'E11.9', '2型糖尿病血糖控制不佳', 8], ['UP_ENDO_DM_ACUTE', 'E11.1', '糖尿病酮症酸中毒', 3], ['UP_CARD_HTN_RESISTANT', 'I10', '难治性高血压', 6],
  ['UP_ORTHO_HIP_FRACTURE', 'S72.0', '股骨颈骨折', 6], ['UP_SURG_ACUTE_ABDOMEN', 'K35.8', '急性阑尾炎', 6], ['UP_PAED_SEVERE', 'J18.9', '小儿重症肺炎', 3], ['UP_OBS_HIGH_RISK', 'O14.9', '子痫前期', 2],
];
const DOWN_CASES: [string, string, string, string, number][] = [
  ['DOWN_NEURO_STROKE_REHAB', 'I63.9', '脑梗死恢复期', '每日肢体及言语康复训练；阿司匹林100mg qd、阿托伐他汀20mg qn；每周测血压，3个月后复查头颅MRI', 10],
  ['DOWN_CARD_PCI_STABLE', 'I25.1', '冠心病PCI术后', '阿司匹林+替格瑞洛满12个月；他汀；每月随访心率血压，胸痛复发即上转', 8],
  ['DOWN_CARD_HF_STABLE', 'I50.9', '慢性心力衰竭稳定期', '每日称体重，增加2kg以上就诊；沙库巴曲缬沙坦、美托洛尔按出院方案；限盐', 5],
  ['DOWN_DM_STABLE', 'E11.9', '2型糖尿病', '二甲双胍+基础胰岛素；每周4次指尖血糖；3个月查HbA1c；纳入家庭医生签约管理', 5],
  ['DOWN_HTN_STABLE', 'I10', '高血压2级', '氨氯地平5mg qd；每月随访；低盐饮食', 4],
  ['DOWN_RESP_COPD_STABLE', 'J44.9', '慢阻肺稳定期', '噻托溴铵吸入qd；肺康复训练；接种流感疫苗；急性加重时上转', 4],
  ['DOWN_ORTHO_POSTOP_REHAB', 'S72.0', '股骨颈骨折术后', '助行器辅助负重；切口换药至拆线；6周复查X线', 3],
];

function weighted<T>(random: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1][0];
}

/** Log-normal seconds with the given median and spread (sigma). */
const lognormal = (random: () => number, median: number, sigma: number) => {
  const u = Math.max(1e-9, random());
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  return Math.round(median * Math.exp(sigma * z));
};

export async function seedConsultationAndReferralHistory(m: EntityManager, consult: Pick<ConsultConfig, 'claimDeadlineSeconds'>, now = new Date()): Promise<DemoHistoryCounts> {
  const random = seededRandom(20200615);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const deadlines = consult.claimDeadlineSeconds;

  const [{ id: consortiumId }] = await m.query(`SELECT id FROM consortium WHERE kind = 'COUNTY_MEDICAL_COMMUNITY' ORDER BY id LIMIT 1`);
  const hospitals: { id: number; tier: string }[] = await m.query(
    `SELECT h.id, h.tier FROM hospital h JOIN consortium_membership cm ON cm.hospital_id = h.id WHERE cm.consortium_id = $1 ORDER BY h.id`, [consortiumId]);
  const grassroots = hospitals.filter((h) => h.tier === 'TOWNSHIP' || h.tier === 'COMMUNITY').map((h) => h.id);
  const upper = hospitals.filter((h) => h.tier === 'TERTIARY' || h.tier === 'SECONDARY');
  const tertiary = upper.find((h) => h.tier === 'TERTIARY')!.id;
  const people: { id: number; hospital_id: number; roles: string[]; specialty: string | null }[] = await m.query(
    `SELECT p.id, p.hospital_id, p.roles, (SELECT d.code FROM person_specialty s JOIN department d ON d.id = s.department_id WHERE s.person_id = p.id LIMIT 1) AS specialty
       FROM person p WHERE p.active ORDER BY p.id`);
  const doctorsAt = (h: number) => people.filter((p) => p.hospital_id === h && p.roles.includes('TOWNSHIP_DOCTOR'));
  const experts = (code: string) => people.filter((p) => p.roles.includes('SPECIALIST') && p.specialty === code);
  const patients: { id: number; hospital_id: number }[] = await m.query(`SELECT id, hospital_id FROM patient WHERE hospital_id = ANY($1) ORDER BY id`, [grassroots]);
  const departments = new Map<string, number>((await m.query('SELECT id, code FROM department')).map((d: any) => [d.code, d.id]));
  const criteria = new Map<string, number>((await m.query('SELECT id, code FROM referral_criterion')).map((c: any) => [c.code, c.id]));
  if (!grassroots.length || !patients.length) return { consultations: 0, referrals: 0 };

  // Consultations: about 4 a day, weekdays busier; open ones only in the last hours.
  const consultations: any[] = [];
  const booked = new Map<number, number[]>();
  for (let day = DAYS; day >= 0; day--) {
    const date = new Date(now.getTime() - day * 24 * HOUR);
    const weekday = (date.getUTCDay() + 6) % 7; // 0 = Monday
    const count = weekday >= 5 ? 1 + Math.floor(random() * 2) : 3 + Math.floor(random() * 4);
    for (let k = 0; k < count; k++) {
      // Working hours in China (UTC+8): 08:00–18:00, i.e. 00:00–10:00 UTC.
      const requestedAt = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 0, 0) + random() * 10 * HOUR);
      if (requestedAt > now) continue;
      const specialty = weighted(random, SPECIALTY_WEIGHT);
      const urgency = weighted(random, [['ROUTINE', 60], ['URGENT', 30], ['EMERGENCY', 10]] as [string, number][]);
      const patient = pick(patients);
      const doctor = pick(doctorsAt(patient.hospital_id));
      const expert = pick(experts(specialty));
      if (!doctor || !expert) continue;
      const [code, text, summary, question, impression, advice] = pick(CASES[specialty]);
      const wait = urgency === 'EMERGENCY' ? lognormal(random, 150, 0.6) : urgency === 'URGENT' ? lognormal(random, 900, 0.7) : lognormal(random, 5 * 3600, 0.9);
      const sessionDelay = (urgency === 'ROUTINE' ? 20 : urgency === 'URGENT' ? 2 : 0.3) * HOUR;
      const ageSeconds = (now.getTime() - requestedAt.getTime()) / 1000;
      let state: string;
      if (wait > ageSeconds) state = 'REQUESTED';
      else if (random() < 0.05) state = 'CANCELLED';
      else if (ageSeconds * 1000 < wait * 1000 + sessionDelay + HOUR) state = urgency === 'ROUTINE' ? 'SCHEDULED' : 'CLAIMED';
      else state = 'COMPLETED';
      if (state === 'REQUESTED' && ageSeconds > deadlines[urgency as 'ROUTINE'] * 0.8) continue; // the demo queue holds fresh requests only
      const claimed = state !== 'REQUESTED' ? new Date(requestedAt.getTime() + wait * 1000) : null;
      let sessionStart = claimed ? new Date(claimed.getTime() + sessionDelay) : null;
      if (state === 'SCHEDULED') {
        // A specialist is never in two sessions at once (the database checks): move clashing appointments on.
        const taken = (booked.get(expert.id) ?? []);
        while (taken.some((t) => Math.abs(t - sessionStart!.getTime()) < HOUR)) sessionStart = new Date(sessionStart!.getTime() + HOUR);
        booked.set(expert.id, [...taken, sessionStart!.getTime()]);
      }
      // Specialists recommend referral where the case calls for it (the advice says 上转), rarely otherwise.
      const referUp = state === 'COMPLETED' && random() < (advice.includes('上转') ? 0.8 : 0.03);
      consultations.push({
        consortium_id: consortiumId, specialty_id: departments.get(specialty), requesting_hospital_id: patient.hospital_id, requested_by_id: doctor.id,
        patient_id: patient.id, urgency, state, clinical_summary: summary, question, requested_at: requestedAt,
        specialist_id: claimed ? expert.id : null, claimed_at: claimed, first_claimed_at: claimed,
        scheduled_start: state === 'SCHEDULED' || state === 'COMPLETED' ? sessionStart : null,
        scheduled_end: state === 'SCHEDULED' || state === 'COMPLETED' ? new Date(sessionStart!.getTime() + 0.5 * HOUR) : null,
        started_at: state === 'COMPLETED' ? sessionStart : null, ended_at: state === 'COMPLETED' ? new Date(sessionStart!.getTime() + 0.4 * HOUR) : null,
        completed_at: state === 'COMPLETED' ? new Date(sessionStart!.getTime() + 0.6 * HOUR) : null,
        cancelled_at: state === 'CANCELLED' ? new Date(claimed!.getTime() + 0.5 * HOUR) : null, cancel_reason: state === 'CANCELLED' ? '患者已自行前往上级医院就诊' : null,
        cancelled_by_id: state === 'CANCELLED' ? doctor.id : null,
        escalated_at: claimed && wait > deadlines[urgency as 'ROUTINE'] ? new Date(requestedAt.getTime() + deadlines[urgency as 'ROUTINE'] * 1000) : null,
        opinion: state === 'COMPLETED' ? { impression, recommendations: advice, refer_up: referUp, diagnosis_code: code, diagnosis_text: text, author_id: expert.id } : null,
      });
    }
  }
  // And the live queue right now: a few fresh requests waiting, one just claimed.
  const fresh: [minutesAgo: number, urgency: string, specialty: string, claimedMinutesAgo: number | null][] = [
    [3, 'URGENT', 'CARDIOLOGY', null], [12, 'URGENT', 'RESPIRATORY', null], [25, 'ROUTINE', 'CARDIOLOGY', null], [40, 'ROUTINE', 'NEUROLOGY', null],
    [55, 'ROUTINE', 'ENDOCRINOLOGY', null], [90, 'ROUTINE', 'CARDIOLOGY', null], [30, 'URGENT', 'NEUROLOGY', 10],
  ];
  for (const [minutesAgo, urgency, specialty, claimedMinutesAgo] of fresh) {
    const patient = pick(patients);
    const doctor = pick(doctorsAt(patient.hospital_id));
    const expert = pick(experts(specialty));
    if (!doctor || !expert) continue;
    const [, , summary, question] = pick(CASES[specialty]);
    const claimed = claimedMinutesAgo === null ? null : new Date(now.getTime() - claimedMinutesAgo * 60_000);
    consultations.push({
      consortium_id: consortiumId, specialty_id: departments.get(specialty), requesting_hospital_id: patient.hospital_id, requested_by_id: doctor.id, patient_id: patient.id,
      urgency, state: claimed ? 'CLAIMED' : 'REQUESTED', clinical_summary: summary, question, requested_at: new Date(now.getTime() - minutesAgo * 60_000),
      specialist_id: claimed ? expert.id : null, claimed_at: claimed, first_claimed_at: claimed, opinion: null,
    });
  }

  const insertedConsultations: { id: number; patient_id: number }[] = await m.query(
    `INSERT INTO consultation (consortium_id, specialty_id, requesting_hospital_id, requested_by_id, patient_id, urgency, state, clinical_summary, question, requested_at,
                               specialist_id, claimed_at, first_claimed_at, scheduled_start, scheduled_end, started_at, ended_at, completed_at, cancelled_at, cancel_reason,
                               cancelled_by_id, escalated_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(consortium_id int, specialty_id int, requesting_hospital_id int, requested_by_id int, patient_id int, urgency text,
            state text, clinical_summary text, question text, requested_at timestamptz, specialist_id int, claimed_at timestamptz, first_claimed_at timestamptz,
            scheduled_start timestamptz, scheduled_end timestamptz, started_at timestamptz, ended_at timestamptz, completed_at timestamptz, cancelled_at timestamptz,
            cancel_reason text, cancelled_by_id int, escalated_at timestamptz)
     ORDER BY requested_at RETURNING id, patient_id`,
    [JSON.stringify(consultations.sort((a, b) => a.requested_at - b.requested_at))],
  );
  consultations.forEach((c, i) => {
    if (insertedConsultations[i].patient_id !== c.patient_id) throw new Error('demo history: consultations came back in another order');
    c.id = insertedConsultations[i].id;
  });
  const opinions = consultations.filter((c) => c.opinion).map((c) => ({ consultation_id: c.id, written_at: c.completed_at, ...c.opinion }));
  await m.query(
    `INSERT INTO consultation_opinion (consultation_id, impression, recommendations, refer_up, diagnosis_code, diagnosis_text, author_id, written_at)
     SELECT consultation_id, impression, recommendations, refer_up, diagnosis_code, diagnosis_text, author_id, written_at
       FROM jsonb_to_recordset($1::jsonb) AS x(consultation_id int, impression text, recommendations text, refer_up boolean, diagnosis_code text, diagnosis_text text, author_id int, written_at timestamptz)`,
    [JSON.stringify(opinions)],
  );
  const escalations = consultations.filter((c) => c.escalated_at).map((c) => ({
    occurred_at: c.escalated_at,
    payload: {
      action: 'ESCALATED', consultationId: c.id, consortiumId, specialtyId: c.specialty_id, requestingHospitalId: c.requesting_hospital_id, requestedById: c.requested_by_id,
      specialistId: null, urgency: c.urgency, state: 'REQUESTED', requestedAt: c.requested_at, escalatedAt: c.escalated_at, actorId: null, queued: true, wasQueued: true,
      deadlineSeconds: deadlines[c.urgency as 'ROUTINE'], overdueSeconds: 0,
    },
  })).sort((a, b) => a.occurred_at - b.occurred_at);
  if (escalations.length) {
    await m.query(`INSERT INTO event (topic, payload, occurred_at) SELECT 'consultation', payload, occurred_at FROM jsonb_to_recordset($1::jsonb) AS x(payload jsonb, occurred_at timestamptz)`,
      [JSON.stringify(escalations)]);
  }

  // Referrals: UP about three times as often as DOWN. Some UP ones come from consultation opinions.
  const referrals: any[] = [];
  const fromOpinions = consultations.filter((c) => c.opinion?.refer_up);
  for (const c of fromOpinions) {
    const match = UP_CASES.find(([, icd]) => icd === c.opinion.diagnosis_code);
    referrals.push(upReferral(c.patient_id, c.requesting_hospital_id, c.requested_by_id, new Date(c.completed_at.getTime() + 0.5 * HOUR),
      match?.[0] ?? null, c.opinion.diagnosis_code, c.opinion.diagnosis_text, c.id, c.specialty_id));
  }
  for (let day = DAYS; day >= 0; day--) {
    const base = now.getTime() - day * 24 * HOUR;
    const ups = 1 + Math.floor(random() * 2);
    const downs = random() < 0.7 ? 1 : 0;
    for (let k = 0; k < ups; k++) {
      const patient = pick(patients);
      const doctor = pick(doctorsAt(patient.hospital_id));
      if (!doctor) continue;
      const [code, icd, text] = weighted(random, UP_CASES.map((u) => [u, u[3]] as [typeof u, number]));
      referrals.push(upReferral(patient.id, patient.hospital_id, doctor.id, new Date(base - random() * 10 * HOUR), code, icd, text, null, null));
    }
    for (let k = 0; k < downs; k++) {
      const patient = pick(patients);
      const [code, icd, text, plan] = weighted(random, DOWN_CASES.map((d) => [d, d[4]] as [typeof d, number]));
      const specialty = code.includes('NEURO') ? 'NEUROLOGY' : code.includes('CARD') || code.includes('HTN') ? 'CARDIOLOGY' : code.includes('DM') ? 'ENDOCRINOLOGY' : code.includes('RESP') ? 'RESPIRATORY' : 'ORTHOPAEDICS';
      const expert = pick(experts(specialty));
      if (!expert) continue;
      const proposedAt = new Date(base - random() * 10 * HOUR);
      const accept = lognormal(random, 20 * 3600, 0.8); // grassroots answer slowly
      referrals.push(finish({
        direction: 'DOWN', from_hospital_id: expert.hospital_id, to_hospital_id: patient.hospital_id, patient_id: patient.id, referred_by_id: expert.id,
        diagnosis_code: icd, diagnosis_text: text, care_plan: plan, justification: null, green_channel: false, source_consultation_id: null,
        to_department_id: null, criterion: criteria.get(code) ?? null, proposed_at: proposedAt,
      }, accept, pick(doctorsAt(patient.hospital_id))?.id ?? null));
    }
  }

  function upReferral(patientId: number, fromId: number, doctorId: number, proposedAt: Date, code: string | null, icd: string, text: string, sourceId: number | null, departmentId: number | null) {
    const green = code !== null && ['UP_CARD_ACS', 'UP_NEURO_STROKE', 'UP_ORTHO_HIP_FRACTURE', 'UP_SURG_ACUTE_ABDOMEN', 'UP_ENDO_DM_ACUTE', 'UP_RESP_PNEUMONIA_SEVERE', 'UP_PAED_SEVERE'].includes(code) && random() < 0.7;
    const to = random() < 0.8 ? tertiary : pick(upper).id;
    const accept = green ? lognormal(random, 25 * 60, 0.6) : lognormal(random, 3 * 3600, 0.9);
    const receiver = people.find((p) => p.hospital_id === to && p.roles.includes('SPECIALIST'))?.id ?? null;
    return finish({
      direction: 'UP', from_hospital_id: fromId, to_hospital_id: to, patient_id: patientId, referred_by_id: doctorId, diagnosis_code: icd, diagnosis_text: text,
      care_plan: null, justification: code ? null : `远程会诊专家建议上转进一步诊治：${text}`, green_channel: green, source_consultation_id: sourceId,
      to_department_id: departmentId, criterion: code ? criteria.get(code) ?? null : null, proposed_at: proposedAt,
    }, accept, receiver);
  }

  /** Where a referral proposed at `proposed_at` stands now, given how long the answer takes. */
  function finish(r: any, acceptSeconds: number, responderId: number | null) {
    const age = (now.getTime() - r.proposed_at.getTime()) / 1000;
    const roll = random();
    const acceptedAt = new Date(r.proposed_at.getTime() + acceptSeconds * 1000);
    r.responded_by_id = responderId;
    if (roll < 0.04 && age > 3600) return Object.assign(r, { state: 'CANCELLED', cancelled_at: new Date(r.proposed_at.getTime() + 1800_000), cancel_reason: '患者及家属选择其他医院' });
    if (acceptSeconds > age) return Object.assign(r, { state: 'PROPOSED' });
    if (roll < 0.12) return Object.assign(r, { state: 'DECLINED', declined_at: acceptedAt, decline_reason: r.direction === 'UP' ? '专科床位已满，建议转县第二人民医院' : '本院暂无康复治疗师，建议转乡镇中心卫生院' });
    const arrived = new Date(acceptedAt.getTime() + (r.green_channel ? 1 : 18) * HOUR);
    const completed = new Date(arrived.getTime() + (r.direction === 'UP' ? 6 : 14) * 24 * HOUR);
    Object.assign(r, { accepted_at: acceptedAt, expected_arrival_date: new Date(arrived.getTime() + 8 * HOUR).toISOString().slice(0, 10) });
    if (arrived > now) return Object.assign(r, { state: 'ACCEPTED' });
    if (completed > now) return Object.assign(r, { state: 'ARRIVED', arrived_at: arrived });
    return Object.assign(r, { state: 'COMPLETED', arrived_at: arrived, completed_at: completed });
  }

  referrals.sort((a, b) => a.proposed_at - b.proposed_at);
  const inserted: { id: number; patient_id: number; referred_by_id: number }[] = await m.query(
    `INSERT INTO referral (direction, state, consortium_id, from_hospital_id, to_hospital_id, to_department_id, patient_id, referred_by_id, diagnosis_code, diagnosis_text,
                           justification, care_plan, green_channel, source_consultation_id, proposed_at, expected_arrival_date, accepted_at, responded_by_id, declined_at,
                           decline_reason, arrived_at, completed_at, cancelled_at, cancel_reason)
     SELECT direction, state, $2, from_hospital_id, to_hospital_id, to_department_id, patient_id, referred_by_id, diagnosis_code, diagnosis_text, justification, care_plan,
            green_channel, source_consultation_id, proposed_at, expected_arrival_date, accepted_at, responded_by_id, declined_at, decline_reason, arrived_at, completed_at,
            cancelled_at, cancel_reason
       FROM jsonb_to_recordset($1::jsonb) AS x(direction text, state text, from_hospital_id int, to_hospital_id int, to_department_id int, patient_id int,
            referred_by_id int, diagnosis_code text, diagnosis_text text, justification text, care_plan text, green_channel boolean, source_consultation_id int,
            proposed_at timestamptz, expected_arrival_date date, accepted_at timestamptz, responded_by_id int, declined_at timestamptz, decline_reason text,
            arrived_at timestamptz, completed_at timestamptz, cancelled_at timestamptz, cancel_reason text, ord bigint)
      ORDER BY ord RETURNING id, patient_id, referred_by_id`,
    [JSON.stringify(referrals.map((r, ord) => ({ ...r, criterion: undefined, ord }))), consortiumId],
  );
  referrals.forEach((r, i) => {
    if (inserted[i].patient_id !== r.patient_id || inserted[i].referred_by_id !== r.referred_by_id) throw new Error('demo history: referrals came back in another order');
  });
  const citations = referrals.map((r, i) => ({ referral_id: inserted[i].id, criterion_id: r.criterion })).filter((c) => c.criterion_id);
  if (citations.length) {
    await m.query(`INSERT INTO referral_criterion_citation (referral_id, criterion_id) SELECT referral_id, criterion_id FROM jsonb_to_recordset($1::jsonb) AS x(referral_id int, criterion_id int)`,
      [JSON.stringify(citations)]);
  }
  return { consultations: consultations.length, referrals: referrals.length };
}
