import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { QuoteForm } from '../src/react/panels/QuoteForm.tsx';
import { translator } from '../src/react/i18n/messages.ts';
import '../src/react/styles/panels.css';
import { Frame, framed } from './StatesGrid.tsx';

/** The promised delivery of the catalogue's complete desk on its snapshot day (fixtures). */
const MIN_DATE = '2026-12-03';

const sent = () => Promise.resolve();
const never = () => new Promise<void>(() => {});
const refused = () => Promise.reject(new Error('the server answered 503 Service Unavailable'));

const meta = {
  title: 'Panels/QuoteForm',
  component: QuoteForm,
  args: { locale: 'en', minDate: MIN_DATE, onSubmit: fn(sent) },
  decorators: [framed({ maxWidth: 420 })],
} satisfies Meta<typeof QuoteForm>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Empty: the submit button waits for a name and a valid email. */
export const Editing: Story = {};
/** The configuration is not complete yet. */
export const Incomplete: Story = {
  args: { blockedReason: translator('en')('form.incomplete') },
};
/** German labels, messages and date. */
export const German: Story = { args: { locale: 'de-DE' } };
/** Long prefilled values wrap. */
export const LongValues: Story = {
  args: {
    defaultValues: {
      name: 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach',
      email: 'procurement.department.central.purchasing@example-enterprise-holdings.com',
      company: 'Internationale Büromöbel- und Arbeitsplatzausstattungs-Handelsgesellschaft mbH',
    },
  },
};

/** A filled-in request, as the sending, sent and failed states show it. */
const FILLED = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  company: 'Analytical Engines Ltd',
};
const WHY = 'the server answered 503 Service Unavailable';

/** Sending: the button says so and stays focusable (aria-disabled); shown at once. */
export const Sending: Story = {
  args: { initialState: 'submitting', defaultValues: FILLED, onSubmit: fn(never) },
};
/** Sent: the thank-you that replaces the form (with the quote number when the backend gives one). */
export const Sent: Story = { args: { initialState: 'success', defaultValues: FILLED } };
/** Failed: the reason in an alert and a retry that sends the same values again. */
export const Failed: Story = {
  args: {
    initialState: 'failure',
    initialFailure: WHY,
    defaultValues: FILLED,
    onSubmit: fn(refused),
  },
};

const cases: {
  state: string;
  onSubmit: () => Promise<void>;
  initialState?: 'submitting' | 'success' | 'failure';
  locale?: string;
  dir?: 'rtl';
  theme?: 'dark';
}[] = [
  { state: 'editing', onSubmit: sent },
  { state: 'invalid', onSubmit: sent },
  { state: 'submitting', onSubmit: never, initialState: 'submitting' },
  { state: 'success', onSubmit: sent, initialState: 'success' },
  { state: 'failure', onSubmit: refused, initialState: 'failure' },
  { state: 'incomplete', onSubmit: sent },
  { state: 'rtl', onSubmit: sent, locale: 'ar-EG', dir: 'rtl' },
  { state: 'dark', onSubmit: sent, theme: 'dark' },
];

/**
 * Every state side by side, sending, sent and failed from the first frame (`initialState`); the
 * play function only types into the "invalid" form to show its errors in place.
 */
export const AllStates: Story = {
  parameters: { frame: false },
  render: () => (
    <div
      style={{
        display: 'grid',
        gap: 16,
        gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
      }}
    >
      {cases.map((c) => (
        <figure key={c.state} style={{ margin: 0 }}>
          <figcaption>{c.state}</figcaption>
          <Frame
            maxWidth={420}
            state={c.state}
            {...(c.dir && { dir: c.dir })}
            {...(c.theme && { theme: c.theme })}
          >
            <QuoteForm
              locale={c.locale ?? 'en'}
              minDate={MIN_DATE}
              onSubmit={c.onSubmit}
              {...(c.initialState && {
                initialState: c.initialState,
                defaultValues: FILLED,
                initialFailure: WHY,
              })}
              {...(c.state === 'incomplete' && {
                blockedReason: translator('en')('form.incomplete'),
              })}
            />
          </Frame>
        </figure>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const root = (state: string) =>
      canvasElement.querySelector<HTMLElement>(`[data-story-state="${state}"]`)!;
    const invalid = within(root('invalid'));
    await userEvent.type(invalid.getByRole('textbox', { name: /Email/ }), 'not-an-email');
    await userEvent.type(invalid.getByLabelText(/Requested delivery date/), '2026-01-02');
    await userEvent.click(invalid.getByRole('textbox', { name: /Name/ }));
    await userEvent.tab();
    await expect(invalid.getByRole('button', { name: 'Send request' })).toBeDisabled();
  },
};
