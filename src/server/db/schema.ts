import type { Generated } from 'kysely';

/** One stored order, quote request or quote: the table `submissions`. */
export interface SubmissionsTable {
  /** The arrival order; the cursor of `GET /api/orders?since=`. */
  seq: Generated<number>;
  id: string;
  kind: string;
  /** `O-2026-000042` / `Q-2026-000042`. */
  number: string | null;
  idempotency_key: string;
  /** The content hash of the request body: a different body under the same key is a conflict. */
  body_hash: string;
  payload: string;
  /** The first answer (JSON), returned again for a repeat. */
  response: string;
  status_code: number;
  currency: string;
  total: string;
  customer_email: string;
  created_at: string;
}

/** The database as Kysely sees it. */
export interface Database {
  submissions: SubmissionsTable;
}
