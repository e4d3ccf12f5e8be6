import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { QuoteForm } from '../src/react/panels/QuoteForm.tsx';
import { translator } from '../src/react/i18n/messages.ts';
import '../src/react/styles/panels.css';

/** The promised delivery of the catalogue's complete desk on its snapshot day (fixtures). */
const MIN_DATE = '2026-12-03';

function Frame(props: {
  children: ReactNode;
  dir?: 'rtl';
  theme?: 'light' | 'dark';
  state?: string;
}) {
  return (
    <div
      className="madeto"
      data-theme={props.theme ?? 'light'}
      dir={props.dir}
      data-story-state={props.state}
      style={{ maxWidth: 420, padding: 8 }}
    >
      {props.children}
    </div>
  );
}

const sent = () => Promise.resolve();
const never = () => new Promise<void>(() => {});
const refused = () => Promise.reject(new Error('the server answered 503 Service Unavailable'));

const meta = {
  title: 'Panels/QuoteForm',
  component: QuoteForm,
  args: { locale: 'en', minDate: MIN_DATE, onSubmit: fn(sent) },
  decorators: [
    (Story) => (
      <Frame>
        <Story />
      </Frame>
    ),
  ],
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

async function fillValid(root: HTMLElement) {
  const form = within(root);
  await userEvent.type(form.getByRole('textbox', { name: /Name/ }), 'Ada Lovelace');
  await userEvent.type(form.getByRole('textbox', { name: /Email/ }), 'ada@example.com');
}

const cases: {
  state: string;
  onSubmit: () => Promise<void>;
  locale?: string;
  dir?: 'rtl';
  theme?: 'dark';
}[] = [
  { state: 'editing', onSubmit: sent },
  { state: 'invalid', onSubmit: sent },
  { state: 'submitting', onSubmit: never },
  { state: 'success', onSubmit: sent },
  { state: 'failure', onSubmit: refused },
  { state: 'incomplete', onSubmit: sent },
  { state: 'rtl', onSubmit: sent, locale: 'ar-EG', dir: 'rtl' },
  { state: 'dark', onSubmit: sent, theme: 'dark' },
];

/**
 * Every state side by side; the play function types into the forms to reach invalid (errors in
 * place), submitting (progress), success and failure (with a retry).
 */
export const AllStates: Story = {
  decorators: [(Story) => <Story />],
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
            state={c.state}
            {...(c.dir && { dir: c.dir })}
            {...(c.theme && { theme: c.theme })}
          >
            <QuoteForm
              locale={c.locale ?? 'en'}
              minDate={MIN_DATE}
              onSubmit={c.onSubmit}
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
    for (const state of ['submitting', 'success', 'failure']) {
      await fillValid(root(state));
      await userEvent.click(within(root(state)).getByRole('button', { name: 'Send request' }));
    }
    await expect(await within(root('failure')).findByRole('alert')).toBeVisible();
  },
};
