import { Alert, Button, Card, Descriptions, List, Progress, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { describeError, errorSentence } from '../../../data/errors';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import type { BoardAssignmentFragment, SchedulerJobSummaryQuery } from '../../../gql/graphql';
import { CancelJobDocument, JobProgressDocument, JobSummaryDocument, StartOptimizationDocument } from '../operations';

type Summary = NonNullable<SchedulerJobSummaryQuery['rosterJob']['summary']>;

interface Live {
  jobId: string;
  cursor: string | null;
  state: string;
  phase: string | null;
  percent: number;
  best: number | null;
  bound: number | null;
  gap: number | null;
  objective: Record<(typeof PARTS)[number] | 'total', number> | null;
  error: string | null;
}

const PARTS = ['coverage', 'fairness', 'continuity', 'preference', 'travel'] as const;
const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : v.toFixed(digits));
const keyOf = (a: BoardAssignmentFragment) => `${a.specialist.id}|${a.date}|${a.session}|${a.host.id}`;

interface Props {
  rosterId: string;
  disabled: boolean;
  /** Assignments on the board when the run starts, to say afterwards what moved. */
  before: BoardAssignmentFragment[];
  hostName(id: string): string;
  /** The run ended: redraw the board; resolves with the board's new assignments. */
  onFinished(): Promise<BoardAssignmentFragment[]>;
  onRunning(running: boolean): void;
}

/** Run the optimizer from the board: live progress, score parts, bound and gap; cancel; the result and what changed. */
export function OptimizerPanel({ rosterId, disabled, before, hostName, onFinished, onRunning }: Props) {
  const { t } = useTranslation('scheduler');
  const [, start] = useMutation(StartOptimizationDocument);
  const [, cancel] = useMutation(CancelJobDocument);
  const [live, setLive] = useState<Live | null>(null);
  const [finishedJobId, setFinishedJobId] = useState<string | null>(null);
  // A query, not a one-off read: a language switch reads the hub's sentences (unmet demand) again.
  const [{ data: finished }] = useQuery({ query: JobSummaryDocument, variables: { id: finishedJobId ?? '' }, pause: !finishedJobId, requestPolicy: 'network-only' });
  const summary: Summary | null = (finishedJobId && finished?.rosterJob.id === finishedJobId && finished.rosterJob.summary) || null;
  const [diff, setDiff] = useState<{ added: BoardAssignmentFragment[]; removed: BoardAssignmentFragment[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState<BoardAssignmentFragment[]>([]);

  const running = !!live && (live.state === 'QUEUED' || live.state === 'RUNNING');

  useResumableSubscription(JobProgressDocument, {
    variables: { jobId: live?.jobId ?? '' },
    after: live?.cursor ?? null,
    pause: !live || !running,
    cursorOf: (d) => d.rosterJobProgress.cursor,
    onData: (d) => {
      const p = d.rosterJobProgress;
      setLive((l) => l && {
        ...l, state: p.state, phase: p.phase ?? l.phase, percent: Math.max(l.percent, p.percent), best: p.bestObjective ?? l.best, bound: p.bound ?? l.bound,
        gap: p.gap ?? l.gap, objective: p.objective ?? l.objective, error: p.error ?? null,
      });
      if (p.state === 'SUCCEEDED' || p.state === 'FAILED' || p.state === 'CANCELLED') void finish(p.state);
    },
    onError: (e) => setError(errorSentence(t, e)),
  });

  async function finish(state: string) {
    onRunning(false);
    const after = await onFinished();
    if (state !== 'SUCCEEDED' || !live) return;
    setFinishedJobId(live.jobId);
    const old = new Set(snapshot.map(keyOf));
    const now = new Set(after.map(keyOf));
    setDiff({ added: after.filter((a) => !old.has(keyOf(a))), removed: snapshot.filter((a) => !now.has(keyOf(a))) });
  }

  // The final figures replace the last progress report.
  useEffect(() => {
    if (summary) setLive((l) => l && { ...l, percent: 100, objective: summary.objective, best: summary.objective.total, bound: summary.bound ?? l.bound, gap: summary.gap ?? l.gap });
  }, [summary]);

  async function run() {
    setError(null);
    setFinishedJobId(null);
    setDiff(null);
    setSnapshot(before);
    const r = await start({ input: { rosterId, seed: 1, timeLimitSeconds: 30 } });
    if (r.error || !r.data) {
      setError(errorSentence(t, describeError(r.error)));
      return;
    }
    const job = r.data.startRosterOptimization;
    onRunning(true);
    setLive({ jobId: job.id, cursor: job.cursor ?? null, state: job.state, phase: null, percent: 0, best: null, bound: null, gap: null, objective: null, error: null });
  }

  async function stop() {
    if (!live) return;
    const r = await cancel({ id: live.jobId });
    if (r.error) setError(errorSentence(t, describeError(r.error)));
  }

  return (
    <Card size="small" className="no-print" title={t('optimizer.title')} data-testid="optimizer-panel"
      extra={running
        ? <Button danger onClick={stop} data-testid="optimizer-cancel">{t('optimizer.cancel')}</Button>
        : <Button type="primary" onClick={run} disabled={disabled} data-testid="optimizer-run">{t('optimizer.run')}</Button>}>
      {error && <Alert type="error" showIcon title={error} />}
      {!live && <Typography.Text type="secondary">{t('optimizer.hint')}</Typography.Text>}
      {live && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Progress percent={Math.round(live.percent)} status={live.state === 'FAILED' || live.state === 'CANCELLED' ? 'exception' : live.state === 'SUCCEEDED' ? 'success' : 'active'} data-testid="optimizer-progress" data-percent={Math.round(live.percent)} />
          <Space wrap size="large">
            <Tag data-testid="optimizer-state">{t(`jobState.${live.state}`)}</Tag>
            {live.phase && <span>{t('optimizer.phase')}: {t(`phase.${live.phase}`, { defaultValue: live.phase })}</span>}
            <Statistic title={t('optimizer.best')} value={fmt(live.best)} data-testid="optimizer-best" />
            <Statistic title={t('optimizer.bound')} value={fmt(live.bound)} data-testid="optimizer-bound" />
            <Statistic title={t('optimizer.gap')} value={live.gap === null ? '—' : `${(live.gap * 100).toFixed(2)}%`} data-testid="optimizer-gap" />
          </Space>
          {live.objective && (
            <Descriptions size="small" column={5} layout="vertical" bordered data-testid="optimizer-score">
              {PARTS.map((p) => <Descriptions.Item key={p} label={t(`score.${p}`)}>{fmt(live.objective![p])}</Descriptions.Item>)}
            </Descriptions>
          )}
          {live.error && live.state !== 'SUCCEEDED' && <Alert type={live.state === 'CANCELLED' ? 'warning' : 'error'} showIcon title={live.state === 'CANCELLED' ? t('optimizer.cancelled') : live.error} />}
          {summary && (
            <>
              <Typography.Text data-testid="optimizer-result">
                {t('optimizer.result', { assigned: summary.expertDaysAssigned, demanded: summary.expertDaysDemanded, percent: fmt(summary.coveragePercent), pinned: summary.pinnedKept, status: t(`optimizer.status.${summary.status}`, { defaultValue: summary.status }) })}
              </Typography.Text>
              {summary.unmet.length > 0 && (
                <List size="small" header={<b>{t('optimizer.unmet')}</b>} data-testid="optimizer-unmet" dataSource={summary.unmet}
                  renderItem={(u) => (
                    <List.Item>
                      <Space orientation="vertical" size={0}>
                        <span><Tag color="orange">{t(`unmetReason.${u.reason}`, { defaultValue: u.reason })}</Tag>{t('optimizer.unmetLine', { host: hostName(u.hostId), count: u.missingDays })}</span>
                        {/* NOTE: the sentence meant for the scheduler is the hub's, in the language the request asked for (Accept-Language); shown as it comes. */}
                        <Typography.Text type="secondary" data-testid="unmet-detail">{u.detail}</Typography.Text>
                      </Space>
                    </List.Item>
                  )} />
              )}
              {diff && (
                <Typography.Text data-testid="optimizer-diff">
                  {t('optimizer.diff', { added: diff.added.length, removed: diff.removed.length })}
                </Typography.Text>
              )}
              {diff && diff.added.length + diff.removed.length > 0 && (
                <List size="small" bordered dataSource={[...diff.removed.map((a) => ({ a, sign: '−' })), ...diff.added.map((a) => ({ a, sign: '+' }))].slice(0, 30)}
                  renderItem={({ a, sign }) => <List.Item>{sign} {a.date} {t(`session.${a.session}`)} · {a.specialist.name} → {a.host.name}</List.Item>} />
              )}
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
