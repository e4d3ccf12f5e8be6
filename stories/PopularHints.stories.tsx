import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { parseModel } from '../src/engine/model/parseModel.ts';
import { Configurator } from '../src/react/components/Configurator.tsx';
import showcaseJson from '../test/fixtures/widget/showcase.json';

const showcase = parseModel(showcaseJson);

/** Where the widget would ask for the popular values; the story's QueryClient already holds them. */
const POPULAR_URL = 'https://shop.example/api/insights/popular';

/**
 * The showcase's popular values as the backend would name them: a segment (size), a card
 * (material) and a list row (shelves); the lighting's shows once glass doors make it relevant.
 */
const ALL: Record<string, string> = {
  size: 'm',
  material: 'oak',
  lighting: 'warm',
  shelves: 'drawer',
};

/**
 * A widget showing "Popular with buyers" for `hints` (attribute id → value id) without a backend:
 * its QueryClient holds the answer under the key the widget asks with (`usePopularHints`), fresh
 * for ever, so nothing is fetched. `hints: undefined` is a shop that shows no hints.
 */
function Hinted({
  hints,
  locale,
  width,
}: {
  hints: Record<string, string> | undefined;
  locale?: string;
  width?: number;
}) {
  const [client] = useState(() => {
    const c = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    if (hints)
      c.setQueryData(['madeto-popular', POPULAR_URL, showcase.id], new Map(Object.entries(hints)));
    return c;
  });
  return (
    <div style={width ? { maxWidth: `${width}px` } : undefined}>
      <Configurator
        model={showcase}
        urlKey={false}
        layout="all"
        queryClient={client}
        {...(hints && { popular: POPULAR_URL })}
        {...(locale && { locale })}
      />
    </div>
  );
}

// The hint lives inside a <Configurator> (its fields read the popular values from its context).
const meta = {
  title: 'Widget/Popular with buyers',
  component: Configurator,
  args: { model: showcase },
  render: () => <Hinted hints={ALL} />,
} satisfies Meta<typeof Configurator>;
export default meta;

type Story = StoryObj<typeof meta>;

/**
 * Hints on: a card carries "Popular with buyers" as a tag in its corner; a segment or a list row
 * carries a star, and the words stand at the end of the field's legend line as the star's key.
 */
export const HintsOn: Story = {};

/** On a phone's width: the key still fits the legend's line, beside the legend's words. */
export const Phone: Story = { render: () => <Hinted hints={ALL} width={360} /> };

function Label({ children }: { children: string }) {
  return <h4 style={{ margin: '16px 0 4px', font: '600 13px system-ui' }}>{children}</h4>;
}

/**
 * The hint's states: the shop shows no hints (nothing asked, no room kept); hints on but no value
 * popular enough (below the minimum sample: the stars' room kept, empty); hints on in English and
 * German, at full and phone width.
 */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: '8px', maxWidth: '980px' }}>
      <Label>Hints off (the shop's default)</Label>
      <Hinted hints={undefined} />
      <Label>Hints on, none popular yet (below the minimum sample)</Label>
      <Hinted hints={{}} />
      <Label>Hints on: a segment, a card and a list row named</Label>
      <Hinted hints={ALL} />
      <Label>German (de-DE)</Label>
      <Hinted hints={ALL} locale="de-DE" />
      <Label>Phone width (360 px)</Label>
      <Hinted hints={ALL} width={360} />
    </div>
  ),
};
