import type { Meta, StoryObj } from '@storybook/react-vite';
import { parseModel, type ProductModel } from '../src/engine/index.ts';
import { Configurator } from '../src/react/components/Configurator.tsx';
import { defaultPanels } from '../src/react/panels/defaultPanels.tsx';
import { createValueExtras } from '../src/react/panels/valueExtras.ts';
import catalogueDesk from '../public/catalogue/desk.json';
import catalogueBike from '../public/catalogue/bike.json';
import catalogueSofa from '../public/catalogue/sofa.json';
import { attributeControls, selectionOf } from './productControls.ts';

/**
 * Each sample product as a buyer sees it, driven from the Controls panel: one control per
 * attribute (per seat for the sofa's repeated modules), grouped like the widget's steps. Changing
 * a control starts the widget again from that selection, so its picture, price, delivery date
 * and conflicts follow.
 */
const meta = {
  title: 'Products',
  component: Configurator,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Configurator>;
export default meta;

type Story = StoryObj<Record<string, unknown>>;

const catalogue = {
  pricing: '/catalogue/pricing.json',
  availability: '/catalogue/availability.json',
  panels: defaultPanels,
  valueExtras: createValueExtras(),
};

function product(json: object, initial: Record<string, unknown>): Story {
  const model: ProductModel = parseModel(json);
  return {
    args: initial,
    argTypes: attributeControls(model),
    render: (args) => {
      const selection = selectionOf(model, args);
      return (
        <Configurator
          key={JSON.stringify(selection)}
          model={model}
          urlKey={false}
          layout="all"
          initialSelection={selection}
          {...catalogue}
        />
      );
    },
  };
}

/** The height-adjustable desk; it has a 3D model too ("View in 3D", the top's wood follows). */
export const Desk = product(catalogueDesk, { frame: 'steel', topMaterial: 'oak' });
/** The made-to-measure bike. */
export const Bike = product(catalogueBike, { frameMaterial: 'steel', colour: 'celeste' });
/** The modular sofa: two to five seats, each with its own controls. */
export const Sofa = product(catalogueSofa, { 'seat.count': 3 });
