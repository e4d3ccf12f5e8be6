import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { parseModel } from '../src/engine/index.ts';
import { Configurator } from '../src/react/components/Configurator.tsx';
import { MigrationNotice } from '../src/react/components/MigrationNotice.tsx';
import catalogueDesk from '../public/catalogue/desk.json';

/**
 * "The shared configuration could not be kept": the notice a buyer sees when a link (or a saved
 * configuration) was made for an older version of the product, or holds choices that are gone or
 * no longer fit. The widget reads the link from the page's address, as on a shop page.
 */
const desk = parseModel(catalogueDesk);

/** A link made for last year's desk: a colour attribute since removed, a motor no longer offered, walnut on aluminium. */
const OLD_LINK =
  'DESK@2025-03-01|q=2|frame=aluminium|topMaterial=walnut|drive=turbo|colour=red|width=1600';

/** Puts `link` in the address under `madeto-<key>` (before the widget reads it), as a shared URL would. */
function FromLink(props: { urlKey: string; link: string; locale?: string }) {
  useState(() => {
    const url = new URL(window.location.href);
    url.searchParams.set(`madeto-${props.urlKey}`, props.link);
    window.history.replaceState(window.history.state, '', url);
  });
  return (
    <Configurator
      model={desk}
      urlKey={props.urlKey}
      layout="all"
      {...(props.locale && { locale: props.locale })}
    />
  );
}

const meta = {
  title: 'Widget/MigrationNotice',
  component: MigrationNotice,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof MigrationNotice>;
export default meta;

type Story = StoryObj;

/** A shared link from an older version: each dropped choice named with why. */
export const SharedLinkNotKept: Story = {
  render: () => <FromLink urlKey="story-shared" link={OLD_LINK} />,
};

/** The same in German. */
export const SharedLinkNotKeptGerman: Story = {
  render: () => <FromLink urlKey="story-shared-de" link={OLD_LINK} locale="de-DE" />,
};

/** A saved configuration (e.g. kept with a quote) whose every choice still fits: kept, and said so. */
export const SavedAllKept: Story = {
  render: () => (
    <Configurator
      model={desk}
      urlKey={false}
      layout="all"
      savedSelection="DESK@2025-03-01|frame=steel|topMaterial=oak"
    />
  ),
};
