import type { Meta, StoryObj } from '@storybook/react-vite';
import catalogueDesk from '../public/catalogue/desk.json';
import catalogueBike from '../public/catalogue/bike.json';
import catalogueSofa from '../public/catalogue/sofa.json';
import { engineOf, ProductPicture } from './moduleLayers.tsx';
import { attributeControls, selectionOf } from './productControls.ts';

/** Each sample product's picture in every view, one control per attribute (`ProductPicture`). */
const meta = {
  title: 'Preview/ProductPicture',
  component: ProductPicture,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ProductPicture>;
export default meta;

type Story = StoryObj<Record<string, unknown>>;

function product(json: object): Story {
  const { model, engine } = engineOf(json);
  return {
    args: engine.complete({}),
    argTypes: attributeControls(model),
    render: (args) => <ProductPicture product={json} selection={selectionOf(model, args)} />,
  };
}

/** The desk, front and from above. */
export const Desk = product(catalogueDesk);
/** The bike, side and front. */
export const Bike = product(catalogueBike);
/** The sofa, front and from above: seat modules by index. */
export const Sofa = product(catalogueSofa);
