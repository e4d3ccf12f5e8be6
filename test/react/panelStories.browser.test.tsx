import { composeStories } from '@storybook/react-vite';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import * as priceStories from '../../stories/PriceSummary.stories.tsx';
import * as promiseStories from '../../stories/PromiseSummary.stories.tsx';
import * as quoteStories from '../../stories/QuoteForm.stories.tsx';
import { seriousViolations } from './axe.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';

afterEach(cleanup);

const price = composeStories(priceStories);
const promised = composeStories(promiseStories);
const quote = composeStories(quoteStories);

describe('panel stories render in Chromium', () => {
  it.each([
    ['PriceSummary', price.AllStates],
    ['PromiseSummary', promised.AllStates],
  ])('%s AllStates: every state, axe clean', async (_name, Story) => {
    const container = render(<Story />);
    expect(container.querySelectorAll('figure').length).toBeGreaterThanOrEqual(10);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('QuoteForm AllStates: the play function reaches invalid, submitting, success and failure', async () => {
    const container = render(<quote.AllStates />);
    await quote.AllStates.play!({ canvasElement: container } as never);
    const state = (name: string) =>
      container
        .querySelector(`[data-story-state="${name}"] .madeto-quote`)
        ?.getAttribute('data-state');
    await expect.poll(() => state('success')).toBe('success');
    expect(state('failure')).toBe('failure');
    expect(state('submitting')).toBe('submitting');
    await expect
      .element(page.getByText('Enter a valid email address', { exact: false }))
      .toBeVisible();
    expect(await seriousViolations(container)).toEqual([]);
  });
});
