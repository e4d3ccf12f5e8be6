import { describe, expect, it } from 'vitest';
import {
  componentDemand,
  historicalWinRate,
  LAPLACE_PRIOR,
  parseSnapshot,
  postponementAdvisor,
  winLossByDiscount,
  type QuoteOutcome,
} from '../../../src/engine/index.ts';
import { baseSnapshot, boxModel } from '../leadtime/harness.ts';

const box = boxModel();
const models = { BOX: box };
// No length: a length of 0 (a zero TAPE need) makes the engine call the line unavailable.
const plain = { hook: false, rail: false, legs: 'none' };

describe('quote win/loss by discount band', () => {
  const quotes: QuoteOutcome[] = [
    { discountBasisPoints: 0, outcome: 'won' },
    { discountBasisPoints: 0, outcome: 'lost' },
    { discountBasisPoints: 500, outcome: 'won' },
    { discountBasisPoints: 501, outcome: 'lost' },
    { discountBasisPoints: 1000, outcome: 'open' },
    { discountBasisPoints: 2000, outcome: 'lost' },
  ];
  it('bands (edges inclusive above) and win rates of decided quotes', () => {
    expect(
      winLossByDiscount(quotes).map((b) => [b.label, b.won, b.lost, b.open, b.winRate]),
    ).toEqual([
      ['0 %', 1, 1, 0, 0.5],
      ['0–5 %', 1, 0, 0, 1],
      ['5–10 %', 0, 1, 1, 0],
      ['10–15 %', 0, 0, 0, 0],
      ['15 % +', 0, 1, 0, 0],
    ]);
  });
});

describe('the historical win rate open quotes are weighted by (Beta prior, Laplace by default)', () => {
  const q = (outcome: QuoteOutcome['outcome']): QuoteOutcome => ({
    discountBasisPoints: 0,
    outcome,
  });
  it.each([
    // [won, lost, open, rate, observed]: rate = (won + 1) ÷ (won + lost + 2).
    [0, 0, 0, 0.5, undefined], // (0 + 1) ÷ (0 + 2): nothing decided, an open quote still weighs ½
    [0, 0, 3, 0.5, undefined], // open quotes are not decided
    [1, 0, 0, 2 / 3, 1], // (1 + 1) ÷ (1 + 2), not 100 % after one win
    [0, 1, 0, 1 / 3, 0], // (0 + 1) ÷ (1 + 2), not 0 % after one loss
    [2, 3, 1, 3 / 7, 0.4], // (2 + 1) ÷ (5 + 2); the observed 2 ÷ 5 is beside it
  ] as const)('won %i, lost %i, open %i → %d', (won, lost, open, rate, observed) => {
    const quotes = [
      ...Array.from({ length: won }, () => q('won')),
      ...Array.from({ length: lost }, () => q('lost')),
      ...Array.from({ length: open }, () => q('open')),
    ];
    const est = historicalWinRate(quotes);
    expect(est.rate).toBeCloseTo(rate, 12);
    expect(est).toMatchObject({ won, lost, decided: won + lost, observed });
  });
  it('a shop prior Beta(1, 3) (expect a quarter won): (1 + 1) ÷ (2 + 4) after one win, one loss', () => {
    expect(historicalWinRate([q('won'), q('lost')], { won: 1, lost: 3 }).rate).toBe(1 / 3);
    expect(historicalWinRate([], { won: 1, lost: 3 }).rate).toBe(0.25);
  });
  it.each([
    // [won, lost, prior won, prior lost, minDecided, rate, basis], by hand:
    [1, 2, 2, 6, 5, 0.25, 'prior'], // 3 decided < 5: the prior's mean 2 ÷ 8, the three unused
    [1, 4, 2, 6, 5, 3 / 13, 'history'], // 5 ≥ 5: (1 + 2) ÷ (5 + 8)
    [4, 0, 1, 1, 10, 0.5, 'prior'], // 4 wins < 10: still Laplace's ½, not (4 + 1) ÷ (4 + 2)
    [4, 0, 1, 1, 4, 5 / 6, 'history'], // (4 + 1) ÷ (4 + 2)
    [0, 0, 0.5, 0.5, 0, 0.5, 'history'], // Jeffreys' prior, nothing decided: 0.5 ÷ 1
    [3, 1, 0.5, 0.5, 0, 0.7, 'history'], // (3 + 0.5) ÷ (4 + 1)
  ] as const)(
    'won %i, lost %i, prior Beta(%d, %d), minDecided %i → %d (%s)',
    (won, lost, pw, pl, minDecided, rate, basis) => {
      const quotes = [
        ...Array.from({ length: won }, () => q('won')),
        ...Array.from({ length: lost }, () => q('lost')),
        q('open'),
      ];
      const est = historicalWinRate(quotes, { won: pw, lost: pl }, minDecided);
      expect(est.rate).toBeCloseTo(rate, 12);
      expect(est).toMatchObject({ won, lost, decided: won + lost, minDecided, basis });
    },
  );
  it('refuses a prior that is no belief (negative, both 0) and a minDecided that is no count', () => {
    expect(() => historicalWinRate([], { won: 0, lost: 0 })).toThrow(/not both 0/);
    expect(() => historicalWinRate([], { won: -1, lost: 2 })).toThrow(/≥ 0/);
    expect(() => historicalWinRate([], LAPLACE_PRIOR, 2.5)).toThrow(/minDecided.*2\.5/);
    expect(() => historicalWinRate([], LAPLACE_PRIOR, -1)).toThrow(/minDecided/);
  });
});

describe('component demand per item and ISO week', () => {
  const snap = baseSnapshot();
  snap.stock.RED = { onHand: 3, reserved: 1 };
  snap.inbound = [
    { id: 'PO-1', item: 'RED', qty: 5, expected: '2026-03-10' },
    { id: 'PO-2', item: 'RED', qty: 9, expected: '2026-03-10', received: true },
  ];
  const snapshot = parseSnapshot(snap, [box]);
  // 1 won, 2 lost: (1 + 1) ÷ (3 + 2) = 0.4 (Laplace).
  const { rate } = historicalWinRate([
    { discountBasisPoints: 0, outcome: 'won' },
    ...Array.from({ length: 2 }, () => ({ discountBasisPoints: 0, outcome: 'lost' as const })),
  ]);

  it('orders in full, open quotes × the win rate (0.4), through the make item LEG-KIT to TUBE', () => {
    const { rows, skipped, winRate } = componentDemand({
      models,
      snapshot,
      orders: [
        {
          productId: 'BOX',
          quantity: 2,
          selection: { color: 'red', hook: true, rail: true, legs: 'kit', length: 2.5 },
          needDate: '2026-03-04',
        },
        { productId: 'GONE', quantity: 1, selection: {}, needDate: '2026-03-04' },
      ],
      openQuotes: [
        {
          productId: 'BOX',
          quantity: 1,
          selection: { color: 'red', hook: true, legs: 'kit' },
          needDate: '2026-03-11',
        },
      ],
      winRate: rate,
    });
    expect(winRate).toBe(0.4);
    expect(skipped).toEqual([{ productId: 'GONE', reason: "no model for product 'GONE'" }]);
    const r = (
      item: string,
      week: string,
      confirmed: number,
      expected: number,
      inbound: number,
      projected: number,
    ) => ({
      item,
      week,
      confirmed,
      expected,
      total: Math.round((confirmed + expected) * 1000) / 1000,
      inbound,
      projected,
    });
    expect(rows).toEqual([
      // hook 2×2 + rail 2×2 = 8, then the quote's hook 2 × 0.4 = 0.8; 100 on hand: 92, 91.2.
      r('BRACKET', '2026-W10', 8, 0, 0, 92),
      r('BRACKET', '2026-W11', 0, 0.8, 0, 91.2),
      // 1 × 0.4; 98 − 0.4 = 97.6.
      r('LEG-KIT', '2026-W10', 2, 0, 0, 98),
      r('LEG-KIT', '2026-W11', 0, 0.4, 0, 97.6),
      // 3 on hand − 1 reserved − 2 = 0; then + PO-1's 5 (PO-2 is received) − 0.4 = 4.6.
      r('RED', '2026-W10', 2, 0, 0, 0),
      r('RED', '2026-W11', 0, 0.4, 5, 4.6),
      // length 2.5 × 2 units; the quote has no length.
      r('TAPE', '2026-W10', 5, 0, 0, 95),
      // LEG-KIT's BOM: 2 TUBE each; the quote's 0.4 LEG-KIT → 0.8 TUBE; 96 − 0.8 = 95.2.
      r('TUBE', '2026-W10', 4, 0, 0, 96),
      r('TUBE', '2026-W11', 0, 0.8, 0, 95.2),
    ]);
  });

  it('with no quote decided yet, an open quote still weighs ½ (Laplace), not 0', () => {
    const { rows } = componentDemand({
      models,
      snapshot,
      orders: [],
      openQuotes: [
        {
          productId: 'BOX',
          quantity: 1,
          selection: { color: 'red', ...plain },
          needDate: '2026-03-04',
        },
      ],
      winRate: historicalWinRate([{ discountBasisPoints: 0, outcome: 'open' }]).rate,
    });
    // 1 RED × (0 + 1) ÷ (0 + 2) = 0.5; 3 on hand − 1 reserved − 0.5 = 1.5; PO-1's 5 in W11: 6.5.
    const row = (week: string, expected: number, inbound: number, projected: number) => ({
      item: 'RED',
      week,
      confirmed: 0,
      expected,
      total: expected,
      inbound,
      projected,
    });
    expect(rows).toEqual([row('2026-W10', 0.5, 0, 1.5), row('2026-W11', 0, 5, 6.5)]);
  });
});

describe('postponement advisor', () => {
  // RED and BLUE are not in stock: RED comes in 10 calendar days, BLUE in 14; GREEN is on hand.
  // No routing, no handling, no transit: a line with everything on hand is delivered on the day.
  const snap = baseSnapshot();
  snap.stock.RED = { onHand: 0, reserved: 0 };
  snap.stock.BLUE = { onHand: 0, reserved: 0 };
  snap.items.RED = { makeOrBuy: 'buy', discrete: true, suppliers: [{ id: 'S1', leadTime: 10 }] };
  snap.items.BLUE = { makeOrBuy: 'buy', discrete: true, suppliers: [{ id: 'S1', leadTime: 14 }] };
  const snapshot = parseSnapshot(snap, [box]);
  const line = (color: string) => ({
    productId: 'BOX',
    quantity: 1,
    selection: { color, ...plain },
  });
  // Monday 2026-03-02, 08:00 in Berlin (before the 12:00 cut-off).
  const now = '2026-03-02T07:00:00Z';

  it('ranks RED first: 3 kept cut the median from 10 to 0 days for 3 lines; BLUE saves none', () => {
    const out = postponementAdvisor({
      models,
      snapshot,
      now,
      lines: ['red', 'red', 'red', 'blue', 'green'].map(line),
    });
    // Days [10, 10, 10, 14, 0] → median (3rd of 5) 10.
    expect(out.baseline).toEqual({ lines: 5, unavailable: 0, medianDays: 10 });
    expect(out.advice).toEqual([
      // 3 RED: [0, 0, 0, 14, 0] → median 0.
      { item: 'RED', quantity: 3, medianDays: 0, daysSaved: 10, linesFaster: 3, drivenLines: 3 },
      // 2 RED serve the first two reds: [0, 0, 10, 14, 0] → median 0.
      { item: 'RED', quantity: 2, medianDays: 0, daysSaved: 10, linesFaster: 2, drivenLines: 3 },
      // 1 BLUE: [10, 10, 10, 0, 0] → median 10.
      { item: 'BLUE', quantity: 1, medianDays: 10, daysSaved: 0, linesFaster: 1, drivenLines: 1 },
    ]);
  });

  it('stock that makes no line sooner is no advice: RED behind a 20-day BRACKET', () => {
    const slow = baseSnapshot();
    slow.stock.RED = { onHand: 0, reserved: 0 };
    slow.stock.BRACKET = { onHand: 0, reserved: 0 };
    slow.items.RED = { makeOrBuy: 'buy', discrete: true, suppliers: [{ id: 'S1', leadTime: 10 }] };
    slow.items.BRACKET = {
      makeOrBuy: 'buy',
      discrete: true,
      suppliers: [{ id: 'S1', leadTime: 20 }],
    };
    const out = postponementAdvisor({
      models,
      snapshot: parseSnapshot(slow, [box]),
      now,
      lines: [{ productId: 'BOX', quantity: 1, selection: { ...plain, color: 'red', hook: true } }],
    });
    // 20 days from Monday 2 March end on a Sunday: delivered Monday 23 March, 21 days. 2 BRACKET
    // kept (its need): the line waits for RED alone, 10 days. 1 BRACKET kept makes it no sooner
    // (the line needs 2), and neither does RED stock (the line still waits for BRACKET): no advice.
    expect(out.baseline.medianDays).toBe(21);
    expect(out.advice).toEqual([
      {
        item: 'BRACKET',
        quantity: 2,
        medianDays: 10,
        daysSaved: 11,
        linesFaster: 1,
        drivenLines: 1,
      },
    ]);
  });

  it('a demand of one red line: keeping 1 RED saves its 10 days', () => {
    const out = postponementAdvisor({ models, snapshot, now, lines: [line('red')] });
    expect(out.baseline.medianDays).toBe(10);
    expect(out.advice).toEqual([
      { item: 'RED', quantity: 1, medianDays: 0, daysSaved: 10, linesFaster: 1, drivenLines: 1 },
    ]);
  });
});
