import { describe, it } from 'vitest';
import { describePostgres } from './pgCluster.ts';
import { repQuoteHoldLimitScenario, repQuoteHoldScenario } from './repQuoteHoldScenario.ts';
import { repQuotePromiseScenario } from './repQuotePromiseScenario.ts';
import { tempDb } from './serverProcess.ts';

describe('rep quotes promised on the live feed, on SQLite', () => {
  it('a fed stock change and other buyers’ holds move a quote’s date; its own request’s hold does not', async () => {
    await repQuotePromiseScenario({ kind: 'sqlite', file: tempDb() });
  }, 60_000);
  it('a rep quote holds: moves a later buyer, replaced by a revision, released when lost, handed to the order, expires', async () => {
    await repQuoteHoldScenario({ kind: 'sqlite', file: tempDb() });
  }, 60_000);
  it('past the per-user limit a rep quote saves without a hold and says so', async () => {
    await repQuoteHoldLimitScenario({ kind: 'sqlite', file: tempDb() });
  }, 60_000);
});

describePostgres('rep quotes promised on the live feed, on PostgreSQL', (cluster) => {
  it('a fed stock change and other buyers’ holds move a quote’s date; its own request’s hold does not', async () => {
    await repQuotePromiseScenario({ kind: 'postgres', url: cluster().url });
  }, 60_000);
  it('a rep quote holds: moves a later buyer, replaced by a revision, released when lost, handed to the order, expires', async () => {
    await repQuoteHoldScenario({ kind: 'postgres', url: cluster().createDatabase('rq_holds') });
  }, 60_000);
  it('past the per-user limit a rep quote saves without a hold and says so', async () => {
    await repQuoteHoldLimitScenario({
      kind: 'postgres',
      url: cluster().createDatabase('rq_hold_limit'),
    });
  }, 60_000);
});
