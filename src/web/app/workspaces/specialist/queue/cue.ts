/** A short two-tone chime for a new request (Web Audio: no sound file to fetch, nothing for the CSP to allow). */
export function chime(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const audio = new Ctx();
    [880, 1175].forEach((hz, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.15, audio.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.18 + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.18);
      osc.stop(audio.currentTime + i * 0.18 + 0.17);
    });
    setTimeout(() => void audio.close(), 800);
    (window as unknown as { chimes?: number }).chimes = ((window as unknown as { chimes?: number }).chimes ?? 0) + 1;
  } catch {
    /* no audio device: the visible cue remains */
  }
}
