import { afterAll, beforeAll, describe, it } from 'vitest';
import { availabilityJourney } from './availabilityJourney.ts';
import { canRunPostgres, startPostgres, type PostgresCluster } from './pgCluster.ts';

if (!canRunPostgres)
  console.warn(
    'test/server/availabilityPostgres.test.ts: skipped — no PostgreSQL server binaries (apt-get install postgresql) or no postgres user',
  );

/**
 * The same server against PostgreSQL (DATABASE_URL): a throw-away cluster from Debian's package
 * (`apt-get install postgresql`), run as the `postgres` user. Skipped, saying so, when absent.
 */
describe.skipIf(!canRunPostgres)('availability feed and holds on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  let url = '';
  beforeAll(async () => {
    cluster = await startPostgres();
    url = cluster.url;
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('feeds, validates, versions, holds the last unit for one of twenty buyers (row lock), releases, expires, re-promises and audits', async () => {
    await availabilityJourney({ kind: 'postgres', url });
  }, 60_000);
});
