import { it } from 'vitest';
import { availabilityJourney } from './availabilityJourney.ts';
import { describePostgres } from './pgCluster.ts';

/**
 * The same server against PostgreSQL (DATABASE_URL): a throw-away cluster from Debian's package
 * (`apt-get install postgresql`), run as the `postgres` user. Skipped, saying so, when absent.
 */
describePostgres('availability feed and holds on PostgreSQL', (cluster) => {
  it('feeds, validates, versions, holds the last unit for one of twenty buyers (row lock), releases, expires, re-promises and audits', async () => {
    await availabilityJourney({ kind: 'postgres', url: cluster().url });
  }, 60_000);
});
