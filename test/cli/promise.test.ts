import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { madeto } from './run.ts';

const snapshot = 'test/fixtures/snapshots/berlin.json';
const request = 'test/fixtures/leadtime/request.oak.json';
const model = 'test/fixtures/leadtime/desk.model.json';

function temp(name: string, json: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'madeto-promise-')), name);
  writeFileSync(file, JSON.stringify(json));
  return file;
}
const read = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('madeto promise', () => {
  it('prints the promise as JSON', () => {
    const r = madeto('promise', '--snapshot', snapshot, '--request', request, '--model', model);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // 5 oak tops bought from S-OAK-B (15 days + 1 inspection day): usable 18 March; 9.5 h of
    // assembly end 19 March 09:30, 1.75 h of packing 11:15; ship + 1, transit 2 working days.
    expect(out).toMatchObject({
      status: 'ok',
      accepted: { date: '2026-03-02', reason: 'before-cutoff', at: '2026-03-02T10:55' },
      productionEnd: '2026-03-19T11:15',
      shipDate: '2026-03-20',
      deliveryDate: '2026-03-24',
      drivers: [{ kind: 'material', item: 'TOP-OAK', cause: 'purchase' }],
      confidence: { method: 'exact', p50: '2026-03-24', p90: '2026-03-27' },
    });
    // The solver says laminate is valid with steel; aluminium + oak is forbidden, so no frame swap.
    expect(out.suggestions[0]).toEqual({
      type: 'optionSwap',
      change: { top: 'laminate' },
      deliveryDate: '2026-03-20',
      daysSaved: 4,
    });
  });

  it.each([
    {
      name: 'missing options: usage',
      args: ['--snapshot', snapshot],
      code: 2,
      stderr: /needs --snapshot S --request R/,
    },
    {
      name: 'a bad time zone names the file and path',
      args: [
        '--snapshot',
        temp('snap.json', {
          ...read(snapshot),
          plants: {
            BER: {
              ...(read(snapshot).plants as Record<string, object>).BER,
              timeZone: 'Europe/Berlim',
            },
          },
        }),
        '--request',
        request,
        '--model',
        model,
      ],
      code: 1,
      stderr: /snap\.json: .*\$\.plants\.BER\.timeZone: unknown IANA time zone 'Europe\/Berlim'/s,
    },
    {
      name: 'a product without a model',
      args: [
        '--snapshot',
        snapshot,
        '--request',
        temp('req.json', {
          now: '2026-03-02T09:55:00Z',
          lines: [{ lineId: '1', productId: 'SOFA', quantity: 1, selection: {} }],
        }),
        '--model',
        model,
      ],
      code: 1,
      stderr: /\$\.lines\[0\]\.productId: no product model for 'SOFA'/,
    },
  ])('$name', (c) => {
    const r = madeto('promise', ...c.args);
    expect(r.code).toBe(c.code);
    expect(r.stderr).toMatch(c.stderr);
  });

  it('promises the sample catalogue with its pricing', () => {
    const dir = 'public/catalogue';
    const r = madeto(
      'promise',
      '--snapshot',
      `${dir}/availability.json`,
      '--request',
      `${dir}/requests/promise-mixed.json`,
      '--model',
      `${dir}/desk.json`,
      '--model',
      `${dir}/bike.json`,
      '--model',
      `${dir}/sofa.json`,
      '--pricing',
      `${dir}/pricing.json`,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lines.map((l: { status: string }) => l.status)).toEqual(['ok', 'ok', 'ok']);
  });
});

describe('madeto lint --snapshot', () => {
  it("reports the snapshot's own schema problems with their paths", () => {
    const s = read(snapshot);
    const file = temp('snap.json', { ...s, stock: { 'FRAME-ST': { onHand: -3 } } });
    const r = madeto('lint', model, '--snapshot', file);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toMatchObject([
      { severity: 'error', code: 'schema', file, path: '$.stock["FRAME-ST"].onHand' },
    ]);
  });

  it('reports BOM items the snapshot does not know', () => {
    const s = read(snapshot);
    const items = { ...(s.items as Record<string, unknown>) };
    delete items['TOP-WAL'];
    const stock = { ...(s.stock as Record<string, unknown>) };
    delete stock['TOP-WAL'];
    const file = temp('snap.json', { ...s, items, stock });
    const r = madeto('lint', model, '--snapshot', file);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual([
      {
        severity: 'error',
        code: 'unknown-item',
        file: model,
        path: '$.attributes[1].values[2].bom[0].item',
        message: "product 'DESK': BOM item 'TOP-WAL' is not in the snapshot's items",
      },
    ]);
  });
});
