import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deskSelection } from '../engine/orders/orderFixture.ts';
import {
  REP_TOKEN,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from '../server/serverProcess.ts';

/** A copy of the sample catalogue the test may edit between server runs. */
function catalogueCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'madeto-catalogue-')), 'catalogue');
  cpSync(new URL('../../public/catalogue/', import.meta.url).pathname, dir, { recursive: true });
  return dir;
}

let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const asRep = { authorization: `Bearer ${REP_TOKEN}`, 'content-type': 'application/json' };
const today = () => new Date().toISOString().slice(0, 10);

describe('a quote reopened after the prices changed', () => {
  it('lists exactly the changed unit price, net amount and totals (before → after)', async () => {
    const db = tempDb();
    const dir = catalogueCopy();
    server = await startServerProcess(db, ['--catalogue', dir]);
    const created = await fetch(`${server.url}/api/quotes`, {
      method: 'POST',
      headers: asRep,
      body: JSON.stringify({
        rep: 'Rita Rep',
        validUntil: '2099-12-31',
        pricing: { date: today(), currency: 'EUR' },
        customer: { name: 'Ana Lima', email: 'ana@example.com' },
        lines: [
          { lineId: 'L1', productId: 'DESK', quantity: 2, selection: deskSelection },
          { lineId: 'L2', productId: 'INSTALL-DESK', quantity: 2 },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const first = (await created.json()) as {
      number: string;
      changes: unknown[];
      quoted: { lines: Record<string, { unit: string }> };
    };
    expect(first.changes).toEqual([]);
    await server.stop();

    const file = join(dir, 'pricing.json');
    const pricing = JSON.parse(readFileSync(file, 'utf8')) as {
      priceBooks: { products: Record<string, { list: string }> }[];
    };
    for (const book of pricing.priceBooks) {
      const desk = book.products['DESK'];
      if (desk) desk.list = (Number(desk.list) + 50).toFixed(2);
    }
    writeFileSync(file, JSON.stringify(pricing));
    server = await startServerProcess(db, ['--catalogue', dir]);
    const reopened = (await (
      await fetch(`${server.url}/api/quotes/${first.number}`, { headers: asRep })
    ).json()) as {
      changes: { kind: string; path: string; before: string; after: string }[];
      price: { lines: { lineId: string; unit: string }[] };
    };
    const paths = reopened.changes.map((c) => `${c.kind} ${c.path}`);
    expect(paths).toEqual([
      'line-price $.lines[0].price.unit',
      'line-price $.lines[0].price.line',
      'total $.totals.subtotal',
      'total $.totals.tax',
      'total $.totals.total',
    ]);
    const unit = reopened.changes[0]!;
    expect(unit.before).toBe(first.quoted.lines['L1']!.unit);
    expect(unit.after).toBe(reopened.price.lines.find((l) => l.lineId === 'L1')!.unit);
    expect(Number(unit.after)).toBeGreaterThan(Number(unit.before));
  }, 60_000);
});
