import { describe, expect, it } from 'vitest';
import { DEFAULT_INSIGHT_SETTINGS, parseInsightSettings } from '../../../src/engine/index.ts';

describe('parseInsightSettings (insights.json)', () => {
  it.each([
    [{}, DEFAULT_INSIGHT_SETTINGS],
    [
      { winRate: { prior: { won: 0.5, lost: 0.5 } } }, // Jeffreys' prior: fractions are beliefs too
      {
        winRate: { prior: { won: 0.5, lost: 0.5 }, minDecided: 0 },
        popular: { minSample: 20, minValue: 5 },
        idleAbandonMinutes: 30,
      },
    ],
    [
      { winRate: { minDecided: 10 }, popular: { minSample: 50 }, idleAbandonMinutes: 90 },
      {
        winRate: { prior: { won: 1, lost: 1 }, minDecided: 10 },
        popular: { minSample: 50, minValue: 5 },
        idleAbandonMinutes: 90,
      },
    ],
  ])('%j → %j', (json, settings) => {
    expect(parseInsightSettings(json)).toEqual({ ok: true, settings });
  });

  it.each([
    [[], '$', 'Invalid input: expected object, received array'],
    [
      { winRate: { prior: { won: 1 } } },
      '$.winRate.prior.lost',
      'Invalid input: expected number, received undefined',
    ],
    [
      { winRate: { prior: { won: 0, lost: 0 } } },
      '$.winRate.prior',
      'won and lost may not both be 0 (no belief at all)',
    ],
    [
      { winRate: { minDecided: -1 } },
      '$.winRate.minDecided',
      'Too small: expected number to be >=0',
    ],
    [
      { winRate: { minDecidd: 3 } },
      '$.winRate.minDecidd',
      'unknown setting (known: prior, minDecided)',
    ],
    [
      { popular: { minValue: 1.5 } },
      '$.popular.minValue',
      'Invalid input: expected int, received number',
    ],
    [
      { popular: { sample: 3 } },
      '$.popular.sample',
      'unknown setting (known: minSample, minValue)',
    ],
    [
      { idleAbandonMinutes: 10081 },
      '$.idleAbandonMinutes',
      'Too big: expected number to be <=10080',
    ],
    [
      { idleAbandonMinutes: '30' },
      '$.idleAbandonMinutes',
      'Invalid input: expected number, received string',
    ],
  ])('%j is refused at %s', (json, path, message) => {
    expect(parseInsightSettings(json)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it('does not share the default prior object (a caller may not change the defaults)', () => {
    const r = parseInsightSettings({});
    expect(r.ok && r.settings.winRate.prior).not.toBe(DEFAULT_INSIGHT_SETTINGS.winRate.prior);
  });
});
