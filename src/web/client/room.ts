import { HubApi } from './api';
import { currentLang, Key, t, translatePage } from './i18n';
import { RemoteParticipant, RoomPerson, RoomSession } from './room-session';

/**
 * The consult-room page: sign in (once: a reload keeps the session), enter a consultation's
 * room, see each other participant in a tile of their own, yourself only in the self-view.
 */
const api = new HubApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let session: RoomSession | null = null;
let stopRendering: (() => void) | null = null;

function show(section: 'sign-in' | 'pick' | 'room') {
  for (const s of ['sign-in', 'pick', 'room']) $(s).hidden = s !== section;
}

function error(message: string) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

const tr = (key: string) => t(key as Key);
const describe = (p: RoomPerson) => [p.name, tr(p.role), p.title ? tr(p.title) : null, p.hospitalName].filter(Boolean).join(' · ');

/** One tile per other participant, kept across renders so playing videos are not restarted. */
const tiles = new Map<string, { figure: HTMLElement; video: HTMLVideoElement; caption: HTMLElement; overlay: HTMLElement }>();

function tileOf(personId: string) {
  let tile = tiles.get(personId);
  if (!tile) {
    const figure = document.createElement('figure');
    figure.className = 'remote';
    figure.dataset.person = personId;
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    const overlay = document.createElement('p');
    overlay.className = 'no-video';
    const caption = document.createElement('figcaption');
    figure.append(video, overlay, caption);
    $('remote-tiles').append(figure);
    tile = { figure, video, caption, overlay };
    tiles.set(personId, tile);
  }
  return tile;
}

function showRemote(p: RemoteParticipant) {
  const tile = tileOf(p.personId);
  tile.caption.textContent = describe(p);
  tile.figure.dataset.hasVideo = String(Boolean(p.video));
  tile.overlay.textContent = p.video ? '' : tr(p.audio ? 'remoteNoVideo' : 'remoteNoMedia');
  tile.overlay.hidden = Boolean(p.video);
  const wanted = [p.video, p.audio].filter((x): x is MediaStreamTrack => Boolean(x));
  const current = (tile.video.srcObject as MediaStream | null)?.getTracks() ?? [];
  if (wanted.length !== current.length || wanted.some((track) => !current.includes(track))) {
    // Only the other person's tracks: their voice plays here, never our own.
    tile.video.srcObject = wanted.length ? new MediaStream(wanted) : null;
    tile.video.play().catch(() => {
      // The browser refuses sound before a click (e.g. after a reload): play muted, offer a button.
      tile.video.muted = true;
      void tile.video.play().catch(() => {});
      $('unmute').hidden = false;
    });
  }
}

function render() {
  if (!session) return;
  const s = session.snapshot();
  const remote = new Set(s.remote.map((p) => p.personId));
  for (const [id, tile] of tiles) {
    if (!remote.has(id)) {
      tile.video.srcObject = null;
      tile.figure.remove();
      tiles.delete(id);
    }
  }
  s.remote.forEach(showRemote);
  $('waiting').hidden = s.remote.length > 0;
  const local = $<HTMLVideoElement>('local');
  const localVideo = s.local?.getVideoTracks() ?? [];
  // The self-view shows our camera only: our own microphone is never played back to us.
  if (localVideo.length && (local.srcObject as MediaStream | null)?.getVideoTracks()[0] !== localVideo[0]) local.srcObject = new MediaStream(localVideo);
  $('local-notice').textContent = localVideo.length ? '' : tr('selfNoVideo');
  $('notice').hidden = !s.notice;
  $('notice').textContent = s.notice ? tr(s.notice) : '';
  $('notice').dataset.notice = s.notice ?? '';
  const status = s.status === 'connected' ? null : s.status;
  $('status').textContent = status ? tr(status) : '';
  $('status').dataset.state = status ?? 'ok';
  if (s.me) $('who').textContent = describe(s.me);
}

async function enter(consultationId: string, myPersonId: string) {
  error('');
  session = new RoomSession(api, consultationId, myPersonId);
  (window as any).roomSession = session; // for the browser tests and for support staff in devtools
  stopRendering = session.onChange(render);
  try {
    show('room');
    await session.start();
    history.replaceState(null, '', `?consultation=${encodeURIComponent(consultationId)}`);
  } catch (e) {
    error(`${t('refused')}: ${(e as Error).message}`);
    show('pick');
    await session.leave();
    stopRendering();
    session = null;
  }
}

addEventListener('pagehide', () => session?.leaveAsPageHides());

async function refreshLink() {
  if (!session) return;
  try {
    const rows = await session.linkQuality();
    const me = session.myPersonId;
    $('link').innerHTML = '';
    for (const r of rows) {
      const li = document.createElement('li');
      li.dataset.rating = r.rating;
      li.dataset.person = r.personId;
      li.textContent = `${session.nameOf(r.personId)}${r.personId === me ? ` (${t('me')})` : ''}: ${t(r.rating)} · ${t('uplink')} ${(r.sendBitrate / 1000).toFixed(0)} kb/s · ${t('downlink')} ${(r.recvBitrate / 1000).toFixed(0)} kb/s · ${t('loss')} ${(Math.max(r.uplinkLoss, r.downlinkLoss) * 100).toFixed(1)}% · ${t('rtt')} ${r.rttMs == null ? '–' : `${Math.round(r.rttMs)} ms`}`;
      $('link').append(li);
    }
    const mine = rows.find((r) => r.personId === me);
    if (mine) $('advice').textContent = t(`advice${mine.rating}` as Key);
    $('frames').textContent = String(await session.framesDecoded());
  } catch {
    /* the next tick tries again */
  }
}

/** Signed in (now, or still from before a reload): straight into the room the link names. */
async function signedIn() {
  const { me } = await api.request('{ me { id name } }');
  $('who').textContent = me.name;
  show('pick');
  const fromUrl = new URLSearchParams(location.search).get('consultation');
  if (fromUrl) await enter(fromUrl, String(me.id));
  return String(me.id);
}

let myId: string | null = null;

function init() {
  translatePage();
  $('lang').addEventListener('click', () => {
    localStorage.setItem('lang', currentLang() === 'zh' ? 'en' : 'zh');
    translatePage();
    render();
  });
  $('sign-in-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.signIn($<HTMLInputElement>('username').value, $<HTMLInputElement>('password').value);
      myId = await signedIn();
    } catch (err) {
      error((err as Error).message);
    }
  });
  $('pick-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (myId) void enter($<HTMLInputElement>('consultation-id').value.trim(), myId);
  });
  $('leave').addEventListener('click', async () => {
    await session?.leave();
    stopRendering?.();
    session = null;
    for (const tile of tiles.values()) tile.figure.remove();
    tiles.clear();
    show('pick');
  });
  $('unmute').addEventListener('click', () => {
    for (const tile of tiles.values()) tile.video.muted = false;
    $('unmute').hidden = true;
  });
  $<HTMLInputElement>('low-bandwidth').addEventListener('change', (e) => void session?.setLinkMode({ lowBandwidth: (e.target as HTMLInputElement).checked }));
  $<HTMLInputElement>('audio-only').addEventListener('change', (e) => void session?.setLinkMode({ audioOnly: (e.target as HTMLInputElement).checked }));
  setInterval(refreshLink, 2000);
  if (!api.signedIn) {
    show('sign-in');
    return;
  }
  signedIn().then((id) => { myId = id; }, () => {
    // The saved session expired: sign in again.
    api.signOut();
    show('sign-in');
  });
}

init();
