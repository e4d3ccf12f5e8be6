import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuoteApiError, repQuoteApi } from '../../src/react/rep/quoteApi.ts';
import { quoteAnswer } from './repStubs.ts';
import { repStates } from './repFixtures.ts';

/**
 * `repQuoteApi(…).save`: every call sends a fresh `Idempotency-Key` and retries, under that same
 * key, a save that got no answer or a gateway error; a definite answer is never retried.
 */
afterEach(() => {
  vi.unstubAllGlobals();
});

type Outcome = 'network' | 502 | 503 | 504 | 500 | 422 | 201;
const answer = quoteAnswer(repStates.valid);

/** Stubs `fetch` to answer `outcomes` in turn; records each request's URL and key. */
function stubFetch(outcomes: readonly Outcome[]) {
  const sent: { url: string; key: string | undefined }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, key: (init.headers as Record<string, string>)['idempotency-key'] });
    const outcome = outcomes[sent.length - 1] ?? 201;
    if (outcome === 'network') throw new TypeError('Failed to fetch');
    const body =
      outcome === 201
        ? answer
        : { error: { code: `HTTP_${outcome}`, message: `answered ${outcome}` } };
    return new Response(JSON.stringify(body), {
      status: outcome,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

describe('repQuoteApi save: Idempotency-Key and retries', () => {
  it.each([
    ['answered at once', [201], 1, 'saved'],
    ['no answer, then saved', ['network', 201], 2, 'saved'],
    ['502 then 503, then saved', [502, 503, 201], 3, 'saved'],
    ['504 three times: gives up after the last retry', [504, 504, 504], 3, 'HTTP_504'],
    ['no answer three times', ['network', 'network', 'network'], 3, 'TypeError'],
    ['422: a definite refusal, not retried', [422], 1, 'HTTP_422'],
    ['500: not retried', [500], 1, 'HTTP_500'],
  ] as const)('%s → %i request(s), %s', async (_, outcomes, requests, result) => {
    const sent = stubFetch(outcomes);
    const api = repQuoteApi('http://backend.test', 't0ken', { retryDelays: [0, 0] });
    const got = await api.save(repStates.valid).then(
      () => 'saved',
      (e: unknown) => (e instanceof QuoteApiError ? e.code : (e as Error).name),
    );
    expect([sent.length, got]).toEqual([requests, result]);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(sent[0]!.key).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['a new quote', undefined, 'http://backend.test/api/quotes'],
    ['a revision', 'RQ-2026-000001', 'http://backend.test/api/quotes/RQ-2026-000001/revisions'],
  ] as const)('two saves of %s send two different keys', async (_, number, url) => {
    const sent = stubFetch([201, 201]);
    const api = repQuoteApi('http://backend.test', 't0ken', { retryDelays: [] });
    await api.save(repStates.valid, number);
    await api.save(repStates.valid, number);
    expect(sent.map((s) => s.url)).toEqual([url, url]);
    expect(sent[0]!.key).not.toBe(sent[1]!.key);
  });

  it('without retries a lost answer fails at once', async () => {
    const sent = stubFetch(['network', 201]);
    const api = repQuoteApi('http://backend.test', 't0ken', { retryDelays: [] });
    await expect(api.save(repStates.valid)).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(1);
  });
});
