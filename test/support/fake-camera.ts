import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';

/** Solid colours a test can tell apart in a decoded, VP8-compressed picture. */
export const COLOURS = { red: [230, 20, 20], blue: [20, 20, 230], green: [20, 200, 20] } as const;
export type Colour = keyof typeof COLOURS;

/** A short clip of one solid colour, made by ffmpeg once per machine, for Chromium's fake camera. */
export function colourClip(colour: Colour): string {
  const dir = join(tmpdir(), 'consortium-hub-fake-cameras');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${colour}-320x240.y4m`);
  if (!existsSync(file)) {
    const [r, g, b] = COLOURS[colour];
    const hex = `0x${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const partial = `${file}.${process.pid}.y4m`;
    execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=${hex}:s=320x240:r=15`, '-t', '2', '-pix_fmt', 'yuv420p', partial]);
    execFileSync('mv', [partial, file]);
  }
  return file;
}

/**
 * A Chromium whose fake camera shows one solid colour (each participant a browser of their
 * own), so a test proves from the pixels whose video a page shows. Sound plays without a
 * click, as after a user's click in a real browser.
 */
export function launchWithCamera(colour: Colour): Promise<Browser> {
  return launchChromium([`--use-file-for-fake-video-capture=${colourClip(colour)}`, '--autoplay-policy=no-user-gesture-required']);
}

/** Average colour of the middle of a video element's current frame, or null before it has one. */
export function videoColour(page: Page, selector: string): Promise<[number, number, number] | null> {
  return page.evaluate((sel) => {
    const video = document.querySelector<HTMLVideoElement>(sel);
    if (!video || video.videoWidth === 0 || video.readyState < 2) return null;
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 24;
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(video, 0, 0, 32, 24);
    const { data } = g.getImageData(8, 6, 16, 12);
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += data[i + c];
    const n = data.length / 4;
    return [Math.round(sum[0] / n), Math.round(sum[1] / n), Math.round(sum[2] / n)] as [number, number, number];
  }, selector);
}

/** The named colour a pixel is closest to, or null when it is none of them (e.g. black, grey). */
export function nameColour(rgb: [number, number, number] | null): Colour | null {
  if (!rgb) return null;
  let best: Colour | null = null;
  let bestDistance = 120; // farther than this from every colour: not a match
  for (const [name, ref] of Object.entries(COLOURS) as [Colour, readonly number[]][]) {
    const d = Math.hypot(rgb[0] - ref[0], rgb[1] - ref[1], rgb[2] - ref[2]);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

/** Waits until the video element shows the colour; fails naming what it showed instead. */
export async function waitForColour(page: Page, selector: string, colour: Colour, timeoutMs = 30_000): Promise<[number, number, number]> {
  const deadline = Date.now() + timeoutMs;
  let last: [number, number, number] | null = null;
  for (;;) {
    last = await videoColour(page, selector);
    if (nameColour(last) === colour) return last!;
    if (Date.now() > deadline) throw new Error(`${selector} did not show ${colour} within ${timeoutMs} ms; it showed ${last ? `rgb(${last.join(', ')}) = ${nameColour(last) ?? 'no test colour'}` : 'no picture'}`);
    await page.waitForTimeout(250);
  }
}
