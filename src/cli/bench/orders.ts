import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  promise,
  parseSnapshot,
  parseModel,
  buildOrderPayload,
  parsePricing,
  price,
} from '../../engine/index.ts';
import { startServer } from './serveChild.ts';
import type { BenchContext, BenchFigure } from './suites.ts';

const TOKEN = 'bench-rep-token-0123456789';

/** Distinct desk orders priced for today (the catalogue's desk, varied quantities and tops). */
function payloads(root: string, count: number, runId: string): string[] {
  const dir = join(root, 'public/catalogue');
  const read = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const models = ['desk', 'bike', 'sofa'].map((m) => parseModel(read(`${m}.json`)));
  const pricing = parsePricing(read('pricing.json'), models);
  const snapshot = parseSnapshot(read('availability.json'), models);
  const request = read('requests/price-acme-desks.json') as {
    lines: { selection: Record<string, never> }[];
  };
  const selections = [request.lines[0]!.selection, request.lines[1]!.selection];
  const createdAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const variants = new Map<string, Omit<ReturnType<typeof buildOrderPayload>, 'idempotencyKey'>>();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const quantity = 1 + (i % 12);
    const s = i % 2;
    const id = `${quantity}/${s}`;
    let base = variants.get(id);
    if (!base) {
      const lines = [{ lineId: 'L1', productId: 'DESK', quantity, selection: selections[s]! }];
      const ctx = { date: createdAt.slice(0, 10), currency: 'EUR' };
      base = buildOrderPayload({
        kind: 'order',
        idempotencyKey: 'placeholder',
        createdAt,
        model: models[0]!,
        models,
        pricing: ctx,
        lines,
        price: price({ ...ctx, lines }, { pricing, models }),
        promise: promise(
          {
            now: createdAt,
            lines,
            options: { atpCurve: false, suggestions: false, confidence: false },
          },
          { snapshot, models },
        ),
        customer: { name: 'Bench Buyer', email: 'bench@example.com' },
      });
      variants.set(id, base);
    }
    out.push(JSON.stringify({ ...base, idempotencyKey: `bench-${runId}-${i}` }));
  }
  return out;
}

function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The `orders` suite: verified orders per second and latency of `POST /api/orders` against a real
 * `madeto serve` child process (SQLite, WAL, synchronous FULL) with concurrent keep-alive clients
 * on loopback. Bounded: at most `count` orders or `seconds` seconds. Every order is distinct (its
 * own idempotency key) and fully verified (selection, BOM, routing, price) before it is stored.
 * Targets (orders issue): ≥ 500 verified orders/s, p99 ≤ 50 ms.
 *
 * @example
 * await runOrdersSuite({ root: process.cwd(), benchmarks: undefined, log: console.error })
 */
export async function runOrdersSuite(
  context: BenchContext,
  options: { count?: number; seconds?: number; clients?: number } = {},
): Promise<BenchFigure[]> {
  const count = options.count ?? 6000;
  const seconds = options.seconds ?? 20;
  const clients = options.clients ?? 8;
  const dir = mkdtempSync(join(tmpdir(), 'madeto-bench-'));
  const server = await startServer(context.root, join(dir, 'bench.sqlite'), {
    MADETO_REP_TOKEN: TOKEN,
  });
  try {
    const url = new URL('/api/orders', server.url);
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const warm = payloads(context.root, 300, 'warm');
    for (let i = 0; i < warm.length; i += clients)
      await Promise.all(warm.slice(i, i + clients).map((b) => post(agent, url, b)));
    const bodies = payloads(context.root, count, String(process.pid));
    context.log(`bench orders: ${count} orders, ${clients} clients, ≤ ${seconds} s`);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const cpu0 = server.cpuMs();
    const t0 = performance.now();
    const deadline = t0 + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < bodies.length && performance.now() < deadline) {
          const body = bodies[next++]!;
          const start = performance.now();
          const status = await post(agent, url, body);
          latencies.push(performance.now() - start);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    const cpu1 = server.cpuMs();
    const cpuPerOrder =
      cpu0 !== undefined && cpu1 !== undefined && latencies.length > 0
        ? (cpu1 - cpu0) / latencies.length
        : undefined;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const created = statuses.get(201) ?? 0;
    const rate = Math.round(created / elapsed);
    const answers = [...statuses].map(([s, n]) => `${n}×${s}`).join(', ');
    return [
      {
        name: 'orders: verified orders stored per second',
        unit: 'orders/s',
        value: rate,
        target: '≥ 500 orders/s',
        meets: rate >= 500 && created === latencies.length,
        note: `${created} orders in ${r2(elapsed)} s, ${clients} clients on loopback; answers ${answers}`,
      },
      {
        name: 'orders: POST /api/orders latency',
        unit: 'ms',
        median: r2(at(0.5)),
        p95: r2(at(0.95)),
        runs: latencies.length,
      },
      ...(cpuPerOrder === undefined
        ? []
        : [
            {
              name: 'orders: server CPU per verified order',
              unit: 'ms',
              value: r2(cpuPerOrder),
              note: `≈ ${Math.round(1000 / cpuPerOrder)} orders/s per fully used core (independent of other load on the machine)`,
            },
          ]),
      {
        name: 'orders: POST /api/orders p99 latency',
        unit: 'ms',
        value: r2(at(0.99)),
        target: '≤ 50 ms',
        meets: at(0.99) <= 50,
        note: `max ${r2(at(1))} ms`,
      },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
