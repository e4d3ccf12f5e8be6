// What a buyer does on the demo, by role and label: open a product, answer every step with the
// first option that fits, read the selection the page holds (its link), send the quote request.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright';
import { expect } from 'vitest';
import { parseModel, type ProductModel, type Selection } from '../../src/engine/index.ts';
import { decodeSelection } from '../../src/react/url/selectionParam.ts';
import { migrateSelection } from '../../src/react/url/migrateSelection.ts';

const catalogueDir = new URL('../../public/catalogue/', import.meta.url);
const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, catalogueDir), 'utf8'));

/** A product of the demo catalogue with its model (read from `public/catalogue/`). */
export interface Product {
  id: string;
  name: string;
  model: ProductModel;
}

/** The demo catalogue's products, read from the files the demo serves. */
export function demoProducts(): Product[] {
  const index = readJson('index.json') as {
    products: { id: string; name: string; model: string }[];
  };
  return index.products.map((p) => ({
    id: p.id,
    name: p.name,
    model: parseModel(readJson(p.model.replace(/^.*\//, ''))),
  }));
}

/** The product's configurator (its region, named after the product). */
export const widget = (page: Page, product: Product) =>
  page.getByRole('region', { name: product.name, exact: true });

/** Opens the demo on `product` with nothing chosen. */
export async function openProduct(page: Page, base: string, product: Product): Promise<Locator> {
  await page.goto(`${base}/#/${product.id}`);
  const region = widget(page, product);
  await region.getByRole('navigation', { name: 'Steps' }).waitFor();
  return region;
}

/** The choices the page holds as its link (`?madeto=…`) writes them: attribute id → text. */
export function choicesInUrl(page: Page): Record<string, string> {
  const param = new URL(page.url()).searchParams.get('madeto');
  return (param ? decodeSelection(param)?.raw : undefined) ?? {};
}

/** A stored selection written as the link writes it (lists joined by commas). */
export const asLinkText = (selection: Selection): Record<string, string> =>
  Object.fromEntries(
    Object.entries(selection).map(([id, v]) => [id, Array.isArray(v) ? v.join(',') : String(v)]),
  );

/** The selection the page holds, read from its link (`?madeto=…`) and typed against the model. */
export function selectionInUrl(page: Page, product: Product): Selection {
  const param = new URL(page.url()).searchParams.get('madeto');
  const saved = param ? decodeSelection(param) : undefined;
  if (!saved) return {};
  return migrateSelection(product.model, saved)?.selection ?? {};
}

/** The state a value's option shows (`available`, `conflict`, `impossible`, `selected`). */
const optionState = (option: Locator) =>
  option.evaluate((el) => el.closest('label')?.getAttribute('data-state') ?? 'available');

/** The first option of `options` a buyer can pick without changing other choices. */
async function firstAvailable(options: Locator): Promise<Locator | undefined> {
  for (const option of await options.all())
    if ((await optionState(option)) === 'available') return option;
  return undefined;
}

/** Answers what the current step still asks, with the first option that fits. */
async function answerStep(form: Locator): Promise<void> {
  for (const group of await form.getByRole('group').all()) {
    const radios = group.getByRole('radio');
    if ((await radios.count()) === 0) continue;
    if ((await group.getByRole('radio', { checked: true }).count()) > 0) continue;
    await (await firstAvailable(radios))?.check();
  }
  for (const select of await form.getByRole('combobox').all()) {
    if ((await select.inputValue()) !== '') continue;
    const values = await select
      .locator('option:not([disabled])')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    if (values[0]) await select.selectOption(values[0]);
  }
  for (const number of await form.getByRole('spinbutton').all()) {
    if ((await number.inputValue()) !== '') continue;
    await number.fill((await number.getAttribute('min')) ?? '1');
    await number.press('Tab');
  }
  // A yes/no attribute not answered yet is a mixed checkbox: a click answers "yes". When "yes"
  // needs other changes the page explains them, and the buyer applies them: "no" cannot be
  // answered from there (see the `it.fails` journey in buyerJourney.e2e.test.ts).
  for (const box of await form.getByRole('checkbox').all()) {
    if (!(await box.evaluate((el) => (el as HTMLInputElement).indeterminate))) continue;
    await box.click();
    const dialog = form.page().getByRole('dialog');
    if (await dialog.isVisible())
      await dialog.getByRole('button', { name: 'Apply change', exact: true }).click();
  }
}

/** Answers the multi-value groups that still ask for a choice (`Choose N more.`). */
async function answerMultis(form: Locator): Promise<void> {
  for (const group of await form.getByRole('group').all()) {
    if (!/Choose \d+ more/.test((await group.textContent()) ?? '')) continue;
    await (await firstAvailable(group.getByRole('checkbox', { checked: false })))?.check();
  }
}

/** Goes through every step from the first and answers it, until every step says complete. */
export async function configureAll(region: Locator, product: Product): Promise<void> {
  // The configurator's form is named after the model (the catalogue may name the product shorter).
  const steps = region.getByRole('navigation', { name: 'Steps' }).getByRole('button');
  const form = region.getByRole('form', { name: product.model.name, exact: true });
  const count = await steps.count();
  for (let i = 0; i < count; i++) {
    await steps.nth(i).click();
    for (
      let pass = 0;
      pass < 6 && !/complete/.test((await steps.nth(i).textContent()) ?? '');
      pass++
    )
      await (pass === 0 ? answerStep(form) : answerMultis(form).then(() => answerStep(form)));
    await expect.poll(() => steps.nth(i).textContent()).toMatch(/complete/);
  }
}

/** Fills name and e-mail, sends the quote request, and returns the number the page confirms. */
export async function sendRequest(region: Locator, name: string, email: string): Promise<string> {
  const form = region.getByRole('form', { name: 'Request a quote' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await form.getByRole('button', { name: 'Send request' }).click();
  const sent = region.getByText(/your request (\S+) was sent/);
  await sent.waitFor({ timeout: 20_000 });
  return /your request (\S+) was sent/.exec((await sent.textContent()) ?? '')![1]!;
}

/** The step buttons' texts (each says how many required answers it has, or complete). */
export const stepTexts = (region: Locator) =>
  region.getByRole('navigation', { name: 'Steps' }).getByRole('button').allTextContents();

/**
 * The visible disabled buttons in `scope` with no visible reason: neither the text their
 * `aria-describedby` points at nor the element right after them says why. Their names, with the
 * reason found for every other one.
 */
export function disabledButtons(scope: Locator): Promise<{ name: string; reason: string }[]> {
  return scope.evaluate((root) => {
    const shown = (el: Element | null): el is HTMLElement =>
      el instanceof HTMLElement && el.checkVisibility() && el.innerText.trim() !== '';
    return [...root.querySelectorAll('button')]
      .filter(
        (b) => (b.disabled || b.getAttribute('aria-disabled') === 'true') && b.checkVisibility(),
      )
      .map((b) => {
        const described = (b.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id))
          .filter(shown)
          .map((el) => el.innerText.trim());
        // The text beside it: a sentence right after or before it, not another field.
        const beside = [b.nextElementSibling, b.previousElementSibling].find(
          (el): el is HTMLElement =>
            shown(el) && !el.querySelector('input, select, textarea, button'),
        );
        const reason = described.join(' ') || (beside?.innerText.trim() ?? '');
        return { name: (b.getAttribute('aria-label') ?? b.innerText).trim(), reason };
      });
  });
}
