/**
 * The audible part of an escalation alert: two short tones through Web Audio (no sound file, so
 * nothing to fetch and nothing the CSP must allow). The page counts the tones it actually
 * started in `data-alert-sounds` on <body>, so a test can tell a sound was made.
 */
let context: AudioContext | null = null;

export async function soundAlert(): Promise<boolean> {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') await context.resume();
    if (context.state !== 'running') return false;
    const now = context.currentTime;
    for (const [i, frequency] of [880, 660].entries()) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, now + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.25 + 0.22);
      osc.connect(gain).connect(context.destination);
      osc.start(now + i * 0.25);
      osc.stop(now + i * 0.25 + 0.23);
    }
    document.body.dataset.alertSounds = String(Number(document.body.dataset.alertSounds ?? 0) + 1);
    return true;
  } catch {
    // A browser without audio still shows the alert.
    return false;
  }
}
