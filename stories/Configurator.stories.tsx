import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { Configurator } from '../src/react/components/Configurator.tsx';
import { LoadingSkeleton } from '../src/react/components/LoadState.tsx';
import type { ValueExtrasFn } from '../src/react/engine/valueExtras.ts';
import { defaultPanels } from '../src/react/panels/defaultPanels.tsx';
import { createValueExtras } from '../src/react/panels/valueExtras.ts';
import { parseModel } from '../src/engine/model/parseModel.ts';
import deskJson from '../test/fixtures/minimal/desk.json';
import showcaseJson from '../test/fixtures/widget/showcase.json';
import catalogueDesk from '../public/catalogue/desk.json';
import catalogueBike from '../public/catalogue/bike.json';
import catalogueSofa from '../public/catalogue/sofa.json';

const desk = parseModel(deskJson);
const showcase = parseModel(showcaseJson);

/** Example extras: a price delta per value and a few availability badges. */
const extras: ValueExtrasFn = (attribute, key) => {
  const delta = (attribute.id.length * 7 + key.length * 13) % 5;
  const availability =
    key === 'walnut' || key === 'oak'
      ? { availability: '+9 days', availabilityState: 'delayed' as const, days: 9 }
      : key === 'sage'
        ? { availability: 'not orderable now', availabilityState: 'unavailable' as const, days: 99 }
        : { availability: 'in stock', availabilityState: 'in-stock' as const, days: 0 };
  return { priceDelta: delta === 0 ? '+€0' : `+€${delta * 40}`, cost: delta * 40, ...availability };
};

const meta = {
  title: 'Widget/Configurator',
  component: Configurator,
  args: { model: desk, urlKey: false },
} satisfies Meta<typeof Configurator>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Nothing chosen yet: the first step, with the step list and its completeness. */
export const Empty: Story = {};

/** Every group on one page. */
export const SinglePage: Story = { args: { layout: 'all' } };

/** The widget in German (`locale="de-DE"`): toolbar, steps, summary, notes and announcements. */
export const German: Story = {
  args: { locale: 'de-DE', initialSelection: { frame: 'aluminium', top: 'laminate' } },
};

/** Price deltas and availability badges on every value, "complete for me" by price or date. */
export const WithExtras: Story = {
  args: { model: showcase, valueExtras: extras, layout: 'all' },
};

function Label({ children }: { children: string }) {
  return <h4 style={{ margin: '16px 0 4px', font: '600 13px system-ui' }}>{children}</h4>;
}

/** The states side by side, built on the test fixtures. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: '8px', maxWidth: '980px' }}>
      <Label>Loading</Label>
      <div className="madeto">
        <LoadingSkeleton label="Loading the product…" />
      </div>
      <Label>Error (a model URL that does not exist, with Retry)</Label>
      <Configurator model="/catalogue/missing-model.json" urlKey={false} />
      <Label>Incomplete</Label>
      <Configurator model={desk} urlKey={false} initialSelection={{ frame: 'steel' }} />
      <Label>Conflict: aluminium chosen, so oak and the dual motor need changes</Label>
      <Configurator
        model={desk}
        urlKey={false}
        layout="all"
        initialSelection={{ frame: 'aluminium', top: 'laminate' }}
      />
      <Label>Valid (complete)</Label>
      <Configurator
        model={desk}
        urlKey={false}
        layout="all"
        initialSelection={{
          frame: 'steel',
          top: 'oak',
          drive: 'dual',
          legs: 't',
          width: 1750,
          cableTray: true,
          accessories: ['arm'],
        }}
      />
      <Label>Unavailable values and long labels (impossible: the ceramic knob)</Label>
      <Configurator model={showcase} urlKey={false} layout="all" valueExtras={extras} />
      <Label>Approval required (the summary slot, filled by the price panel)</Label>
      <Configurator
        model={desk}
        urlKey={false}
        panels={() => (
          <p className="madeto-notice" data-state="approval-required">
            This discount needs approval before an order can be placed.
          </p>
        )}
      />
      <Label>Dark theme</Label>
      <Configurator model={showcase} urlKey={false} theme="dark" valueExtras={extras} />
      <Label>Right to left</Label>
      <Configurator model={desk} urlKey={false} dir="rtl" locale="ar" layout="all" />
      <Label>German (locale de-DE)</Label>
      <Configurator model={desk} urlKey={false} locale="de-DE" />
    </div>
  ),
};

function Playground() {
  const [text, setText] = useState(() => JSON.stringify(deskJson, null, 2));
  let parsed: unknown;
  let error = '';
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    error = (e as Error).message;
  }
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 2fr)', gap: '16px' }}
    >
      <label style={{ display: 'grid', gap: '4px', font: '13px system-ui' }}>
        Model JSON
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          style={{ minHeight: '480px', font: '12px ui-monospace, monospace' }}
        />
      </label>
      {error ? (
        <p role="alert">Not JSON: {error}</p>
      ) : (
        <Configurator key={text} model={parsed as object} urlKey={false} layout="all" />
      )}
    </div>
  );
}

/** Paste a model document on the left and see the widget (schema errors are listed). */
export const ModelPlayground: Story = { render: () => <Playground /> };

/** The catalogue's pricing and availability, the price/promise panels and their value extras. */
const catalogue = {
  pricing: '/catalogue/pricing.json',
  availability: '/catalogue/availability.json',
  panels: defaultPanels,
  valueExtras: createValueExtras(),
};
/** The sample catalogue's desk (public/catalogue/desk.json) with prices and dates. */
export const CatalogueDesk: Story = { args: { model: catalogueDesk, ...catalogue } };
/** The sample catalogue's bike (public/catalogue/bike.json) with prices and dates. */
export const CatalogueBike: Story = { args: { model: catalogueBike, ...catalogue } };
/** The sample catalogue's modular sofa, with its repeated seat modules, prices and dates. */
export const CatalogueSofa: Story = { args: { model: catalogueSofa, ...catalogue } };
/** A model loaded by URL through react-query (with pricing and availability URLs). */
export const LoadedByUrl: Story = {
  args: {
    model: '/catalogue/desk.json',
    pricing: '/catalogue/pricing.json',
    availability: '/catalogue/availability.json',
  },
};
