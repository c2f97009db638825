/** The page speaks Chinese or English; the choice is remembered per browser. */
const strings = {
  zh: {
    title: '远程会诊视频', signIn: '登录', username: '用户名', password: '密码', consultation: '会诊编号', join: '进入会诊室',
    leave: '离开', you: '本地画面', remote: '对方画面', waiting: '等待对方加入…', lowBandwidth: '低带宽模式', audioOnly: '仅语音',
    link: '网络质量', GOOD: '良好', POOR: '较差', BAD: '很差', uplink: '上行', downlink: '下行', loss: '丢包', rtt: '往返时延',
    reconnecting: '媒体服务器切换中，正在重新连接…', closed: '会诊室已关闭', refused: '无法进入', language: 'English',
    adviceGOOD: '网络良好', advicePOOR: '网络较差：建议开启低带宽模式', adviceBAD: '网络很差：建议切换为仅语音',
    connecting: '正在连接…', me: '我', left: '您已离开会诊室', unmute: '点击开启对方声音',
    noCamera: '未找到摄像头：您以仅语音方式加入，对方能听到您但看不到您',
    noMicrophone: '未找到麦克风：您以仅视频方式加入，对方能看到您但听不到您',
    noDevices: '未找到摄像头和麦克风：您只能看和听，对方看不到也听不到您',
    selfNoVideo: '（无摄像头）', remoteNoVideo: '仅语音', remoteNoMedia: '未发送音视频',
    REQUESTING_DOCTOR: '申请医生', SPECIALIST: '会诊专家', INVITED: '受邀参与',
    CHIEF: '主任医师', ASSOCIATE_CHIEF: '副主任医师', ATTENDING: '主治医师', RESIDENT: '住院医师',
  },
  en: {
    title: 'Consultation video', signIn: 'Sign in', username: 'Username', password: 'Password', consultation: 'Consultation ID', join: 'Enter the room',
    leave: 'Leave', you: 'You', remote: 'Remote', waiting: 'Waiting for the other side…', lowBandwidth: 'Low bandwidth', audioOnly: 'Audio only',
    link: 'Link quality', GOOD: 'good', POOR: 'poor', BAD: 'bad', uplink: 'up', downlink: 'down', loss: 'loss', rtt: 'RTT',
    reconnecting: 'The media server moved the room; reconnecting…', closed: 'The room was closed', refused: 'Cannot enter', language: '中文',
    adviceGOOD: 'The link is good', advicePOOR: 'The link is poor: try low-bandwidth mode', adviceBAD: 'The link is very poor: switch to audio only',
    connecting: 'Connecting…', me: 'me', left: 'You left the room', unmute: 'Click to hear the other side',
    noCamera: 'No camera found: you joined with audio only; the others hear you but cannot see you',
    noMicrophone: 'No microphone found: you joined with video only; the others see you but cannot hear you',
    noDevices: 'No camera or microphone found: you can watch and listen, the others neither see nor hear you',
    selfNoVideo: '(no camera)', remoteNoVideo: 'Audio only', remoteNoMedia: 'Sends neither sound nor picture',
    REQUESTING_DOCTOR: 'Requesting doctor', SPECIALIST: 'Specialist', INVITED: 'Invited',
    CHIEF: 'Chief physician', ASSOCIATE_CHIEF: 'Associate chief physician', ATTENDING: 'Attending physician', RESIDENT: 'Resident',
  },
};

export type Lang = keyof typeof strings;
export type Key = keyof (typeof strings)['zh'];

export function currentLang(): Lang {
  const saved = localStorage.getItem('lang');
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.startsWith('zh') ? 'zh' : 'en';
}

export function t(key: Key, lang: Lang = currentLang()): string {
  return strings[lang][key];
}

/** Fills every element with data-i18n="key" in the current language. */
export function translatePage(lang: Lang = currentLang()): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as Key, lang);
  });
}
