import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { pipelinePageWire } from '../../src/engine/index.ts';
import { compile } from '../../src/engine/solver/compile.ts';
import { complete } from '../../src/engine/solver/complete.ts';
import { buildOrderPayload } from '../../src/engine/orders/buildOrder.ts';
import { price } from '../../src/engine/pricing/price.ts';
import { promise } from '../../src/engine/leadtime/promise.ts';
import { setupDemo, signInNewUser, WAIT } from '../e2e/demoHarness.ts';
import { desk, models, pricing, snapshot } from '../engine/orders/orderFixture.ts';
import { asManager } from '../server/serverProcess.ts';
import { pdfText } from './pdfText.ts';

/**
 * The quote journey in the browser, end to end on the real backend: a real `madeto serve`
 * (SQLite) with people added by `madeto users add`, its mail sent over SMTP to a real SMTP server
 * (`MailCatcher`, the `smtp-server` package), the demo's rep pages served by Vite, driven in
 * Chromium by Playwright (`setupDemo({ mail: true })`). A buyer's request → the rep signs in,
 * finds it in the inbox, converts it, gives 22 % and sends it → the manager signs in and approves
 * it from the queue → the customer opens the e-mailed link, sees it approved; the rep changes it,
 * and the customer cannot accept until the manager approves again → the customer accepts → one
 * order, and the rep's pipeline shows the quote accepted. The customer's page and its PDF carry
 * no guardrail.
 */
const demo = setupDemo({ mail: true });

/**
 * A buyer's quote request for one desk as "Complete for me" (defaults) configures it: a desk
 * whose net unit price with 22 % off falls below the book's minimum (a manager must approve).
 */
function defaultDeskRequest() {
  const createdAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const selection = complete(compile(desk), {});
  const lines = [{ lineId: 'L1', productId: 'DESK', quantity: 1, selection }];
  const context = { date: createdAt.slice(0, 10), currency: 'EUR' };
  const priced = price({ ...context, lines }, { pricing, models });
  const promised = promise(
    { now: createdAt, lines, options: { atpCurve: false, suggestions: false, confidence: false } },
    { snapshot, models },
  );
  return buildOrderPayload({
    kind: 'quote-request',
    idempotencyKey: 'ui-journey-request',
    createdAt,
    model: desk,
    models,
    pricing: context,
    lines,
    price: priced,
    promise: promised,
    ...(snapshot.snapshotAt !== undefined && { snapshotAt: snapshot.snapshotAt }),
    customer: { name: 'Ana Lima', email: 'ana@example.com', company: 'ACME' },
  });
}

/** What a page says in its editor's status line. */
const status = (page: Page) => page.locator('.madeto-rep-form p[role="status"]').first();
/** Text compared without whitespace or case: a PDF breaks lines where the page does. */
const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase();
/** Words only the rep's copy may carry (the guardrails behind an approval). */
const INTERNAL = /guardrail|minimum|maximum|exceeds|below the/i;

describe('the quote journey in the browser', () => {
  it('request → rep converts, 22 %, sends → manager approves → customer accepts once', async () => {
    const { base, browser } = demo;
    const catcher = demo.mail!;

    // 1. A buyer sends a quote request (what the shop widget's "Request a quote" posts).
    const requested = await fetch(`${demo.apiUrl}/api/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(defaultDeskRequest()),
    });
    expect(requested.status).toBe(201);
    const request = ((await requested.json()) as { number: string }).number;
    expect(request).toMatch(/^Q-\d{4}-\d{6}$/);

    // 2. The rep signs in, finds it in the inbox, converts it, gives 22 % and sends it.
    const repPage = await (await browser.newContext()).newPage();
    await signInNewUser(demo, repPage, {
      role: 'rep',
      name: 'Rita Rep',
      email: 'rita@test.example',
      password: 'rita-pass-1234',
    });
    await repPage.getByLabel('Search number, customer or product').fill(request);
    await repPage.getByRole('button', { name: 'Search', exact: true }).click();
    await repPage.getByRole('button', { name: `Convert ${request} to a quote` }).click();
    await expect
      .poll(() => status(repPage).textContent(), WAIT)
      .toMatch(new RegExp(`^Converted ${request} into RQ-\\d{4}-\\d{6} revision 1$`));
    const number = /RQ-\d{4}-\d{6}/.exec((await status(repPage).textContent()) ?? '')![0];
    await repPage.getByLabel('Additional discount (%)').fill('22');
    await expect
      .poll(() => repPage.locator('.madeto-rep-approval').textContent(), WAIT)
      .toContain('Approval required');
    await repPage.getByRole('button', { name: 'Save as new revision' }).click();
    await expect.poll(() => status(repPage).textContent(), WAIT).toBe(`Saved ${number} revision 2`);
    await repPage.getByRole('button', { name: 'Send to customer' }).click();
    await expect
      .poll(() => repPage.locator('.madeto-rep-send [role="status"]').textContent(), WAIT)
      .toMatch(new RegExp(`^Sent the link of ${number} to `));
    const mail = await catcher.waitFor(
      (await repPage.locator('.madeto-rep-send [role="status"]').textContent())!
        .replace(/^Sent the link of \S+ to /, '')
        .replace(/\.$/, ''),
      WAIT.timeout,
    );
    const link = mail.links.find((l) => l.includes('#/shared/'));
    expect(link).toMatch(/#\/shared\/[A-Za-z0-9_-]+$/);
    const shared = `${base}/${/#\/shared\/[A-Za-z0-9_-]+$/.exec(link!)![0]}`;

    // Before approval the customer sees it, cannot accept, and no guardrail is named.
    const customer = await (await browser.newContext()).newPage();
    await customer.goto(shared);
    const accept = customer.getByRole('button', { name: 'Accept this quote' });
    await expect.poll(() => accept.isDisabled(), WAIT).toBe(true);
    expect(await customer.locator('.madeto-quote-approval').textContent()).toContain(
      'awaits the seller’s approval',
    );
    expect(await customer.locator('.madeto-shared-quote').textContent()).not.toMatch(INTERNAL);

    // 3. The manager signs in and approves it from the queue.
    const managerPage = await (await browser.newContext()).newPage();
    await signInNewUser(demo, managerPage, {
      role: 'manager',
      name: 'Mara Manager',
      email: 'mara@test.example',
    });
    await managerPage.getByRole('button', { name: 'Approvals' }).click();
    const queued = managerPage.getByRole('listitem').filter({ hasText: `${number} · rev. 2` });
    await queued.getByRole('button', { name: 'Approve revision 2' }).click();
    await expect
      .poll(() => queued.getByRole('status').textContent(), WAIT)
      .toBe(`Approved ${number} revision 2.`);

    // 4. The customer opens the e-mailed link and sees it approved.
    await customer.goto(shared);
    await customer.reload();
    await expect
      .poll(() => customer.locator('.madeto-quote-approval').textContent(), WAIT)
      .toMatch(/^Approved by Mara Manager on /);
    expect(await accept.isEnabled()).toBe(true);
    const text = (await customer.locator('.madeto-shared-quote').textContent()) ?? '';
    expect(text).not.toMatch(INTERNAL);
    const pdf = squeeze(pdfText(await customer.pdf({ format: 'A4' })));
    expect(pdf).toContain(squeeze('Approved by Mara Manager'));
    expect(pdf).toContain(squeeze(number));
    expect(pdf).not.toMatch(/guardrail|minimum|maximum|exceeds|belowthe/);

    // A revision changed after approval cannot be accepted until a manager approves it again.
    await repPage.getByLabel('Additional discount (%)').fill('23');
    await repPage.getByRole('button', { name: 'Save as new revision' }).click();
    await expect.poll(() => status(repPage).textContent(), WAIT).toBe(`Saved ${number} revision 3`);
    await customer.reload();
    await expect.poll(() => accept.isDisabled(), WAIT).toBe(true);
    expect(await customer.locator('.madeto-quote-approval').textContent()).toContain(
      'awaits the seller’s approval',
    );
    await managerPage.getByRole('button', { name: 'Inbox' }).click();
    await managerPage.getByRole('button', { name: 'Approvals' }).click();
    const again = managerPage.getByRole('listitem').filter({ hasText: `${number} · rev. 3` });
    await again.getByRole('button', { name: 'Approve revision 3' }).click();
    await expect
      .poll(() => again.getByRole('status').textContent(), WAIT)
      .toBe(`Approved ${number} revision 3.`);

    // The customer accepts: one order.
    await customer.reload();
    await expect.poll(() => accept.isEnabled(), WAIT).toBe(true);
    await accept.click();
    await expect
      .poll(() => customer.locator('.madeto-shared-actions [role="status"]').textContent(), WAIT)
      .toMatch(/^Thank you: order O-\d{4}-\d{6} is placed\.$/);
    const orderNumber = /O-\d{4}-\d{6}/.exec(
      (await customer.locator('.madeto-shared-actions [role="status"]').textContent()) ?? '',
    )![0];
    // a second look cannot accept again
    await customer.reload();
    await expect.poll(() => accept.isDisabled(), WAIT).toBe(true);

    // 5. Exactly one order exists, and the rep's pipeline shows the quote accepted.
    const orders = pipelinePageWire.parse(
      await (
        await fetch(`${demo.apiUrl}/api/pipeline?kind=order&pageSize=100`, { headers: asManager })
      ).json(),
    );
    expect(orders.items.filter((o) => o.kind === 'order' && o.fromQuote === number)).toEqual([
      expect.objectContaining({ number: orderNumber }),
    ]);
    await repPage.getByRole('button', { name: 'Inbox' }).click();
    await repPage.getByLabel('Search number, customer or product').fill(number);
    await repPage.getByRole('button', { name: 'Search', exact: true }).click();
    const row = repPage.locator(`tr[data-kind="rep-quote"]`).filter({ hasText: number });
    await expect.poll(() => row.getAttribute('data-state'), WAIT).toBe('accepted');
    expect(await row.textContent()).toContain(`order ${orderNumber}`);
  }, 240_000);
});
