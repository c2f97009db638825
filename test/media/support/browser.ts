import { build } from 'esbuild';

export { launchChromium } from '../../support/browser';

/** mediasoup-client bundled for the page as `window.mediasoupClient`. */
export async function mediasoupClientBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: "window.mediasoupClient = require('mediasoup-client');", resolveDir: __dirname, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
