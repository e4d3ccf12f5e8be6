import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { RepQuote } from '../src/react/rep/RepQuote.tsx';
import { NOW, data, models, repStates } from '../test/rep/repFixtures.ts';
import { memoryRepApi } from '../test/rep/repStubs.ts';
import '../src/react/styles/madeto.css';
import '../src/react/styles/panels.css';
import '../src/react/styles/quote-print.css';

/** A draft the rep has not finished: no customer yet (saving names what is missing). */
const unfinished = { ...repStates.valid, customer: { name: '', email: '' }, rep: '' };
/** An unpriceable line (a product the pricing does not know): the error is shown, not thrown. */
const unpriceable = {
  ...repStates.valid,
  lines: [{ lineId: 'L1', productId: 'UNKNOWN', quantity: 1, selection: {} }],
};

/** Clicks "Save quote" in `root` (a story's canvas or one state of `AllStates`). */
const save = async (root: HTMLElement, name = 'Save quote') =>
  userEvent.click(await within(root).findByRole('button', { name }));

/**
 * The editor, with an in-memory stand-in for the reference backend (`api`); without one it
 * saves to `apiBase` (`madeto serve`, proxied at /api).
 */
const meta = {
  title: 'Rep/RepQuote',
  component: RepQuote,
  args: {
    models,
    pricing: data.pricing,
    snapshot: data.snapshot,
    apiBase: '',
    token: 'storybook-rep-token',
    now: NOW,
    initial: repStates.valid,
  },
  render: (args) => <RepQuote {...args} api={memoryRepApi()} />,
} satisfies Meta<typeof RepQuote>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Valid: Story = {};
export const ApprovalRequired: Story = { args: { initial: repStates.approvalRequired } };
export const ShipAsap: Story = { args: { initial: repStates.shipAsap } };
export const Unpriceable: Story = { args: { initial: unpriceable } };
/** Saving an unfinished draft: each missing field is named next to it; nothing is sent. */
export const Invalid: Story = {
  args: { initial: unfinished },
  play: async ({ canvasElement }) => {
    await save(canvasElement);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Enter the name of the customer.')).toBeInTheDocument();
    await expect(canvas.getByLabelText('Customer name')).toHaveAttribute('aria-invalid', 'true');
  },
};
/** Saved: number, revision, the customer's link. */
export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await save(canvasElement);
    await expect(
      await within(canvasElement).findByText('Saved RQ-2026-000001 revision 1'),
    ).toBeInTheDocument();
  },
};
/** German words, numbers, percentages and dates (`locale="de-DE"`). */
export const German: Story = { args: { initial: repStates.approvalRequired, locale: 'de-DE' } };

const states = [
  ['valid', repStates.valid, 'en'],
  ['approval-required', repStates.approvalRequired, 'en'],
  ['unpriceable', unpriceable, 'en'],
  ['invalid', unfinished, 'en'],
  ['saved', repStates.shipAsap, 'en'],
  ['german', repStates.approvalRequired, 'de-DE'],
] as const;
/** Every state on one page; the play function saves the unfinished draft and the saved one. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 32 }}>
      {states.map(([name, initial, locale]) => (
        <figure key={name} data-story-state={name} style={{ margin: 0 }}>
          <figcaption>{name}</figcaption>
          <RepQuote {...args} initial={initial} locale={locale} api={memoryRepApi()} />
        </figure>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const state = (name: string) =>
      canvasElement.querySelector<HTMLElement>(`[data-story-state="${name}"]`)!;
    await save(state('invalid'));
    await save(state('saved'));
    await expect(
      await within(state('saved')).findByText('Saved RQ-2026-000001 revision 1'),
    ).toBeInTheDocument();
  },
};
