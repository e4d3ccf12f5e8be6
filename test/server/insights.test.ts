import { describe, it } from 'vitest';
import { startServerProcess, tempDb } from './serverProcess.ts';
import { insightsScenario } from './insightsScenario.ts';
import { popularScenario } from './popularScenario.ts';

describe('events and insights on SQLite', () => {
  it("stores batches once, refuses bad events by path, answers the insights and the widget's popular values with hand-counted figures", async () => {
    const server = await startServerProcess(tempDb());
    try {
      await insightsScenario(server.url);
      await popularScenario(server.url);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
