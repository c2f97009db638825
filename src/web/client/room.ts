import { HubApi } from './api';
import { currentLang, t, translatePage } from './i18n';
import { RoomSession } from './room-session';

/** The consult-room page: sign in, enter a consultation's room, see both sides and the link. */
const api = new HubApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let session: RoomSession | null = null;

function show(section: 'sign-in' | 'pick' | 'room') {
  for (const s of ['sign-in', 'pick', 'room']) $(s).hidden = s !== section;
}

function error(message: string) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

const view = {
  showLocal(stream: MediaStream) {
    $<HTMLVideoElement>('local').srcObject = stream;
  },
  addRemoteTrack(personId: string, track: MediaStreamTrack) {
    const video = $<HTMLVideoElement>('remote');
    const stream = (video.srcObject as MediaStream | null) ?? new MediaStream();
    stream.addTrack(track);
    video.srcObject = stream;
    video.dataset.person = personId;
    $('waiting').hidden = true;
  },
  removeRemoteTrack(track: MediaStreamTrack) {
    (($<HTMLVideoElement>('remote').srcObject as MediaStream | null))?.removeTrack(track);
  },
  status(key: 'reconnecting' | 'closed' | null) {
    $('status').textContent = key ? t(key) : '';
    $('status').dataset.state = key ?? 'ok';
  },
};

async function enter(consultationId: string) {
  error('');
  session = new RoomSession(api, consultationId, view);
  (window as any).roomSession = session; // for the browser tests and for support staff in devtools
  try {
    await session.start();
    show('room');
    history.replaceState(null, '', `?consultation=${encodeURIComponent(consultationId)}`);
  } catch (e) {
    error(`${t('refused')}: ${(e as Error).message}`);
    await session.leave();
    session = null;
  }
}

async function refreshLink() {
  if (!session) return;
  try {
    const rows = await session.linkQuality();
    $('link').innerHTML = rows.map((r) => `<li data-rating="${r.rating}">#${r.personId}: ${t(r.rating)} · ${t('uplink')} ${(r.sendBitrate / 1000).toFixed(0)} kb/s · ${t('downlink')} ${(r.recvBitrate / 1000).toFixed(0)} kb/s · ${t('loss')} ${(Math.max(r.uplinkLoss, r.downlinkLoss) * 100).toFixed(1)}% · ${t('rtt')} ${r.rttMs == null ? '–' : `${Math.round(r.rttMs)} ms`}</li>`).join('');
    const mine = rows.find((r) => r.personId === $('room').dataset.me);
    if (mine) $('advice').textContent = t(`advice${mine.rating}` as any);
    $('frames').textContent = String(await session.framesDecoded());
  } catch {
    /* the next tick tries again */
  }
}

function init() {
  translatePage();
  $('lang').addEventListener('click', () => {
    localStorage.setItem('lang', currentLang() === 'zh' ? 'en' : 'zh');
    translatePage();
  });
  $('sign-in-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.signIn($<HTMLInputElement>('username').value, $<HTMLInputElement>('password').value);
      const me = await api.request('{ me { id name } }');
      $('room').dataset.me = me.me.id;
      $('who').textContent = me.me.name;
      show('pick');
      const fromUrl = new URLSearchParams(location.search).get('consultation');
      if (fromUrl) await enter(fromUrl);
    } catch (err) {
      error((err as Error).message);
    }
  });
  $('pick-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void enter($<HTMLInputElement>('consultation-id').value.trim());
  });
  $('leave').addEventListener('click', async () => {
    await session?.leave();
    session = null;
    show('pick');
  });
  $<HTMLInputElement>('low-bandwidth').addEventListener('change', (e) => void session?.setLinkMode({ lowBandwidth: (e.target as HTMLInputElement).checked }));
  $<HTMLInputElement>('audio-only').addEventListener('change', (e) => void session?.setLinkMode({ audioOnly: (e.target as HTMLInputElement).checked }));
  setInterval(refreshLink, 2000);
  show('sign-in');
}

init();
