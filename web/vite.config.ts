/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { devBackend, devProxy } from './vite-dev-backend.ts';

/** The service's Content-Security-Policy: `vite preview` serves the build under it, as the jar will. */
export const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export default defineConfig({
  base: '/',
  plugins: [devBackend()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // The service's CSP has no 'unsafe-eval' and no inline scripts: keep the module preload
    // polyfill out (it is an inline-free module anyway) and never inline assets as scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { port: 5173, strictPort: false, proxy: devProxy() },
  preview: { port: 4173, proxy: devProxy(), headers: { 'Content-Security-Policy': PRODUCTION_CSP } },
  // `npm test` runs the unit tests; with CASELINK_LIVE_URL set (WebAppBrowserTests does), it runs
  // only the live test, every read against that running service, instead: nothing is skipped.
  test: {
    environment: 'node',
    include: process.env.CASELINK_LIVE_URL ? ['src/api/live.test.ts'] : ['src/**/*.test.ts'],
    exclude: process.env.CASELINK_LIVE_URL ? [] : ['src/api/live.test.ts'],
  },
});
