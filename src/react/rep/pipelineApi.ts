import {
  approvalQueueWire,
  pipelinePageWire,
  type ApprovalQueueWire,
  type PipelinePageWire,
} from '../../engine/index.ts';
import { apiCall, authHeaders, type RepAuth } from './apiCall.ts';

/** What the pipeline list asks for: a search, a kind and a state, and the page. */
export interface PipelineQuery {
  /** Searched in numbers, customers and products. */
  q?: string | undefined;
  kind?: 'quote-request' | 'rep-quote' | 'order' | undefined;
  state?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/**
 * The rep's lists on the reference backend: the pipeline (buyer requests, rep quotes, orders;
 * `GET /api/pipeline`) and a manager's approval queue (`GET /api/approvals`).
 */
export function pipelineApi(base: string, auth: RepAuth) {
  const get = { method: 'GET', headers: authHeaders(auth, 'GET') };
  return {
    /** One page of the pipeline, newest first. */
    page: (query: PipelineQuery): Promise<PipelinePageWire> => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query) as [string, string | number | undefined][])
        if (value !== undefined && value !== '') params.set(key, String(value));
      return apiCall(`${base}/api/pipeline?${params}`, get, pipelinePageWire);
    },
    /** The revisions waiting for a manager's approval, oldest first (managers and admins). */
    approvals: (): Promise<ApprovalQueueWire> =>
      apiCall(`${base}/api/approvals`, get, approvalQueueWire),
  };
}

/** The rep pages' list calls (`pipelineApi`); stories and tests hand in stand-ins. */
export type PipelineApi = ReturnType<typeof pipelineApi>;
