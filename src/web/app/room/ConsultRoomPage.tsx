import { ArrowLeftOutlined, AudioMutedOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { HubApi } from '../../client/api';
import { Key, t as roomText } from '../../client/i18n';
import { RemoteParticipant, RoomPerson, RoomSession, RoomSnapshot } from '../../client/room-session';
import { usePerson } from '../shell/session';

interface LinkRow { personId: string; sendBitrate: number; recvBitrate: number; uplinkLoss: number; downlinkLoss: number; rttMs: number | null; rating: 'GOOD' | 'POOR' | 'BAD' }
const RATING_COLOUR = { GOOD: 'green', POOR: 'gold', BAD: 'red' } as const;

/** The room's own sentences (src/web/client/i18n.ts): one catalogue for the room page and this view. */
function useRoomText() {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  return useCallback((key: string) => roomText(key as Key, lang), [lang]);
}

const describe = (tr: (k: string) => string, p: RoomPerson) => [p.name, tr(p.role), p.title ? tr(p.title) : null, p.hospitalName].filter(Boolean).join(' · ');

/** Another participant's tile: their picture and voice only (never our own), muted until a click if the browser insists. */
function RemoteTile({ p, onBlocked, unmuted }: { p: RemoteParticipant; onBlocked(): void; unmuted: boolean }) {
  const tr = useRoomText();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    const wanted = [p.video, p.audio].filter((x): x is MediaStreamTrack => Boolean(x));
    const current = (el.srcObject as MediaStream | null)?.getTracks() ?? [];
    if (wanted.length === current.length && wanted.every((track) => current.includes(track))) return;
    el.srcObject = wanted.length ? new MediaStream(wanted) : null;
    el.play().catch(() => {
      el.muted = true;
      void el.play().catch(() => {});
      onBlocked();
    });
  }, [p.video, p.audio, onBlocked]);
  useEffect(() => {
    if (unmuted && video.current) video.current.muted = false;
  }, [unmuted]);
  return (
    <figure className="remote" data-person={p.personId} data-has-video={String(Boolean(p.video))} style={{ margin: 0, position: 'relative' }}>
      <video ref={video} autoPlay playsInline style={{ width: '100%', aspectRatio: '16 / 9', background: '#111', borderRadius: 6 }} />
      {!p.video && <p className="no-video" style={{ position: 'absolute', top: '35%', width: '100%', textAlign: 'center', color: '#ddd' }}>{tr(p.audio ? 'remoteNoVideo' : 'remoteNoMedia')}</p>}
      <figcaption style={{ color: '#eef', padding: '4px 0' }}>{describe(tr, p)}</figcaption>
    </figure>
  );
}

/** The self-view: our camera only; our own microphone is never played back to us. */
function SelfView({ local }: { local: MediaStream | null }) {
  const tr = useRoomText();
  const video = useRef<HTMLVideoElement>(null);
  const track = local?.getVideoTracks()[0] ?? null;
  useEffect(() => {
    if (video.current && track && (video.current.srcObject as MediaStream | null)?.getVideoTracks()[0] !== track) video.current.srcObject = new MediaStream([track]);
  }, [track]);
  return (
    <figure className="self" style={{ margin: 0 }}>
      <video id="local" ref={video} autoPlay playsInline muted style={{ width: '100%', aspectRatio: '16 / 9', background: '#111', borderRadius: 6 }} />
      <figcaption>{tr('you')} <span id="local-notice">{track ? '' : tr('selfNoVideo')}</span></figcaption>
    </figure>
  );
}

const IDLE: RoomSnapshot = { status: 'connecting', me: null, remote: [], local: null, notice: null };

/** The room of one visit: the session (mediasoup-client, signalling, heartbeats, recovery) lives in src/web/client/room-session.ts. */
function Room({ session, consultationId }: { session: RoomSession; consultationId: string }) {
  const tr = useRoomText();
  const { t } = useTranslation('room');
  const navigate = useNavigate();
  const subscribe = useCallback((listener: () => void) => session.onChange(listener), [session]);
  const s = useSyncExternalStore(subscribe, () => session.snapshot(), () => IDLE);
  const [link, setLink] = useState<LinkRow[]>([]);
  const [blocked, setBlocked] = useState(false);
  const [unmuted, setUnmuted] = useState(false);
  const onBlocked = useCallback(() => setBlocked(true), []);
  useEffect(() => {
    const timer = setInterval(() => { session.linkQuality().then(setLink, () => {}); }, 2000);
    return () => clearInterval(timer);
  }, [session]);
  const mine = link.find((r) => r.personId === session.myPersonId);
  const status = s.status === 'connected' ? null : s.status;
  // Route-relative: from the workspace's room/:id to the same workspace's consultation page.
  const back = `../consultations/${encodeURIComponent(consultationId)}`;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} id="room">
      <Space wrap>
        <Link to={back} id="back"><ArrowLeftOutlined /> {t('backToConsultation', { id: consultationId })}</Link>
        {s.me && <Typography.Text strong id="who">{describe(tr, s.me)}</Typography.Text>}
        <Typography.Text id="status" role="status" data-state={status ?? 'ok'} type={status === 'reconnecting' ? 'warning' : undefined}>{status ? tr(status) : ''}</Typography.Text>
      </Space>
      {s.notice && <Alert id="notice" type="warning" showIcon data-notice={s.notice} title={tr(s.notice)} />}
      <Row gutter={12}>
        <Col xs={24} lg={18}>
          <div id="remote-tiles" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 12, minHeight: 200, background: '#1b262c', borderRadius: 6, padding: 8 }}>
            {s.remote.length === 0 && <p id="waiting" style={{ color: '#ddd', textAlign: 'center', alignSelf: 'center', gridColumn: '1 / -1' }}>{tr('waiting')}</p>}
            {s.remote.map((p) => <RemoteTile key={p.personId} p={p} onBlocked={onBlocked} unmuted={unmuted} />)}
          </div>
        </Col>
        <Col xs={24} lg={6}><SelfView local={s.local} /></Col>
      </Row>
      {blocked && !unmuted && <Button id="unmute" icon={<AudioMutedOutlined />} onClick={() => setUnmuted(true)}>{tr('unmute')}</Button>}
      <Space size={24} wrap>
        <Checkbox id="low-bandwidth" onChange={(e) => void session.setLinkMode({ lowBandwidth: e.target.checked })}>{tr('lowBandwidth')}</Checkbox>
        <Checkbox id="audio-only" onChange={(e) => void session.setLinkMode({ audioOnly: e.target.checked })}>{tr('audioOnly')}</Checkbox>
        {/* Leaving the page leaves the room (the page's cleanup). */}
        <Button id="leave" danger onClick={() => navigate(back)}>{tr('leave')}</Button>
      </Space>
      <Card size="small" title={tr('link')}>
        <Typography.Paragraph id="advice">{mine ? tr(`advice${mine.rating}`) : ''}</Typography.Paragraph>
        <List id="link" size="small" dataSource={link} renderItem={(r) => (
          <List.Item data-rating={r.rating} data-person={r.personId}>
            {session.nameOf(r.personId)}{r.personId === session.myPersonId ? ` (${tr('me')})` : ''}: <Tag color={RATING_COLOUR[r.rating]}>{tr(r.rating)}</Tag>
            {tr('uplink')} {(r.sendBitrate / 1000).toFixed(0)} kb/s · {tr('downlink')} {(r.recvBitrate / 1000).toFixed(0)} kb/s · {tr('loss')} {(Math.max(r.uplinkLoss, r.downlinkLoss) * 100).toFixed(1)}% · {tr('rtt')} {r.rttMs == null ? '–' : `${Math.round(r.rttMs)} ms`}
          </List.Item>
        )} />
      </Card>
    </Space>
  );
}

/**
 * The consult room inside the app (/doctor/room/:id, /specialist/room/:id; see route.ts): the
 * app's session and shell, the room's own client code. `/room?consultation=<id>` stays the standalone deep link for
 * notifications and other systems. Leaving the page leaves the room.
 */
export default function ConsultRoomPage() {
  const { id } = useParams<{ id: string }>();
  const tr = useRoomText();
  const meId = usePerson().id;
  const [session, setSession] = useState<RoomSession | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    if (!meId || !id) return undefined;
    // NOTE: HubApi reads the app's token from sessionStorage ('token', kept by shell/session.tsx).
    const visit = new RoomSession(new HubApi(), id, meId);
    (window as unknown as { roomSession?: RoomSession }).roomSession = visit; // for the browser tests and support staff
    setSession(visit);
    setRefused(null);
    visit.start().catch((e: Error) => {
      setRefused(`${tr('refused')}: ${e.message}`);
      void visit.leave();
    });
    return () => { void visit.leave(); };
  }, [id, meId]); // eslint-disable-line react-hooks/exhaustive-deps
  if (refused) return <Alert type="error" showIcon id="error" title={refused} />;
  return session ? <Room session={session} consultationId={id!} /> : null;
}
