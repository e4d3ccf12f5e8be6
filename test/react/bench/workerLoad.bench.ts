// Worker-load benchmark (issue 17: BR4CP big loads in a worker in ≤ 1 s): the time from
// createWorkerClient(model, undefined, url) to a ready engine on BR4CP big's binary compiled file
// (.bin.gz), in real Chromium. Run: npx tsx test/react/bench/workerLoad.bench.ts [runs]
// Imports and compiles the model from ../shared/benchmarks at run time (never copied; skipped with
// a message when absent), builds test/react/bench/workerLoad.html with Vite, serves it with
// `vite preview` and the two files from memory, and prints each run and the median.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview, type Plugin } from 'vite';
import { launchChromium } from '../../chromium.ts';
import { importXcsp } from '../../../src/engine/import/xcsp.ts';
import {
  compile,
  encodeCompiled,
  parseModel,
  serializeCompiled,
} from '../../../src/engine/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const benchmarks = process.env['MADETO_BENCHMARKS'] ?? join(root, '..', 'shared', 'benchmarks');
const runs = Number(process.argv[2] ?? '3');
const xml = join(benchmarks, 'renault-br4cp', 'big', 'contraintes.xml');
if (!existsSync(xml)) {
  console.error(`skipped: ${xml} is absent`);
  process.exit(0);
}

const modelText = JSON.stringify(importXcsp(readFileSync(xml, 'utf8'), { name: 'BR4CP big' }));
const compiled = compile(parseModel(JSON.parse(modelText) as unknown));
const binary = gzipSync(encodeCompiled(serializeCompiled(compiled)));
console.log(
  `BR4CP big: model ${(modelText.length / 1e6).toFixed(1)} MB, compiled .bin.gz ${(binary.length / 1e6).toFixed(2)} MB, ${compiled.nodes.length} nodes`,
);

function benchRoutes(): Plugin {
  return {
    name: 'madeto-worker-load-routes',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/__bench/big.json') {
          res.setHeader('content-type', 'application/json');
          return res.end(modelText);
        }
        if (path === '/__bench/big.compiled.bin.gz') {
          res.setHeader('content-type', 'application/octet-stream');
          return res.end(binary);
        }
        next();
      });
    },
  };
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
    rollupOptions: { input: join(root, 'test/react/bench/workerLoad.html') },
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
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error(e.message));
  await tab.goto(
    `http://localhost:${port}/test/react/bench/workerLoad.html?model=/__bench/big.json&compiled=/__bench/big.compiled.bin.gz`,
  );
  await tab.waitForFunction(() => '__madetoWorkerLoad' in window);
  const result = await tab.evaluate(
    (n) =>
      (
        window as never as {
          __madetoWorkerLoad: (n: number) => Promise<{
            fetch: number;
            parse: number;
            loads: { ready: number; firstDomains: number }[];
          }>;
        }
      ).__madetoWorkerLoad(n),
    runs,
  );
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`page: model fetch ${ms(result.fetch)}, parse ${ms(result.parse)}`);
  for (const [i, l] of result.loads.entries())
    console.log(`run ${i + 1}: worker ready ${ms(l.ready)}, first domains ${ms(l.firstDomains)}`);
  const ready = result.loads.map((l) => l.ready).sort((a, b) => a - b);
  console.log(
    `BENCH ${JSON.stringify({ bench: 'worker-load', model: 'br4cp-big', runs: ready.length, readyMedian: ready[Math.floor((ready.length - 1) / 2)], readyMin: ready[0], readyMax: ready[ready.length - 1] })}`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
