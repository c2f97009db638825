import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Drawer, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { describeError, errorSentence } from '../../../data/errors';
import type { AssessmentFigure, SchedulerAssessmentRecordsQuery, Urgency } from '../../../gql/graphql';
import { saveFile } from '../board/export';
import { ConsortiumPicker, useConsortium } from '../consortium';
import { exportAssessment, RatioPoint } from './export';
import { AssessmentDocument, AssessmentRatioDocument, AssessmentRecordsDocument } from './operations';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export interface Drill {
  figure: AssessmentFigure;
  title: string;
  from: string;
  to: string;
  urgency?: Urgency;
  hospitalId?: string;
  criterionId?: string;
}


const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : Number(v.toFixed(digits)).toString());
const minutes = (s: number | null | undefined) => (s === null || s === undefined ? null : s / 60);

/** 考核: a consortium's figures for a period, each leading to the records behind it; charts with echarts; xlsx export. */
export default function AssessmentScreen() {
  const { t, i18n } = useTranslation('scheduler');
  const client = useClient();
  const { consortiumId } = useConsortium();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().subtract(42, 'day'), dayjs()]);
  const [target, setTarget] = useState(2);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [series, setSeries] = useState<RatioPoint[]>([]);
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');
  const [{ data, error, fetching }] = useQuery({ query: AssessmentDocument, variables: { consortiumId: consortiumId ?? '', from, to }, pause: !consortiumId });
  const a = data?.consortiumAssessment;

  // The ratio over time: the same query per week of the period (each week's figures are the query's own).
  useEffect(() => {
    if (!consortiumId) return;
    const weeks: [string, string][] = [];
    for (let s = period[0]; !s.isAfter(period[1], 'day'); s = s.add(7, 'day')) {
      const e = s.add(6, 'day').isAfter(period[1], 'day') ? period[1] : s.add(6, 'day');
      weeks.push([s.format('YYYY-MM-DD'), e.format('YYYY-MM-DD')]);
    }
    let alive = true;
    void Promise.all(weeks.map(([f, tt]) => client.query(AssessmentRatioDocument, { consortiumId, from: f, to: tt }).toPromise())).then((results) => {
      if (!alive) return;
      setSeries(results.flatMap((r) => (r.data ? [{ from: r.data.consortiumAssessment.from, to: r.data.consortiumAssessment.to, ...r.data.consortiumAssessment.referrals, ratio: r.data.consortiumAssessment.referrals.upDownRatio ?? null }] : [])));
    });
    return () => { alive = false; };
  }, [client, consortiumId, period]);

  const open = (d: Omit<Drill, 'from' | 'to'> & { from?: string; to?: string }) => setDrill({ from, to, ...d });
  const figure = (testId: string, title: string, value: string | number, drillTo: Omit<Drill, 'from' | 'to' | 'title'> | null, suffix?: string) => (
    <Card size="small" hoverable={!!drillTo} onClick={drillTo ? () => open({ ...drillTo, title }) : undefined} data-testid={`figure-${testId}`}>
      <Statistic title={title} value={value} suffix={suffix} />
    </Card>
  );

  // NOTE: echarts 6 draws a legend at the bottom unless told, over the axis labels; these go on
  // top, where each grid leaves room. The target's label sits inside the line's end, not past it.
  const ratioOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('assessment.ratio'), t('assessment.target')] },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: series.map((p) => p.from.slice(5)) },
    yAxis: { type: 'value', min: 0 },
    series: [{
      name: t('assessment.ratio'), type: 'line', data: series.map((p) => p.ratio), connectNulls: false,
      markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#cf1322' }, label: { position: 'insideEndTop', formatter: t('assessment.targetLabel', { target }) }, data: [{ yAxis: target, name: t('assessment.target') }] },
    }],
  }), [series, target, t]);

  const waitOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['p50', 'p90'] },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: (a?.consultations ?? []).map((c) => t(`urgency.${c.urgency}`)) },
    yAxis: { type: 'value', name: t('assessment.minutes') },
    series: [
      { name: 'p50', type: 'bar', data: (a?.consultations ?? []).map((c) => minutes(c.waitToClaimP50Seconds)) },
      { name: 'p90', type: 'bar', data: (a?.consultations ?? []).map((c) => minutes(c.waitToClaimP90Seconds)) },
    ],
  }), [a, t]);

  const hosts = a?.roster.hosts ?? [];
  const daysOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('assessment.demanded'), t('assessment.delivered')] },
    grid: { left: 40, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: hosts.map((h) => h.hospital.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('assessment.demanded'), type: 'bar', data: hosts.map((h) => h.demanded) },
      { name: t('assessment.delivered'), type: 'bar', data: hosts.map((h) => h.delivered) },
    ],
  }), [hosts, t]);

  const criteria = a?.referrals.topCriteria ?? [];
  const criteriaOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 160, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: criteria.map((c) => c.criterion.condition).reverse() },
    series: [{ type: 'bar', data: criteria.map((c) => c.referrals).reverse() }],
  }), [criteria]);

  const r = a?.referrals;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="assessment-screen">
      <Space wrap className="no-print">
        <ConsortiumPicker />
        <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} data-testid="assessment-period" />
        <span>{t('assessment.target')}</span>
        <InputNumber min={0.5} max={10} step={0.5} value={target} onChange={(v) => setTarget(v ?? 2)} />
        <Button icon={<DownloadOutlined />} disabled={!a} onClick={() => a && void exportAssessment(a, series, t, i18n.language).then(({ blob, name }) => saveFile(blob, name))} data-testid="assessment-export">xlsx</Button>
      </Space>
      {error && <Alert type="error" showIcon title={errorSentence(t, describeError(error))} />}
      {!a && fetching && <Typography.Text type="secondary">{t('assessment.loading')}</Typography.Text>}
      {a && r && (
        <>
          <Row gutter={[8, 8]}>
            <Col xs={12} md={6} lg={3}>{figure('up', t('assessment.up'), r.up, { figure: 'REFERRALS_UP' })}</Col>
            <Col xs={12} md={6} lg={3}>{figure('down', t('assessment.down'), r.down, { figure: 'REFERRALS_DOWN' })}</Col>
            <Col xs={12} md={6} lg={3}>{figure('ratio', t('assessment.ratio'), r.upDownRatio === null || r.upDownRatio === undefined ? '—' : `${fmt(r.upDownRatio, 2)} : 1`, { figure: 'REFERRALS_DOWN' })}</Col>
            <Col xs={12} md={6} lg={3}>{figure('green', t('assessment.green'), r.greenChannel, { figure: 'REFERRALS_GREEN_CHANNEL' })}</Col>
            <Col xs={12} md={6} lg={3}>{figure('median-accept', t('assessment.medianAccept'), fmt(r.medianHoursToAccept), { figure: 'REFERRALS_ACCEPTED' }, t('assessment.hours'))}</Col>
            <Col xs={12} md={6} lg={3}>{figure('declined', t('assessment.declined'), r.declined, { figure: 'REFERRALS_DECLINED' })}</Col>
            <Col xs={12} md={6} lg={3}>{figure('without-criterion', t('assessment.withoutCriterion'), r.withoutCriterion, { figure: 'REFERRALS_WITHOUT_CRITERION' })}</Col>
            <Col xs={12} md={6} lg={3}>
              {a.roster.available
                ? figure('slot-use', t('assessment.slotUse'), a.roster.slotUtilisation === null || a.roster.slotUtilisation === undefined ? '—' : `${fmt(a.roster.slotUtilisation * 100)}%`, null)
                : <Card size="small"><Statistic title={t('assessment.slotUse')} value="—" /></Card>}
            </Col>
          </Row>
          <Row gutter={[8, 8]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('assessment.ratioTitle')}>
                <ReactEChartsCore echarts={echarts} option={ratioOption} style={{ height: 260 }} notMerge
                  onEvents={{ click: (p: { dataIndex: number }) => { const w = series[p.dataIndex]; if (w) open({ figure: 'REFERRALS_UP', title: t('assessment.upInWeek', { from: w.from, to: w.to }), from: w.from, to: w.to }); } }} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('assessment.waitTitle')}>
                <ReactEChartsCore echarts={echarts} option={waitOption} style={{ height: 260 }} notMerge
                  onEvents={{ click: (p: { dataIndex: number }) => { const c = a.consultations[p.dataIndex]; if (c) open({ figure: 'CONSULTATIONS_CLAIMED', urgency: c.urgency, title: t('assessment.claimedOf', { urgency: t(`urgency.${c.urgency}`) }) }); } }} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('assessment.consultTitle')}>
            <Table rowKey="urgency" size="small" pagination={false} dataSource={a.consultations} data-testid="assessment-consultations"
              columns={[
                { title: t('escalations.urgency'), render: (_, c) => <Tag>{t(`urgency.${c.urgency}`)}</Tag> },
                { title: t('assessment.requested'), render: (_, c) => <a data-testid={`requested-${c.urgency}`} onClick={() => open({ figure: 'CONSULTATIONS_REQUESTED', urgency: c.urgency, title: t('assessment.requestedOf', { urgency: t(`urgency.${c.urgency}`) }) })}>{c.requested}</a> },
                { title: t('assessment.p50'), render: (_, c) => <span data-testid={`p50-${c.urgency}`}>{fmt(minutes(c.waitToClaimP50Seconds))}</span> },
                { title: t('assessment.p90'), render: (_, c) => <span data-testid={`p90-${c.urgency}`}>{fmt(minutes(c.waitToClaimP90Seconds))}</span> },
                { title: t('assessment.breaches'), render: (_, c) => <a data-testid={`breaches-${c.urgency}`} onClick={() => open({ figure: 'CONSULTATIONS_DEADLINE_BREACHED', urgency: c.urgency, title: t('assessment.breachesOf', { urgency: t(`urgency.${c.urgency}`) }) })}>{c.deadlineBreaches}</a> },
                { title: t('assessment.escalations'), render: (_, c) => <a data-testid={`escalations-${c.urgency}`} onClick={() => open({ figure: 'CONSULTATIONS_ESCALATED', urgency: c.urgency, title: t('assessment.escalatedOf', { urgency: t(`urgency.${c.urgency}`) }) })}>{c.escalations}</a> },
              ]} />
          </Card>
          <Row gutter={[8, 8]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('assessment.daysTitle')} data-testid="assessment-days">
                {a.roster.available
                  ? (
                    <>
                      <Typography.Text data-testid="days-total">{t('assessment.daysTotal', { delivered: a.roster.totalDelivered ?? 0, demanded: fmt(a.roster.totalDemanded) })}</Typography.Text>
                      <ReactEChartsCore echarts={echarts} option={daysOption} style={{ height: 260 }} notMerge
                        onEvents={{ click: (p: { dataIndex: number }) => { const h = hosts[p.dataIndex]; if (h) open({ figure: 'EXPERT_DAYS_DELIVERED', hospitalId: h.hospitalId, title: t('assessment.daysAt', { host: h.hospital.name }) }); } }} />
                    </>
                  )
                  : <Alert type="info" title={a.roster.reason ?? ''} />}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('assessment.criteriaTitle')}>
                <ReactEChartsCore echarts={echarts} option={criteriaOption} style={{ height: 260 }} notMerge
                  onEvents={{ click: (p: { dataIndex: number }) => { const c = [...criteria].reverse()[p.dataIndex]; if (c) open({ figure: 'REFERRALS_CITING_CRITERION', criterionId: c.criterion.id, title: c.criterion.condition }); } }} />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <RecordsDrawer drill={drill} consortiumId={consortiumId} onClose={() => setDrill(null)} />
    </Space>
  );
}

type RecordRow = SchedulerAssessmentRecordsQuery['assessmentRecords'][number];

/** The records behind a figure. */
function RecordsDrawer({ drill, consortiumId, onClose }: { drill: Drill | null; consortiumId: string | null; onClose(): void }) {
  const { t } = useTranslation('scheduler');
  const [{ data, fetching, error }] = useQuery({
    query: AssessmentRecordsDocument,
    variables: { consortiumId: consortiumId ?? '', from: drill?.from ?? '', to: drill?.to ?? '', figure: drill?.figure ?? 'REFERRALS_UP', urgency: drill?.urgency ?? null, hospitalId: drill?.hospitalId ?? null, criterionId: drill?.criterionId ?? null },
    pause: !drill || !consortiumId,
  });
  const rows = data?.assessmentRecords ?? [];
  return (
    <Drawer open={!!drill} onClose={onClose} title={drill?.title} size="large" destroyOnHidden>
      {error && <Alert type="error" title={errorSentence(t, describeError(error))} />}
      <Typography.Paragraph data-testid="records-count">{t('assessment.recordCount', { count: rows.length, from: drill?.from, to: drill?.to })}</Typography.Paragraph>
      <Table<RecordRow> rowKey={(x) => `${x.kind}-${x.id}`} size="small" loading={fetching} dataSource={rows} pagination={{ pageSize: 20 }} data-testid="records-table"
        columns={[
          { title: '#', dataIndex: 'id' },
          { title: t('assessment.when'), render: (_, x) => dayjs(x.at).format('YYYY-MM-DD HH:mm') },
          { title: t('assessment.from'), dataIndex: 'from' },
          { title: t('assessment.to'), render: (_, x) => x.to ?? '' },
          { title: t('assessment.category'), render: (_, x) => (x.category ? t(`category.${x.category}`, { defaultValue: x.category }) : '') },
          { title: t('assessment.specialty'), render: (_, x) => x.specialty ?? '' },
          { title: t('assessment.state'), render: (_, x) => <Tag>{t(`recordState.${x.state}`, { defaultValue: x.state })}</Tag> },
          { title: t('assessment.waited'), render: (_, x) => (x.waitedSeconds === null || x.waitedSeconds === undefined ? '' : t('escalations.minutes', { count: Math.round(x.waitedSeconds / 60) })) },
        ]} />
    </Drawer>
  );
}
