import type { ComponentType } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createLazyQuoteForm } from '../../src/embed/form/LazyQuoteForm.tsx';
import { QuoteForm, type QuoteFormProps } from '../../src/react/panels/QuoteForm.tsx';
import { seriousViolations } from '../react/axe.ts';
import { cleanup, render } from '../react/render.tsx';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';

afterEach(cleanup);

const DATE = '2026-11-23';

/** A form file that arrives, or fails, when the test says so; counts how often it was asked for. */
function formFile() {
  const file = {
    asked: 0,
    arrive: () => {},
    fail: () => {},
    load: () =>
      new Promise<ComponentType<QuoteFormProps>>((resolve, reject) => {
        file.asked++;
        file.arrive = () => resolve(QuoteForm);
        file.fail = () => reject(new Error('could not be loaded'));
      }),
  };
  return file;
}

const opened: string[] = [];
const incomplete: QuoteFormProps = {
  locale: 'en',
  minDate: DATE,
  onSubmit: async () => {},
  blockedReason: 'Finish the configuration to request a quote.',
  missing: [
    {
      attribute: 'frame',
      text: 'Choose Frame',
      where: 'in “Frame”',
      onOpen: () => opened.push('frame'),
    },
    {
      attribute: 'top',
      text: 'Choose Top',
      where: 'in “Desktop”',
      onOpen: () => opened.push('top'),
    },
  ],
};
const complete: QuoteFormProps = { locale: 'de-DE', minDate: DATE, onSubmit: async () => {} };

function frame(props: QuoteFormProps, width: number, file = formFile()) {
  const Lazy = createLazyQuoteForm(file.load, () => undefined);
  const container = render(
    <div className="madeto" data-theme="light" style={{ width }}>
      <Lazy {...props} />
    </div>,
  );
  const section = () => container.querySelector<HTMLElement>('section.madeto-quote')!;
  return { file, section, height: () => section().getBoundingClientRect().height };
}

describe('the quote form loaded from its own file (the shop app)', () => {
  it.each([
    ['incomplete, 1280 px', incomplete, 1280],
    ['incomplete, 390 px', incomplete, 390],
    ['complete, German, 390 px', complete, 390],
  ])(
    'the placeholder is as high as the form it becomes (%s), asks for the file unprompted',
    async (_name, props, width) => {
      const { file, section, height } = frame(props, width);
      expect(section().dataset.state).toBe('loading');
      expect(section().getAttribute('aria-busy')).toBe('true');
      // Its fields are there (named, disabled) and the reasons Send is unavailable already show.
      const name = page.getByRole('textbox', { name: 'Name' });
      await expect.element(name).toBeDisabled();
      const before = height();
      expect(await seriousViolations(section())).toEqual([]);
      // Near the viewport and idle: the file is asked for without a press.
      await expect.poll(() => file.asked).toBe(1);
      file.arrive();
      await expect.poll(() => section().dataset.state).toBe('editing');
      await expect.element(name).toBeEnabled();
      expect(height()).toBe(before);
      // Near the viewport and idle both came: it was asked for once.
      expect(file.asked).toBe(1);
    },
  );

  it('a file that fails: a clear message and a retry in its place, then the form', async () => {
    const { file, section } = frame(incomplete, 600);
    await expect.poll(() => file.asked).toBe(1);
    file.fail();
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent(/could not be loaded.*configuration is kept/);
    expect(section().dataset.state).toBe('unavailable');
    // The configuration's links still work while the form is missing.
    await page.getByRole('button', { name: 'Choose Top' }).click();
    expect(opened).toEqual(['top']);
    expect(await seriousViolations(section())).toEqual([]);
    await page.getByRole('button', { name: 'Load the form again' }).click();
    expect(file.asked).toBe(2);
    await expect.poll(() => section().dataset.state).toBe('loading');
    file.arrive();
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    expect(section().dataset.state).toBe('editing');
  });
});
