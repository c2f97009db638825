/** The assessment as an xlsx workbook (exceljs, loaded on demand): one sheet per table of figures. */
import type { TFunction } from 'i18next';
import type { SchedulerAssessmentQuery } from '../../../gql/graphql';
import type { RatioPoint } from './AssessmentScreen';

type Assessment = SchedulerAssessmentQuery['consortiumAssessment'];

export async function exportAssessment(a: Assessment, series: RatioPoint[], t: TFunction, language: string): Promise<{ blob: Blob; name: string }> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const bold = (row: { font: unknown }) => { row.font = { bold: true }; };
  const r = a.referrals;
  const summary = book.addWorksheet(t('assessment.sheetSummary'));
  bold(summary.addRow([t('assessment.figure'), t('assessment.value')]));
  const lines: [string, number | string | null | undefined][] = [
    [t('assessment.period'), `${a.from} – ${a.to}`],
    [t('assessment.up'), r.up], [t('assessment.down'), r.down], [t('assessment.ratio'), r.upDownRatio], [t('assessment.green'), r.greenChannel],
    [t('assessment.accepted'), r.accepted], [t('assessment.declined'), r.declined], [t('assessment.completed'), r.completed], [t('assessment.cancelled'), r.cancelled],
    [t('assessment.withoutCriterion'), r.withoutCriterion], [`${t('assessment.medianAccept')} (${t('assessment.hours')})`, r.medianHoursToAccept],
    [t('assessment.slots'), a.roster.slots], [t('assessment.bookedSlots'), a.roster.bookedSlots], [t('assessment.slotUse'), a.roster.slotUtilisation],
    [t('assessment.demanded'), a.roster.totalDemanded], [t('assessment.delivered'), a.roster.totalDelivered],
  ];
  for (const [k, v] of lines) summary.addRow([k, v ?? null]);
  summary.getColumn(1).width = 34;
  summary.getColumn(2).width = 24;

  const consult = book.addWorksheet(t('assessment.sheetConsultations'));
  bold(consult.addRow([t('escalations.urgency'), t('assessment.requested'), t('assessment.claimed'), 'p50 (s)', 'p90 (s)', t('assessment.deadline'), t('assessment.breaches'), t('assessment.escalations'), t('assessment.completed'), t('assessment.cancelled')]));
  for (const c of a.consultations) consult.addRow([t(`urgency.${c.urgency}`), c.requested, c.claimed, c.waitToClaimP50Seconds ?? null, c.waitToClaimP90Seconds ?? null, c.deadlineSeconds, c.deadlineBreaches, c.escalations, c.completed, c.cancelled]);

  const days = book.addWorksheet(t('assessment.sheetDays'));
  bold(days.addRow([t('demands.host'), t('assessment.demanded'), t('assessment.delivered')]));
  for (const h of a.roster.hosts ?? []) days.addRow([h.hospital.name, h.demanded, h.delivered]);

  const criteria = book.addWorksheet(t('assessment.sheetCriteria'));
  bold(criteria.addRow([t('assessment.criterionCode'), t('assessment.condition'), t('assessment.referrals')]));
  for (const c of r.topCriteria) criteria.addRow([c.criterion.code, c.criterion.condition, c.referrals]);

  const ratio = book.addWorksheet(t('assessment.sheetRatio'));
  bold(ratio.addRow([t('assessment.weekFrom'), t('assessment.weekTo'), t('assessment.up'), t('assessment.down'), t('assessment.ratio')]));
  for (const p of series) ratio.addRow([p.from, p.to, p.up, p.down, p.ratio]);

  book.creator = language === 'en' ? 'Consortium hub' : '医联体平台';
  const buffer = await book.xlsx.writeBuffer();
  return { blob: new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name: `assessment-${a.from}-${a.to}.xlsx` };
}
