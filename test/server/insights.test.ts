import { describe, it } from 'vitest';
import { startServerProcess, tempDb } from './serverProcess.ts';
import { insightsScenario } from './insightsScenario.ts';

describe('events and insights on SQLite', () => {
  it('stores batches once, refuses bad events by path, answers the insights with hand-counted figures', async () => {
    const server = await startServerProcess(tempDb());
    try {
      await insightsScenario(server.url);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
