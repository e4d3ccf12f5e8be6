import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { quotedLinesScenario } from './quotedLinesScenario.ts';
import { winLossScenario } from './winLossScenario.ts';
import { onMailingServer, onServer, tempDb } from './serverProcess.ts';
import { insightsScenario } from './insightsScenario.ts';
import { popularScenario } from './popularScenario.ts';
import { popularityLabelsScenario } from './popularityLabelsScenario.ts';

describe('events and insights on SQLite', () => {
  it("stores batches once, refuses bad events by path, answers the insights and the widget's popular values with hand-counted figures", async () => {
    await onServer(tempDb(), async ({ url }) => {
      await insightsScenario(url);
      await popularScenario(url);
      await popularityLabelsScenario(url);
    });
  }, 60_000);

  it('win/loss by discount and the demand weighted by the win rate, from real rep quotes', async () => {
    await onMailingServer(tempDb(), winLossScenario);
  }, 60_000);

  it('counts every saved rep quote line quoted once, never its free text', async () => {
    const db = tempDb();
    let number = '';
    await onServer(db, async (server) => {
      number = await quotedLinesScenario(server);
    });
    const events = new Database(db, { readonly: true })
      .prepare("SELECT session, event FROM insight_events WHERE channel = 'rep'")
      .all() as { session: string; event: string }[];
    // One event per line and revision (2 + 3) and two per line accepted (quoted, counted only
    // where it was not, and ordered: 6), three sessions named after the quote and line.
    expect(events).toHaveLength(11);
    expect([...new Set(events.map((e) => e.session))].sort()).toEqual(
      ['L1', 'L2', 'L3'].map((l) => `q_${number}_${l}_DESK`.replace(/[^\w-]/g, '-')),
    );
    expect(events.some((e) => e.event.includes('Ana Lima'))).toBe(false);
    expect(events.every((e) => !e.event.includes('engraving'))).toBe(true);
  }, 60_000);
});
