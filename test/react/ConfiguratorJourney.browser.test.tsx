import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { defaultPanels } from '../../src/react/panels/defaultPanels.tsx';
import { availabilityJson, completeSelection, desk, pricingJson } from './panelFixtures.ts';
import { seriousViolations } from './axe.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';

const base = window.location.pathname;
afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', base);
});

function widget(props: { initialSelection?: Record<string, unknown>; urlKey?: string } = {}) {
  return render(
    <Configurator
      model={desk}
      pricing={pricingJson}
      availability={availabilityJson}
      urlKey={props.urlKey ?? false}
      layout="all"
      panels={defaultPanels}
      submit={() => Promise.resolve({ number: 'Q-1' })}
      {...(props.initialSelection && { initialSelection: props.initialSelection as never })}
    />,
  );
}

const send = () => page.getByRole('button', { name: 'Send request' });
const engraving = () => page.getByRole('textbox', { name: 'Engraving' });

describe('one state of "complete": steps, price panel, quote form and Send agree', () => {
  it('a text the pattern refuses is kept as typed, named with its characters, and blocks everything alike', async () => {
    widget({ initialSelection: completeSelection });
    await expect.element(page.getByRole('region', { name: 'Price' })).toBeVisible();
    // The attribute's description and its limit are shown.
    await expect.element(page.getByText('Laser-engraved, up to 24 characters.')).toBeVisible();
    await engraving().fill('Für Anna');
    await expect.element(engraving()).toHaveValue('Für Anna');
    await expect.element(engraving()).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(page.getByText('Engraving on the front edge cannot contain “ü”.', { exact: false }))
      .toBeVisible();
    const personal = document.querySelector('section.madeto-group:last-of-type');
    expect(personal?.getAttribute('data-state')).not.toBe('complete');
    expect(document.querySelector('.madeto-layout')?.getAttribute('data-state')).toBe('incomplete');
    await expect.element(send()).toBeDisabled();
    const why = page.getByText('Send is unavailable:').element().parentElement!;
    await expect
      .poll(() => why.textContent)
      .toContain('Correct Engraving on the front edge in “Personalisation”');
    expect(await seriousViolations(document.body)).toEqual([]);
    // Correcting it completes the configuration again.
    await engraving().fill('For Anna');
    await expect
      .poll(() => document.querySelector('.madeto-layout')?.getAttribute('data-state'))
      .toBe('valid');
  });

  it('80 typed characters are kept, and the field says the limit (24) and the length', async () => {
    widget({ initialSelection: completeSelection });
    await engraving().fill('x'.repeat(80));
    await expect.element(engraving()).toHaveValue('x'.repeat(80));
    await expect
      .element(
        page.getByText('Engraving on the front edge takes at most 24 characters: this has 80.', {
          exact: false,
        }),
      )
      .toBeVisible();
  });
});

describe('every disabled action says why, next to it', () => {
  it('toolbar, step and Send reasons; a missing choice links to its step', async () => {
    widget();
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect.element(undo).toHaveAttribute('aria-disabled', 'true');
    await expect.element(undo).toHaveAccessibleDescription('Nothing to undo yet.');
    await expect
      .element(page.getByRole('button', { name: 'Reset' }))
      .toHaveAccessibleDescription('Nothing chosen yet.');
    await expect.element(send()).toBeDisabled();
    const why = page.getByText('Send is unavailable:').element().parentElement!;
    expect(why.textContent).toContain('Enter your name.');
    expect(why.textContent).toContain('Enter a valid email address');
    expect(why.textContent).toContain('Choose Lifting system in “Frame”');
    await page.getByRole('button', { name: 'Choose Top material' }).click();
    await expect.element(page.getByRole('heading', { name: 'Desktop', level: 3 })).toHaveFocus();
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    await expect.poll(() => why.isConnected && why.textContent).not.toContain('Enter your name.');
    expect(await seriousViolations(document.body)).toEqual([]);
  });

  it('with every choice made, the completion buttons say so once, and each is described by it', async () => {
    widget({ initialSelection: completeSelection });
    for (const name of ['Complete for me', 'Cheapest', 'Fastest'])
      await expect
        .element(page.getByRole('button', { name, exact: true }))
        .toHaveAccessibleDescription('Every choice is made.');
    expect(page.getByText('Every choice is made.').elements()).toHaveLength(1);
  });

  it('a requested date before the earliest delivery is named next to Send', async () => {
    widget({ initialSelection: completeSelection });
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    await expect.element(send()).toBeEnabled();
    await page.getByLabelText('Requested delivery date').fill('2026-01-02');
    await expect.element(send()).toBeDisabled();
    const why = page.getByText('Send is unavailable:').element().parentElement!;
    expect(why.textContent).toMatch(/Choose .* or later\./);
  });
});

describe('quantity and URL input', () => {
  it.each([
    ['0', 'below the minimum of 1'],
    ['-3', 'below the minimum of 1'],
    ['1.5', 'is not a whole number'],
    ['100000', 'is more than the 9999 this form takes'],
  ])('%s is refused with a message and never silently restored', async (typed, words) => {
    widget({ initialSelection: completeSelection });
    const q = page.getByRole('spinbutton', { name: 'Quantity' });
    await q.fill(typed);
    await expect.element(q).toHaveValue(Number(typed));
    await expect.element(q).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByRole('alert').filter({ hasText: words })).toBeVisible();
    await expect
      .element(page.getByRole('alert').filter({ hasText: 'The quantity stays 1.' }))
      .toBeVisible();
    await q.fill('3');
    await expect.element(q).not.toHaveAttribute('aria-invalid');
  });

  it('a link with q=99999999999 loads and names the quantity it dropped', async () => {
    window.history.replaceState(
      null,
      '',
      `${base}?${new URLSearchParams({ 'madeto-t': `${desk.id}@${desk.version}|q=99999999999|frame=steel` })}`,
    );
    widget({ urlKey: 't' });
    const notice = page.getByRole('alert').filter({ hasText: 'could not be kept whole' });
    await expect
      .element(notice)
      .toHaveTextContent('Quantity: quantity “99999999999” cannot be ordered (from 1 to 9999)');
    await expect.element(page.getByRole('radio', { name: /^Steel/ })).toBeChecked();
    expect(document.body.textContent).not.toContain('RangeError');
  });
});

describe('error boundary', () => {
  it('an error inside the widget shows what happened with Retry, which renders it again', async () => {
    let fail = true;
    const Panel = () => {
      if (fail) throw new Error('a panel broke');
      return <p>panel is back</p>;
    };
    render(<Configurator model={desk} urlKey={false} panels={() => <Panel />} />);
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('Something went wrong in the configurator');
    await expect.element(alert).toHaveTextContent('a panel broke');
    fail = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.element(page.getByText('panel is back')).toBeVisible();
    await userEvent.tab();
  });
});
