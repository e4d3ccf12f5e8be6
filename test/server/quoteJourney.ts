import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import {
  acceptResultWire,
  approvalQueueWire,
  customerQuoteWire,
  meWire,
  pipelinePageWire,
  quoteLookupWire,
  repQuoteWire,
  sendResultWire,
} from '../../src/engine/index.ts';
import type { MailCatcher } from '../../src/server/mail/mailCatcher.ts';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import { codeOf, jsonCaller, type ServerProcess } from './serverProcess.ts';

const bin = new URL('../../bin/madeto.js', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;

/**
 * Adds a user with the real CLI (`madeto users add`) on `db` (a SQLite file or a postgres:// URL):
 * with `password`, piped on stdin; without, the generated one it prints.
 */
export function addUser(
  db: string,
  user: { role: string; name: string; email: string },
  password?: string,
): { id: string; email: string; password: string } {
  const pg = db.startsWith('postgres://');
  const out = execFileSync(
    process.execPath,
    [
      bin,
      'users',
      'add',
      '--role',
      user.role,
      '--name',
      user.name,
      '--email',
      user.email,
      ...(pg ? [] : ['--db', db]),
    ],
    {
      cwd: root,
      input: password === undefined ? '' : `${password}\n`,
      env: { ...process.env, DATABASE_URL: pg ? db : '' },
    },
  ).toString();
  const printed = JSON.parse(out) as { id: string; email: string; password?: string };
  return { ...printed, password: password ?? printed.password! };
}

/** A signed-in browser: its session cookie and CSRF token, as headers for `jsonCaller`. */
export interface Session {
  headers: Record<string, string>;
  cookie: string;
  setCookie: string;
  csrfToken: string;
}

/** Signs in with `POST /api/session` and returns the session (fails the test otherwise). */
export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const r = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(r.status).toBe(200);
  const me = meWire.parse(await r.json());
  const setCookie = r.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  return {
    setCookie,
    cookie,
    csrfToken: me.csrfToken!,
    headers: { cookie, 'x-csrf-token': me.csrfToken! },
  };
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * The whole quote journey against a running server on `db` whose mail goes to `catcher`: people
 * sign in (cookie, CSRF), a buyer's request is found in the pipeline (search, filter, paging) and
 * converted, discounted past a guardrail, sent (the SMTP server receives the link), approved by a
 * manager from the queue (never by the revision's own author), re-approved after a change, viewed
 * and accepted by the customer into exactly one order.
 */
export async function quoteJourney(server: ServerProcess, db: string, catcher: MailCatcher) {
  const call = jsonCaller(() => server);
  const tag = Math.random().toString(36).slice(2, 8);
  const rita = addUser(
    db,
    { role: 'rep', name: 'Rita Rep', email: `rita-${tag}@test.example` },
    'rita-password-1',
  );
  const mara = addUser(db, {
    role: 'manager',
    name: 'Mara Manager',
    email: `mara-${tag}@test.example`,
  });
  const max = addUser(db, {
    role: 'manager',
    name: 'Max Manager',
    email: `max-${tag}@test.example`,
  });
  expect(mara.password).toMatch(/^\S{20}$/);

  // Sign-in: an HttpOnly, SameSite cookie; the session answers who; unsafe calls need the CSRF token.
  const rep = await signIn(server.url, rita.email.toUpperCase(), 'rita-password-1');
  expect(rep.setCookie).toMatch(
    /^madeto_session=[\w-]{40,}; Path=\/api; HttpOnly; SameSite=Strict; Max-Age=43200$/,
  );
  const me = await call('GET', '/api/me', undefined, { cookie: rep.cookie });
  expect(meWire.parse(me.body)).toMatchObject({
    name: 'Rita Rep',
    role: 'rep',
    authenticatedBy: 'session',
    email: rita.email,
  });
  const wrong = await call(
    'POST',
    '/api/session',
    { email: rita.email, password: 'nope-nope-nope' },
    {},
  );
  expect([wrong.status, codeOf(wrong)]).toEqual([401, 'SIGN_IN_FAILED']);

  // A buyer's request in the inbox.
  const requested = await call(
    'POST',
    '/api/quotes',
    deskOrder(`journey-${tag}`, 2, 'quote-request', now()),
    {},
  );
  expect(requested.status).toBe(201);
  const q = requested.body['number'] as string;
  const lookedUp = quoteLookupWire.parse(
    (await call('GET', `/api/quotes/${q}`, undefined, { cookie: rep.cookie })).body,
  );
  expect(lookedUp).toMatchObject({ number: q, kind: 'quote-request' });
  const find = async (query: string) =>
    pipelinePageWire.parse(
      (await call('GET', `/api/pipeline?${query}`, undefined, { cookie: rep.cookie })).body,
    );
  // By kind: the search matches inside numbers, and `RQ-2026-000001` contains `Q-2026-000001`.
  expect((await find(`q=${q}&kind=quote-request`)).items).toEqual([
    expect.objectContaining({ kind: 'quote-request', number: q, state: 'new' }),
  ]);
  expect(
    (await find(`q=height-adjustable&kind=quote-request`)).items.map((i) => i.number),
  ).toContain(q);
  expect((await find(`q=acme&state=new`)).items.map((i) => i.number)).toContain(q);

  // Convert: lines and selections kept; cookie POST without the CSRF token is refused.
  const noCsrf = await call('POST', `/api/quotes/${q}/convert`, {}, { cookie: rep.cookie });
  expect([noCsrf.status, codeOf(noCsrf)]).toEqual([403, 'CSRF_TOKEN_INVALID']);
  const converted = await call('POST', `/api/quotes/${q}/convert`, {}, rep.headers);
  expect(converted.status).toBe(201);
  const draft = repQuoteWire.parse(converted.body);
  const order = deskOrder(`journey-${tag}`, 2, 'quote-request', now());
  expect(draft.quote.lines).toEqual(
    order.lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      quantity: l.quantity,
      selection: l.selection,
    })),
  );
  expect(draft).toMatchObject({
    convertedFrom: q,
    state: 'draft',
    approvalStatus: 'not-needed',
    createdBy: { name: 'Rita Rep' },
  });
  const again = await call('POST', `/api/quotes/${q}/convert`, {}, rep.headers);
  expect([again.status, again.body['number']]).toEqual([200, draft.number]);
  expect((await find(`q=${q}&kind=quote-request`)).items[0]).toMatchObject({
    state: 'converted',
    convertedTo: draft.number,
  });
  const rq = draft.number;

  // 30 % off: past the desk's guardrail (at most 25 %).
  const discounted = { ...draft.quote, discounts: { additionalPercent: '30' } };
  const r2 = repQuoteWire.parse(
    (await call('POST', `/api/quotes/${rq}/revisions`, discounted, rep.headers)).body,
  );
  expect(r2).toMatchObject({ revision: 2, approvalStatus: 'required', state: 'awaiting-approval' });
  expect(r2.guardrails.length).toBeGreaterThan(0);
  const customerText = JSON.stringify(r2.document);
  expect(customerText).not.toMatch(
    /minimum|guardrail|violation|maxDiscount|minNetUnit|approval required/i,
  );
  expect(customerText).not.toContain('"DESK"');
  expect(r2.document.lines[0]!.options.length).toBeGreaterThan(3);

  // Send: a real SMTP server receives the customer's link.
  const sent = sendResultWire.parse(
    (await call('POST', `/api/quotes/${rq}/send`, {}, rep.headers)).body,
  );
  expect(sent).toMatchObject({
    number: rq,
    revision: 2,
    sentTo: 'ana@example.com',
    state: 'awaiting-approval',
  });
  const mail = await catcher.waitFor('ana@example.com');
  expect(mail.subject).toContain(rq);
  const link = mail.links.find((l) => l.includes('#/shared/'))!;
  expect(link).toBe(sent.link);
  const token = link.split('#/shared/')[1]!;

  // The customer sees "awaiting approval" and cannot accept yet.
  const pending = customerQuoteWire.parse(
    (await call('GET', `/api/shared/quotes/${token}`, undefined, {})).body,
  );
  expect(pending).toMatchObject({
    approvalStatus: 'required',
    canAccept: false,
    cannotAccept: { code: 'APPROVAL_REQUIRED' },
  });
  const early = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
  expect([early.status, codeOf(early)]).toEqual([409, 'APPROVAL_REQUIRED']);

  // The queue: a rep may not see it; a manager who saved a revision may not approve it.
  const manager = await signIn(server.url, mara.email, mara.password);
  expect((await call('GET', '/api/approvals', undefined, rep.headers)).status).toBe(403);
  const queue = approvalQueueWire.parse(
    (await call('GET', '/api/approvals', undefined, manager.headers)).body,
  );
  expect(queue.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ number: rq, revision: 2, ownRevision: false }),
    ]),
  );
  expect(
    (await call('POST', `/api/quotes/${rq}/approve`, { revision: 2 }, rep.headers)).status,
  ).toBe(403);
  const approved = await call(
    'POST',
    `/api/quotes/${rq}/approve`,
    { revision: 2 },
    manager.headers,
  );
  expect(approved.status).toBe(201);
  expect(approved.body).toMatchObject({ number: rq, revision: 2, approvedBy: 'Mara Manager' });

  // Approval flows everywhere: the rep's view, the customer's document, the accept check.
  const afterApproval = repQuoteWire.parse(
    (await call('GET', `/api/quotes/${rq}`, undefined, rep.headers)).body,
  );
  expect(afterApproval).toMatchObject({
    approvalStatus: 'approved',
    // The customer opened the link while it awaited approval.
    state: 'viewed',
    approval: { approvedBy: 'Mara Manager' },
  });
  const open = customerQuoteWire.parse(
    (await call('GET', `/api/shared/quotes/${token}`, undefined, {})).body,
  );
  expect(open).toMatchObject({
    approvalStatus: 'approved',
    canAccept: true,
    cannotAccept: null,
    state: 'open',
  });

  // A changed revision needs approval again: Mara saves it, so Max must approve it.
  const changed = {
    ...discounted,
    lines: discounted.lines.map((l) => ({ ...l, quantity: l.quantity + 1 })),
  };
  const r3 = repQuoteWire.parse(
    (await call('POST', `/api/quotes/${rq}/revisions`, changed, manager.headers)).body,
  );
  expect(r3).toMatchObject({ revision: 3, approvalStatus: 'required', state: 'awaiting-approval' });
  expect(
    customerQuoteWire.parse((await call('GET', `/api/shared/quotes/${token}`, undefined, {})).body),
  ).toMatchObject({ revision: 3, approvalStatus: 'required', canAccept: false });
  const stale = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
  expect([stale.status, codeOf(stale)]).toEqual([409, 'APPROVAL_REQUIRED']);
  const own = await call('POST', `/api/quotes/${rq}/approve`, { revision: 3 }, manager.headers);
  expect([own.status, codeOf(own)]).toEqual([403, 'SELF_APPROVAL']);
  const ownQueue = approvalQueueWire.parse(
    (await call('GET', '/api/approvals', undefined, manager.headers)).body,
  );
  expect(ownQueue.items.find((i) => i.number === rq)).toMatchObject({
    revision: 3,
    ownRevision: true,
  });
  const other = await signIn(server.url, max.email, max.password);
  expect(
    (await call('POST', `/api/quotes/${rq}/approve`, { revision: 3 }, other.headers)).status,
  ).toBe(201);

  // Viewed, then accepted into exactly one order.
  const viewed = customerQuoteWire.parse(
    (await call('GET', `/api/shared/quotes/${token}`, undefined, {})).body,
  );
  expect(viewed).toMatchObject({ revision: 3, canAccept: true });
  expect(
    repQuoteWire.parse((await call('GET', `/api/quotes/${rq}`, undefined, rep.headers)).body),
  ).toMatchObject({ state: 'viewed' });
  const accepted = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
  expect(accepted.status).toBe(201);
  const placed = acceptResultWire.parse(accepted.body);
  const repeat = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
  expect([repeat.status, repeat.body['number']]).toEqual([201, placed.number]);
  const final = repQuoteWire.parse(
    (await call('GET', `/api/quotes/${rq}`, undefined, rep.headers)).body,
  );
  expect(final).toMatchObject({
    state: 'accepted',
    activity: { order: placed.number, sentTo: 'ana@example.com' },
  });
  expect(final.activity.viewedAt).not.toBeNull();
  expect(
    customerQuoteWire.parse((await call('GET', `/api/shared/quotes/${token}`, undefined, {})).body),
  ).toMatchObject({ state: 'accepted', canAccept: false, order: { number: placed.number } });
  const orders = await find(`q=${placed.number}&kind=order`);
  expect(orders.items).toEqual([
    expect.objectContaining({ kind: 'order', number: placed.number, fromQuote: rq }),
  ]);
  expect((await find(`q=${rq}&state=accepted`)).items).toEqual([
    expect.objectContaining({ number: rq, order: placed.number }),
  ]);
  const closed = await call('POST', `/api/quotes/${rq}/revisions`, changed, rep.headers);
  expect([closed.status, codeOf(closed)]).toEqual([409, 'QUOTE_CLOSED']);

  // Paging: one item a page, newest first, every item once.
  const all = await find('q=ana&pageSize=100');
  const pages = [];
  for (let page = 1; page <= all.total; page += 1)
    pages.push(...(await find(`q=ana&pageSize=1&page=${page}`)).items);
  expect(pages.map((i) => i.number)).toEqual(all.items.map((i) => i.number));
  expect((await find('q=ana&pageSize=1')).pages).toBe(all.total);
  const badQuery = await call('GET', '/api/pipeline?pageSize=1000', undefined, rep.headers);
  expect([badQuery.status, codeOf(badQuery)]).toEqual([400, 'QUERY_INVALID']);

  // Signing out ends the session on the server.
  const out = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: rep.headers });
  expect(out.status).toBe(204);
  expect(out.headers.get('set-cookie')).toMatch(/madeto_session=; .*Max-Age=0/);
  const gone = await call('GET', '/api/me', undefined, { cookie: rep.cookie });
  expect([gone.status, codeOf(gone)]).toEqual([401, 'SESSION_EXPIRED']);
}
