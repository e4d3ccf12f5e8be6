import type { Meta, StoryObj } from '@storybook/react-vite';
import catalogueDesk from '../public/catalogue/desk.json';
import catalogueBike from '../public/catalogue/bike.json';
import catalogueSofa from '../public/catalogue/sofa.json';
import { linePicture } from '../src/engine/index.ts';
import { LinePictureView } from '../src/react/preview/LinePictureView.tsx';
import '../src/react/styles/quote-print.css';
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

/**
 * Each product's picture as the rep's quote and the customer's page draw it (`LinePictureView`,
 * from the line's `picture`): every view side by side, each named under it.
 */
export const OnTheQuote: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      {[catalogueDesk, catalogueBike, catalogueSofa].map((json) => {
        const { model, engine } = engineOf(json);
        const picture = linePicture(model, engine.complete({}));
        return (
          <section key={model.id} data-product={model.id} style={{ maxWidth: 420 }}>
            <h3>{model.name}</h3>
            {picture && (
              <LinePictureView
                picture={picture}
                label={`Picture of the configured ${model.name}`}
              />
            )}
          </section>
        );
      })}
    </div>
  ),
};
