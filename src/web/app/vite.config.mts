import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const appRoot = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(appRoot, '../../..');

/**
 * The browser app: built into dist/web (index.html + hashed assets/), served by the hub at `/`.
 * NOTE: node_modules is a link shared by several worktrees, so vite's cache lives in this
 * worktree (.vite-cache, git-ignored) rather than in node_modules/.vite.
 */
export default defineConfig({
  root: appRoot,
  base: '/',
  cacheDir: resolve(repoRoot, '.vite-cache'),
  plugins: [react()],
  build: {
    outDir: resolve(repoRoot, 'dist/web'),
    // The consult-room page (src/web/client, esbuild) is built into the same folder.
    emptyOutDir: false,
    assetsDir: 'assets',
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // React in one long-cached chunk; Ant Design's components go with the screens that use
        // them (one antd chunk made the sign-in screen load all of antd: 360 kB gzipped).
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 }],
        },
      },
    },
  },
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true }, '/attachments': 'http://127.0.0.1:4000' } },
});
