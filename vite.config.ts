/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.ts';

/**
 * The demo page lives in src/demo/ (the top level is fixed); serve it at `/` in development.
 */
function demoIndex(): Plugin {
  return {
    name: 'madeto-demo-index',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/' || req.url?.startsWith('/?') || req.url === '/index.html')
          req.url = '/src/demo/index.html';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), demoIndex()],
  server: { port: 5173, strictPort: false },
  build: { rollupOptions: { input: { demo: 'src/demo/index.html' } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts?(x)'],
          testTimeout: 60_000,
          globalSetup: ['test/buildNode.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts?(x)'],
          testTimeout: 30_000,
          // Vitest's 1 s default for expect.poll/expect.element is shorter than the idle work the
          // widget defers (price deltas, badges) takes while the whole suite loads both cores.
          expect: { poll: { timeout: 5_000 } },
          globalSetup: ['test/buildNode.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
