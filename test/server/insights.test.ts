import { describe, it } from 'vitest';
import { winLossScenario } from './winLossScenario.ts';
import { onMailingServer, onServer, tempDb } from './serverProcess.ts';
import { insightsScenario } from './insightsScenario.ts';
import { popularScenario } from './popularScenario.ts';

describe('events and insights on SQLite', () => {
  it("stores batches once, refuses bad events by path, answers the insights and the widget's popular values with hand-counted figures", async () => {
    await onServer(tempDb(), async ({ url }) => {
      await insightsScenario(url);
      await popularScenario(url);
    });
  }, 60_000);

  it('win/loss by discount and the demand weighted by the win rate, from real rep quotes', async () => {
    await onMailingServer(tempDb(), winLossScenario);
  }, 60_000);
});
