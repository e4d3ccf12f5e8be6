import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Configurator } from '../../../src/react/components/Configurator.tsx';
import { StickySummary } from '../../../src/react/components/StickySummary.tsx';
import { formatDate, formatMoney } from '../../../src/react/i18n/format.ts';
import { defaultPanels } from '../../../src/react/panels/defaultPanels.tsx';
import {
  priceOutcome,
  pricingDate,
  promiseOutcome,
} from '../../../src/react/panels/panelEngine.ts';
import { seriousViolations } from '../axe.ts';
import {
  NOW,
  availabilityJson,
  completeSelection,
  desk,
  panelStates,
  pricingJson,
} from '../panelFixtures.ts';
import { cleanup, render } from '../render.tsx';
import '../../../src/react/styles/madeto.css';
import '../../../src/react/styles/panels.css';

afterEach(cleanup);

function bar(state: keyof typeof panelStates, onReview = () => {}) {
  const context = panelStates[state];
  const price = priceOutcome(context, pricingDate(context, NOW));
  const promise = promiseOutcome(context, NOW);
  const container = render(
    <div className="madeto" data-theme="light">
      <StickySummary price={price} promise={promise} locale={context.locale} onReview={onReview} />
    </div>,
  );
  return { container, price, promise };
}

describe('<StickySummary>', () => {
  it.each([
    ['valid', 'Total'],
    ['incomplete', 'So far'],
    ['approvalRequired', 'Total'],
  ] as const)('%s: shows the engine total and delivery date, axe clean', async (state, label) => {
    const { container, price, promise } = bar(state);
    if (!('result' in price) || !('result' in promise)) throw new Error('fixture without results');
    const group = page.getByRole('group', { name: 'Your configuration' });
    await expect.element(group).toBeVisible();
    const total = formatMoney(price.result.total, price.result.currency, 'en');
    expect(container.querySelector('[data-figure="total"]')?.textContent).toBe(`${label}${total}`);
    expect(container.querySelector('[data-figure="delivery"] dd')?.textContent).toBe(
      formatDate(promise.result.deliveryDate!, 'en'),
    );
    expect(await seriousViolations(container)).toEqual([]);
  });

  it.each([
    ['loading', '…', '…'],
    ['unavailable', 'present', 'not available'],
    ['absent', null, null],
    ['error', null, null],
  ] as const)('%s: total %s, delivery %s', async (state, total, delivery) => {
    const { container } = bar(state);
    const text = (figure: string) =>
      container.querySelector(`[data-figure="${figure}"] dd`)?.textContent ?? null;
    if (total === 'present') expect(text('total')).toMatch(/€/);
    else expect(text('total')).toBe(total);
    expect(text('delivery')).toBe(delivery);
    await expect.element(page.getByRole('button', { name: 'Review' })).toBeVisible();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('Review calls back', async () => {
    let reviewed = 0;
    bar('valid', () => reviewed++);
    await userEvent.click(page.getByRole('button', { name: 'Review' }));
    expect(reviewed).toBe(1);
  });
});

describe('the sticky bar in a <Configurator>', () => {
  const widget = (width: number) =>
    render(
      <div style={{ width }}>
        <Configurator
          model={desk}
          pricing={pricingJson}
          availability={availabilityJson}
          initialSelection={completeSelection}
          urlKey={false}
          panels={defaultPanels}
        />
      </div>,
    );
  const slot = (container: HTMLElement) =>
    container.querySelector<HTMLElement>('.madeto-sticky-slot')!;

  it('a narrow slot shows it, with the total the price panel shows; Review focuses the summary', async () => {
    const container = widget(390);
    const review = page.getByRole('button', { name: 'Review' });
    await expect.element(review).toBeVisible();
    expect(getComputedStyle(slot(container)).position).toBe('sticky');
    const total = container.querySelector('[data-figure="total"] dd')!.textContent!;
    expect(container.querySelector('.madeto-panel-stack')!.textContent).toContain(total);
    await userEvent.click(review);
    expect(document.activeElement).toBe(container.querySelector('.madeto-panel-stack'));
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('a wide slot has no bar (the summary column is beside the choices)', async () => {
    const container = widget(1100);
    await expect.poll(() => slot(container)?.childElementCount ?? 0).toBe(1);
    expect(getComputedStyle(slot(container)).display).toBe('none');
    expect(slot(container).querySelector('button')!.checkVisibility()).toBe(false);
  });
});
