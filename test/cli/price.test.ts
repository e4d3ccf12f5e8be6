import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { madeto } from './run.ts';

const dir = 'test/fixtures/pricing';
const pricing = `${dir}/pricing.json`;
const request = `${dir}/request.json`;
const desk = `${dir}/desk.model.json`;

function temp(name: string, json: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'madeto-price-')), name);
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
}
const edited = (file: string, edit: (j: any) => void) => {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  return json;
};

describe('madeto price', () => {
  it('prints the priced request as JSON (exit 0)', () => {
    const r = madeto('price', '--pricing', pricing, '--request', request, '--model', desk);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    // the hand-worked totals of test/engine/pricing/quote.test.ts
    expect([result.subtotal, result.tax, result.total]).toEqual([
      '12221.90',
      '2322.16',
      '14544.06',
    ]);
    expect(result.lines[0].waterfall.map((s: { kind: string }) => s.kind)).toContain('contract');
  });

  // [name, args, exit code, stderr pattern]
  const cases: [string, () => string[], number, RegExp][] = [
    ['a missing --request', () => ['--pricing', pricing], 2, /usage: madeto price/],
    [
      'an unknown option',
      () => ['--pricing', pricing, '--request', request, '--fast'],
      2,
      /unknown option --fast/,
    ],
    [
      'an unreadable file',
      () => ['--pricing', 'nope.json', '--request', request],
      1,
      /nope\.json: cannot read/,
    ],
    [
      'a bad decimal in the pricing file',
      () => [
        '--pricing',
        temp(
          'p.json',
          edited(pricing, (j) => (j.priceBooks[0].products.DESK.list = '12,50')),
        ),
        '--request',
        request,
      ],
      1,
      /p\.json: The pricing file is invalid[\s\S]*\$\.priceBooks\[0\]\.products\.DESK\.list: expected a decimal string/,
    ],
    [
      'an unknown value in the request',
      () => [
        '--pricing',
        pricing,
        '--request',
        temp(
          'r.json',
          edited(request, (j) => (j.lines[0].selection.frame = 'wood')),
        ),
        '--model',
        desk,
      ],
      1,
      /r\.json: The price request is invalid[\s\S]*\$\.lines\[0\]\.selection\.frame: 'wood' is not a value of 'frame'/,
    ],
  ];
  it.each(cases)('%s', (_name, args, code, stderr) => {
    const r = madeto('price', ...args());
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(stderr);
    expect(r.stdout).toBe('');
  });
});

describe('madeto lint --pricing', () => {
  it('reports unpriced options as warnings with the pricing file', () => {
    const r = madeto('lint', desk, '--pricing', pricing);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'warning',
          code: 'unpriced-option',
          file: pricing,
          path: '$.priceBooks[0].adjustments',
        }),
      ]),
    );
  });
  it('reports a broken pricing file as pricing-schema errors (exit 1)', () => {
    const file = temp(
      'p.json',
      edited(pricing, (j) => (j.discountSchedules[0].tiers[1].from = 8)),
    );
    const r = madeto('lint', desk, '--pricing', file);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'error',
          code: 'pricing-schema',
          path: '$.discountSchedules[0].tiers[1].from',
        }),
      ]),
    );
  });
});
