/**
 * Builds the tab into dist/tab, which the server serves under /tab/ (the
 * manifest's tab URLs point there). Paths are resolved from this file so
 * the build works from any working directory.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: here,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    // Teams' desktop and web clients run current Chromium/Edge/Safari.
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Names the lazily loaded teams-js chunk for what it is (it would be "src-<hash>.js").
        advancedChunks: { groups: [{ name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js/ }] },
      },
    },
  },
  server: {
    // The tab imports the bot's locale resolver (one rule for both sides); nothing else of the bot is served.
    fs: { allow: [here, `${repoRoot}bot/src/i18n`, `${repoRoot}node_modules`] },
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
