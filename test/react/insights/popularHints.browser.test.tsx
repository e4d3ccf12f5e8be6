// "Popular with buyers" in the widget as the story shows it (stories/PopularHints.stories.tsx):
// a card carries the words in its tag; a segment or list row a star, with the words as the star's
// key at the end of the field's legend line, readable, not over the legend's own words.
import { composeStories } from '@storybook/react-vite';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import * as stories from '../../../stories/PopularHints.stories.tsx';
import { cleanup, render } from '../render.tsx';
import '../../../src/react/styles/madeto.css';

const { HintsOn, Phone } = composeStories(stories);

afterEach(cleanup);

/** The hints on screen: per field, the words' box against the legend's words and the options. */
const hints = () =>
  [...document.querySelectorAll<HTMLElement>('.madeto-popular')].map((el) => {
    const field = el.closest('fieldset')!;
    const legend = field.querySelector(':scope > legend')!;
    const range = document.createRange();
    range.selectNodeContents(legend);
    const words = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const options = field.querySelector('.madeto-options')!.getBoundingClientRect();
    const variant = el.closest('.madeto-option')!.getAttribute('data-variant');
    return {
      field: legend.firstChild?.textContent?.trim(),
      variant,
      text: el.textContent,
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      keyInLegendLine: variant === 'card' || (box.bottom <= options.top && box.left >= words.right),
      star: variant === 'card' || getComputedStyle(el.parentElement!, '::after').content === '"★"',
    };
  });

describe('"Popular with buyers" in segments, cards and list rows', () => {
  it.each([
    ['full width', HintsOn],
    ['phone width', Phone],
  ])('the words are readable in every kind of option (%s)', async (_name, Story) => {
    render(<Story />);
    await expect.poll(() => document.querySelectorAll('.madeto-popular').length).toBe(3);
    const all = hints();
    expect(all.map((h) => [h.field, h.variant])).toEqual([
      ['Size', 'segment'],
      ['Material', 'card'],
      ['Shelf inserts', 'list'],
    ]);
    for (const h of all)
      expect(h).toMatchObject({ text: 'Popular with buyers', keyInLegendLine: true, star: true });
    expect(all.every((h) => h.fontSize >= 11)).toBe(true);
    // The value's accessible description says it too.
    await expect
      .element(page.getByRole('radio', { name: /^Medium/ }))
      .toHaveAccessibleDescription(/Popular with buyers/);
  });
});
