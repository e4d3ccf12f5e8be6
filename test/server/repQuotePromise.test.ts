import { describe, it } from 'vitest';
import { describePostgres } from './pgCluster.ts';
import { repQuotePromiseScenario } from './repQuotePromiseScenario.ts';
import { tempDb } from './serverProcess.ts';

describe('rep quotes promised on the live feed, on SQLite', () => {
  it('a fed stock change and other buyers’ holds move a quote’s date; its own request’s hold does not', async () => {
    await repQuotePromiseScenario({ kind: 'sqlite', file: tempDb() });
  }, 60_000);
});

describePostgres('rep quotes promised on the live feed, on PostgreSQL', (cluster) => {
  it('a fed stock change and other buyers’ holds move a quote’s date; its own request’s hold does not', async () => {
    await repQuotePromiseScenario({ kind: 'postgres', url: cluster().url });
  }, 60_000);
});
