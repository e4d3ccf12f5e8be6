import type { Meta, StoryObj } from '@storybook/react-vite';
import { RepMode } from '../src/react/rep/RepMode.tsx';
import { NOW, models, repStates } from '../test/rep/repFixtures.ts';
import pricingJson from '../public/catalogue/pricing.json';
import availabilityJson from '../public/catalogue/availability.json';
import '../src/react/styles/madeto.css';
import '../src/react/styles/panels.css';
import '../src/react/styles/quote-print.css';

const desk = models.find((m) => m.id === 'DESK')!;
const rep = {
  apiBase: '',
  token: 'storybook-rep-token',
  now: NOW,
  initial: repStates.valid,
  models,
};

/**
 * The rep mode of `<Configurator mode="rep">`: the loaded pricing and availability documents are
 * parsed, then the rep's quote editor renders in the widget's `locale` and `currency`; without the
 * `rep` or `pricing` prop, or with pricing it cannot read, it says what is missing.
 */
const meta = {
  title: 'Rep/RepMode',
  component: RepMode,
  args: { model: desk, pricingData: pricingJson, availabilityData: availabilityJson, rep },
} satisfies Meta<typeof RepMode>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Editor: Story = {};
/** `locale="de-DE" currency="USD"`: a German editor quoting a new draft in US dollars. */
export const GermanInDollars: Story = { args: { locale: 'de-DE', currency: 'USD' } };
export const MissingRep: Story = { args: { rep: undefined } };
export const MissingPricing: Story = { args: { pricingData: undefined } };
export const UnreadablePricing: Story = { args: { pricingData: { priceBooks: 'none' } } };

const states = [
  ['editor', {}],
  ['german-usd', { locale: 'de-DE', currency: 'USD' }],
  ['missing-rep', { rep: undefined }],
  ['missing-pricing', { pricingData: undefined }],
  ['unreadable-pricing', { pricingData: { priceBooks: 'none' } }],
] as const;
/** Every state on one page. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 32 }}>
      {states.map(([name, over]) => (
        <figure key={name} data-story-state={name} style={{ margin: 0 }}>
          <figcaption>{name}</figcaption>
          <RepMode {...args} {...over} />
        </figure>
      ))}
    </div>
  ),
};
