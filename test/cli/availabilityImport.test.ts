import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { availabilityCsv, parseCsv } from '../../src/cli/availabilityCsv.ts';
import { openDb } from '../../src/server/db/createDb.ts';
import { AvailabilityStore } from '../../src/server/db/availabilityStore.ts';
import { models } from '../engine/orders/orderFixture.ts';
import { tempDb } from '../server/serverProcess.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'madeto-csv-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const importCsv = (db: string, stock: string, pos: string) => {
  const r = spawnSync(
    process.execPath,
    ['bin/madeto.js', 'availability', 'import', stock, pos, '--db', db],
    { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, timeout: 60_000 },
  );
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

describe('CSV reading', () => {
  it('quotes, commas, CRLF, a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFitem,onHand\r\n"TOP, ""oak""",3\r\n\r\n,\n', 'stock.csv')).toEqual({
      rows: [
        ['item', 'onHand'],
        ['TOP, "oak"', '3'],
      ],
      issues: [],
    });
    expect(parseCsv('item,onHand\nA,1\n"B,2\n', 'stock.csv').issues).toEqual([
      { file: 'stock.csv', row: 3, column: '-', message: 'a quoted field is never closed' },
    ]);
  });

  it.each([
    {
      name: 'bad cells, each by file, row and column',
      stock: 'item,onHand,reserved\nA,1\n,2\nB,-1\nC,"1,000"\nA,3\nD,1,x\n',
      pos: 'id,item,qty,expected,received\nPO-1,A,5,2026-12-20,\nPO-1,A,5,2026-12-21,\nPO-2,,5,2026-02-30,yes\nPO-3,B,,2026-12-20,false\n',
      issues: [
        'stock.csv row 3, column item: a value is required',
        "stock.csv row 4, column onHand: '-1' is not a quantity ≥ 0 (digits, a decimal point)",
        "stock.csv row 5, column onHand: '1,000' is not a quantity ≥ 0 (digits, a decimal point)",
        "stock.csv row 6, column item: item 'A' is also in row 2",
        "stock.csv row 7, column reserved: 'x' is not a quantity ≥ 0 (digits, a decimal point)",
        "pos.csv row 3, column id: purchase order 'PO-1' is also in row 2",
        'pos.csv row 4, column item: a value is required',
        "pos.csv row 4, column expected: '2026-02-30' is not a date YYYY-MM-DD",
        "pos.csv row 4, column received: 'yes' is not true, false or empty",
        'pos.csv row 5, column qty: a value is required',
      ],
    },
    {
      name: 'headers: unknown, twice, missing; a row too long',
      stock: 'item,on_hand,item\nA,1\n',
      pos: 'id,item,qty\nPO-1,A,1,extra\n',
      issues: [
        'stock.csv row 1, column on_hand: unknown column (columns: item, onHand, reserved, safetyStock)',
        'stock.csv row 1, column item: the column is named twice',
        'stock.csv row 1, column onHand: a required column is missing',
        'stock.csv row 2, column onHand: a value is required',
        'pos.csv row 1, column expected: a required column is missing',
        'pos.csv row 2, column #4: the row has 4 fields; the header has 3',
        'pos.csv row 2, column expected: a value is required',
      ],
    },
  ])('$name', (c) => {
    const { issues } = availabilityCsv(
      { file: 'stock.csv', text: c.stock },
      { file: 'pos.csv', text: c.pos },
    );
    expect(issues.map((i) => `${i.file} row ${i.row}, column ${i.column}: ${i.message}`)).toEqual(
      c.issues,
    );
  });
});

describe('madeto availability import', () => {
  it('refuses bad rows naming row and column, and stores nothing', async () => {
    const db = tempDb();
    const r = importCsv(
      db,
      file('bad-stock.csv', 'item,onHand\nHSET-UD-2B,one\n'),
      file('bad-pos.csv', 'id,item,qty,expected\nPO-X,HSET-UD-2B,4,2026-12-32\n'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad-stock.csv row 2, column onHand: 'one' is not a quantity");
    expect(r.stderr).toContain("bad-pos.csv row 2, column expected: '2026-12-32' is not a date");
    expect(r.stderr).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
  }, 60_000);

  it('stores the levels and POs as a new version over the catalogue', async () => {
    const db = tempDb();
    const r = importCsv(
      db,
      file('stock.csv', 'item,onHand,reserved\nHSET-UD-2B,1,0\nMOT-24V-DM,40,\n'),
      file(
        'pos.csv',
        'id,item,qty,expected,supplierId,received\nPO-NEW-1,HSET-UD-2B,10,2026-12-21,S-LINAK-DK,\nPO-BER-4410,MOT-24V-DM,12,2026-12-09,,true\n',
      ),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      version: 2,
      createdBy: 'CSV import',
      change: {
        kind: 'import',
        stock: ['HSET-UD-2B', 'MOT-24V-DM'],
        inboundAdded: ['PO-NEW-1'],
        inboundChanged: ['PO-BER-4410'],
        inboundReceived: ['PO-BER-4410'],
      },
    });
    const d = openDb({ kind: 'sqlite', file: db });
    try {
      const current = (await new AvailabilityStore(d, models).current())!;
      expect(current.snapshot.stock['HSET-UD-2B']).toMatchObject({ onHand: 1, reserved: 0 });
      // The stock file sets MOT-24V-DM, so the received PO does not add to it again.
      expect(current.snapshot.stock['MOT-24V-DM']).toMatchObject({ onHand: 40 });
      expect(current.snapshot.inbound.find((p) => p.id === 'PO-NEW-1')).toMatchObject({
        item: 'HSET-UD-2B',
        qty: 10,
        expected: '2026-12-21',
        received: false,
      });
      expect(current.snapshot.inbound.find((p) => p.id === 'PO-BER-4410')?.received).toBe(true);
    } finally {
      await d.close();
    }
  }, 60_000);
});
