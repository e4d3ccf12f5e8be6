import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  parsePricing,
  parseSnapshot,
  price,
  priceDeltaHook,
  promise,
} from '../../src/engine/index.ts';
import type { ConfiguratorPanelContext } from '../../src/react/engine/valueExtras.ts';
import { formatDate, formatMoney } from '../../src/react/i18n/format.ts';
import { PriceSummary } from '../../src/react/panels/PriceSummary.tsx';
import { PromiseSummary } from '../../src/react/panels/PromiseSummary.tsx';
import { QuoteForm } from '../../src/react/panels/QuoteForm.tsx';
import { seriousViolations } from './axe.ts';
import { NOW, panelStates, type PanelStateName } from './panelFixtures.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';

afterEach(cleanup);

/** The fixtures' pricing date: the Berlin plant's day of NOW. */
const DATE = '2026-11-23';

function frame(ui: React.ReactNode, dir?: 'rtl', theme: 'light' | 'dark' = 'light') {
  return render(
    <div className="madeto" data-theme={theme} dir={dir}>
      {ui}
    </div>,
  );
}

/** The engine's answers for a context, to compare with what the panels show. */
function engine(context: ConfiguratorPanelContext) {
  const pricing = parsePricing(context.pricing);
  const line = {
    lineId: 'L1',
    productId: context.model.id,
    quantity: context.quantity,
    selection: context.selection,
  };
  return {
    price: price(
      { date: DATE, currency: 'EUR', lines: [{ ...line, category: context.model.category }] },
      { pricing, models: [context.model] },
    ),
    promise: promise(
      { now: NOW, lines: [line] },
      {
        snapshot: parseSnapshot(context.availability),
        models: [context.model],
        priceDelta: priceDeltaHook(
          { pricing, models: [context.model] },
          { currency: 'EUR', date: DATE },
        ),
      },
    ),
  };
}

describe('price and delivery panels in every fixture state', () => {
  it.each([
    ['loading', 'loading', 'loading'],
    ['absent', 'absent', 'absent'],
    ['error', 'error', 'error'],
    ['incomplete', 'incomplete', 'incomplete'],
    ['valid', 'valid', 'valid'],
    ['unavailable', 'valid', 'unavailable'],
    ['approvalRequired', 'approval-required', 'valid'],
    ['tierHint', 'valid', 'valid'],
    ['longLabels', 'valid', 'valid'],
    ['german', 'valid', 'valid'],
    ['rtl', 'valid', 'valid'],
  ] as const)('%s: price %s, delivery %s, axe clean', async (state, priceState, promiseState) => {
    const context = panelStates[state as PanelStateName];
    const container = frame(
      <>
        <PriceSummary context={context} now={NOW} />
        <PromiseSummary context={context} now={NOW} />
      </>,
      state === 'rtl' ? 'rtl' : undefined,
    );
    const [priceEl, promiseEl] = container.querySelectorAll('section');
    expect(priceEl?.dataset.state).toBe(priceState);
    expect(promiseEl?.dataset.state).toBe(promiseState);
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('the dark theme', () => {
  it('keeps every panel state readable (axe clean)', async () => {
    const states = ['valid', 'tierHint', 'approvalRequired', 'unavailable', 'error'] as const;
    const container = frame(
      <>
        {states.map((state) => (
          <div key={state}>
            <PriceSummary context={panelStates[state]} now={NOW} onQuantity={() => {}} />
            <PromiseSummary context={panelStates[state]} now={NOW} onApply={() => {}} />
          </div>
        ))}
        <QuoteForm locale="en" minDate={DATE} onSubmit={async () => {}} />
      </>,
      undefined,
      'dark',
    );
    expect(getComputedStyle(container.firstElementChild!).backgroundColor).toBe('rgb(22, 24, 29)');
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('<PriceSummary>', () => {
  it('shows the tier hint and changes the quantity in one click', async () => {
    const context = panelStates.tierHint;
    const hint = engine(context).price.lines[0]!.tierHint!;
    const asked: number[] = [];
    frame(<PriceSummary context={context} now={NOW} onQuantity={(q) => asked.push(q)} />);
    const saves = formatMoney(hint.saves, 'EUR', 'en', { short: true });
    await expect.element(page.getByText(`Order ${hint.quantity} and save ${saves}`)).toBeVisible();
    await page.getByRole('button', { name: `Order ${hint.quantity}` }).click();
    expect(asked).toEqual([hint.quantity]);
  });

  it('says clearly when the price needs approval', async () => {
    const context = panelStates.approvalRequired;
    const { violations } = engine(context).price;
    frame(<PriceSummary context={context} now={NOW} />);
    const note = page.getByRole('note');
    await expect.element(note).toHaveTextContent(/needs approval/);
    // The guardrail itself (limit, figure) is internal: never on the buyer's screen.
    expect(violations.length).toBeGreaterThan(0);
    await expect.element(note).not.toHaveTextContent(violations[0]!.message);
    await expect.element(note).not.toHaveTextContent(violations[0]!.limit);
  });

  it('announces the new total when the quantity changes', async () => {
    const said: string[] = [];
    const base = { ...panelStates.valid, announce: (m: string) => void said.push(m) };
    function Live() {
      const [quantity, setQuantity] = useState(1);
      return <PriceSummary context={{ ...base, quantity }} now={NOW} onQuantity={setQuantity} />;
    }
    frame(<Live />);
    await page.getByRole('spinbutton', { name: 'Quantity' }).fill('3');
    const total = engine({ ...base, quantity: 3 }).price.total;
    await expect.poll(() => said).toEqual([`Price: ${formatMoney(total, 'EUR', 'en')}`]);
  });
});

describe('<PromiseSummary>', () => {
  it('offers the swaps that make an unavailable desk deliverable, applied in one click', async () => {
    const context = panelStates.unavailable;
    const swaps = engine(context).promise.suggestions.filter((s) => s.type === 'optionSwap');
    expect(swaps.length).toBeGreaterThan(0);
    const applied: unknown[] = [];
    frame(<PromiseSummary context={context} now={NOW} onApply={(p) => applied.push(p)} />);
    await expect.element(page.getByText(/cannot be delivered/)).toBeVisible();
    await expect.element(page.getByText(/none of our suppliers can deliver it/)).toBeVisible();
    const buttons = page.getByRole('region', { name: 'Delivery' }).getByRole('button');
    expect(buttons.elements()).toHaveLength(swaps.length);
    await buttons.first().click();
    expect(applied).toEqual([swaps[0]!.change]);
  });

  it('shows the P90 delivery when the snapshot makes the date uncertain', async () => {
    const { topDecor: _laminate, ...rest } = panelStates.valid.selection;
    const context = {
      ...panelStates.valid,
      quantity: 3,
      selection: { ...rest, topMaterial: 'walnut', woodFinish: 'natural-oil' },
    };
    const { confidence } = engine(context).promise;
    expect(confidence?.method).not.toBe('none');
    frame(<PromiseSummary context={context} now={NOW} />);
    await expect
      .element(page.getByRole('region', { name: 'Delivery' }))
      .toHaveTextContent(`Latest likely delivery (P90)${formatDate(confidence!.p90, 'en')}`);
  });

  it('names the main driver in words and pictures the timeline', async () => {
    const context = panelStates.valid;
    const main = engine(context).promise.drivers[0]!;
    frame(<PromiseSummary context={context} now={NOW} />);
    await expect.element(page.getByText('Main reason:')).toBeVisible();
    if (main.kind === 'material' && main.cause === 'inbound') {
      await expect
        .element(page.getByText('arrives from our supplier on', { exact: false }))
        .toBeVisible();
      // The purchase order is the planner's detail, not the buyer's.
      await expect
        .element(page.getByRole('region', { name: 'Delivery' }))
        .not.toHaveTextContent(main.po!);
    }
    const stages = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    expect(stages.elements().map((e) => e.dataset.stage)).toEqual([
      'accept',
      'materials',
      'production',
      'ship',
      'delivery',
    ]);
  });
});

describe('<QuoteForm>', () => {
  it('shows progress, then a failure with a retry, then success', async () => {
    let attempts = 0;
    let release: () => void = () => {};
    const onSubmit = () =>
      new Promise<void>((resolve, reject) => {
        attempts++;
        release = attempts === 1 ? () => reject(new Error('the server answered 503')) : resolve;
      });
    frame(<QuoteForm locale="en" minDate={DATE} onSubmit={onSubmit} />);
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    await page.getByRole('button', { name: 'Send request' }).click();
    // Sending: unavailable but still focused (aria-disabled), and a second press sends nothing.
    const sending = page.getByRole('button', { name: 'Sending…' });
    await expect.element(sending).toHaveAttribute('aria-disabled', 'true');
    await expect.element(sending).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(attempts).toBe(1);
    release();
    await expect.element(page.getByRole('alert')).toHaveTextContent('the server answered 503');
    await page.getByRole('button', { name: 'Try again' }).click();
    release();
    // Success replaces the form; the focus follows to the message, not to <body>.
    const done = page.getByRole('status');
    await expect.element(done).toHaveTextContent('your request was sent');
    await expect.element(done).toHaveFocus();
    expect(attempts).toBe(2);
  });
});
