import { describe, it } from 'vitest';
import { tempDb } from './serverProcess.ts';
import { availabilityJourney } from './availabilityJourney.ts';

describe('availability feed and holds on SQLite', () => {
  it('feeds, validates, versions, holds the last unit for one of twenty buyers, releases, expires, re-promises and audits', async () => {
    await availabilityJourney({ kind: 'sqlite', file: tempDb() });
  }, 60_000);
});
