// Widget benchmark: click → updated screen in real Chromium, on the largest sample models.
// Run: npx tsx test/react/bench/widgetClick.bench.ts [clicks] [model name filter]
// Builds the bench page (test/react/bench/index.html) for production with Vite, serves it with
// `vite preview`, opens /usr/bin/chromium (CHROMIUM_PATH) with playwright, and prints median / p95
// per model and engine mode. BR4CP models are imported from
// ../shared/benchmarks at run time (never copied); skipped with a message when absent.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type Plugin } from 'vite';
import { launchChromium } from '../../chromium.ts';
import { importXcsp } from '../../../src/engine/import/xcsp.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const benchmarks = process.env['MADETO_BENCHMARKS'] ?? join(root, '..', 'shared', 'benchmarks');
const clicks = Number(process.argv[2] ?? '200');
const only = process.argv[3] ?? '';

const models = new Map<string, string>([
  ['sofa', readFileSync(join(root, 'public', 'catalogue', 'sofa.json'), 'utf8')],
]);
for (const size of ['small', 'medium']) {
  const file = join(benchmarks, 'renault-br4cp', size, 'contraintes.xml');
  if (existsSync(file))
    models.set(
      `br4cp-${size}`,
      JSON.stringify(importXcsp(readFileSync(file, 'utf8'), { name: `BR4CP ${size}` })),
    );
  else console.error(`skipped br4cp-${size}: ${file} is absent`);
}

function benchRoutes(): Plugin {
  return {
    name: 'madeto-bench-routes',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const model = /^\/__bench\/models\/(.+)\.json$/.exec(url.pathname)?.[1];
        if (model && models.has(model)) {
          res.setHeader('content-type', 'application/json');
          return res.end(models.get(model));
        }
        next();
      });
    },
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

const outDir = mkdtempSync(join(tmpdir(), 'madeto-bench-'));
await build({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'error',
  base: '/',
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: { input: join(root, 'test/react/bench/index.html') },
  },
});
const server = await preview({
  root,
  configFile: join(root, 'vite.config.ts'),
  plugins: [benchRoutes()],
  build: { outDir },
  preview: { port: 0, strictPort: false },
  logLevel: 'error',
});
const address = server.httpServer.address();
const port = typeof address === 'object' && address ? address.port : 4173;
const browser = await launchChromium();
try {
  console.log(`click → updated screen, ${clicks} seeded random clicks on available values`);
  console.log('model          engine        clicks  dom p50  dom p95  frame p50  frame p95 (ms)');
  for (const name of [...models.keys()].filter((n) => n.includes(only))) {
    for (const [mode, threshold] of [
      ['same-thread', 100000],
      ['worker', 0],
    ] as const) {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      tab.on('pageerror', (e) => console.error(`${name}: ${e.message}`));
      await tab.goto(
        `http://localhost:${port}/test/react/bench/index.html?model=/__bench/models/${name}.json&threshold=${threshold}`,
      );
      await tab.waitForSelector('.madeto-layout', { timeout: 120_000 });
      // Warm-up, then the measured run.
      await tab.evaluate(() =>
        (
          window as never as { __madetoBench: (n: number, s: number) => Promise<unknown> }
        ).__madetoBench(10, 1),
      );
      const timings = await tab.evaluate(
        (n) =>
          (
            window as never as {
              __madetoBench: (n: number, s: number) => Promise<{ dom: number; frame: number }[]>;
            }
          ).__madetoBench(n, 42),
        clicks,
      );
      const dom = timings.map((t) => t.dom).sort((a, b) => a - b);
      const frame = timings.map((t) => t.frame).sort((a, b) => a - b);
      const f = (x: number) => x.toFixed(1).padStart(8);
      console.log(
        `${name.padEnd(14)} ${mode.padEnd(12)} ${String(timings.length).padStart(7)} ${f(quantile(dom, 0.5))} ${f(quantile(dom, 0.95))} ${f(quantile(frame, 0.5))}  ${f(quantile(frame, 0.95))}`,
      );
      console.log(
        `BENCH ${JSON.stringify({ bench: 'widget-click', model: name, engine: mode, clicks: timings.length, domP50: quantile(dom, 0.5), domP95: quantile(dom, 0.95), frameP50: quantile(frame, 0.5), frameP95: quantile(frame, 0.95) })}`,
      );
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
