import { describe, it } from 'vitest';
import { MailCatcher } from '../../src/server/mail/mailCatcher.ts';
import { mailEnv } from './quoteJourney.ts';
import { winLossScenario } from './winLossScenario.ts';
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

  it('win/loss by discount and the demand weighted by the win rate, from real rep quotes', async () => {
    const catcher = await MailCatcher.start();
    const server = await startServerProcess(tempDb(), [], 0, mailEnv(catcher));
    try {
      await winLossScenario(server);
    } finally {
      await server.stop();
      await catcher.close();
    }
  }, 60_000);
});
