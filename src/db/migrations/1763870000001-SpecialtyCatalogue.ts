import { MigrationInterface, QueryRunner } from 'typeorm';

/** The shared specialty catalogue every consortium starts from; administrators may add more. */
export const SPECIALTIES: [code: string, zh: string, en: string][] = [
  ['CARDIOLOGY', '心内科', 'Cardiology'],
  ['NEUROLOGY', '神经内科', 'Neurology'],
  ['RESPIRATORY', '呼吸内科', 'Respiratory Medicine'],
  ['ENDOCRINOLOGY', '内分泌科', 'Endocrinology'],
  ['GASTROENTEROLOGY', '消化内科', 'Gastroenterology'],
  ['PAEDIATRICS', '儿科', 'Paediatrics'],
  ['OBSTETRICS_GYNAECOLOGY', '妇产科', 'Obstetrics and Gynaecology'],
  ['GENERAL_SURGERY', '普外科', 'General Surgery'],
  ['ORTHOPAEDICS', '骨科', 'Orthopaedics'],
  ['TCM', '中医科', 'Traditional Chinese Medicine'],
  ['REHABILITATION', '康复医学科', 'Rehabilitation Medicine'],
  ['GENERAL_PRACTICE', '全科医学科', 'General Practice'],
  ['RADIOLOGY', '医学影像科', 'Radiology'],
  ['EMERGENCY', '急诊科', 'Emergency Medicine'],
];

export class SpecialtyCatalogue1763870000001 implements MigrationInterface {
  name = 'SpecialtyCatalogue1763870000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, zh, en] of SPECIALTIES) {
      await q.query('INSERT INTO department (code, name_zh, name_en) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [code, zh, en]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM department WHERE code = ANY($1) AND NOT EXISTS (SELECT 1 FROM person_specialty s WHERE s.department_id = department.id)', [SPECIALTIES.map((s) => s[0])]);
  }
}
