import type { Meta, StoryObj } from '@storybook/react-vite';
import { parseModel } from '../src/engine/index.ts';
import { ProductModel3D } from '../src/react/components/ProductModel3D.tsx';
import catalogueDesk from '../public/catalogue/desk.json';
import { Frame } from './StatesGrid.tsx';

/** The catalogue desk's 3D model (public/catalogue/desk.glb, written by scripts/desk-gltf.mjs). */
const desk = parseModel(catalogueDesk);
const model3d = desk.document.model3d!;
const tops = desk.attributes.find((a) => a.id === 'topMaterial');
const topValues = tops?.type === 'choice' ? tops.values : [];
const valueLabel = (attribute: string, value: string) =>
  attribute === 'topMaterial' ? topValues.find((v) => v.id === value)?.label : undefined;

const never = () => new Promise<void>(() => {});
const offline = () => Promise.reject(new Error('madeto-model-viewer.js could not be loaded'));

type Args = Parameters<typeof ProductModel3D>[0] & { topMaterial: string };

const meta = {
  title: 'Widget/ProductModel3D',
  component: ProductModel3D,
  args: { model3d, selection: {}, locale: 'en', autoStart: true, topMaterial: 'oak', valueLabel },
  argTypes: {
    topMaterial: {
      name: 'Top material',
      description: "The desk's `topMaterial`: switches the glTF's KHR_materials_variants variant.",
      options: topValues.map((v) => v.id),
      control: {
        type: 'select',
        labels: Object.fromEntries(topValues.map((v) => [v.id, v.label])),
      },
    },
    selection: { control: false },
    model3d: { control: false },
    load: { control: false },
  },
  render: ({ topMaterial, ...args }) => (
    <Frame maxWidth={520}>
      <ProductModel3D {...args} selection={{ ...args.selection, topMaterial }} />
    </Frame>
  ),
} satisfies Meta<Args>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The desk in 3D: drag (or use the arrow keys) to turn it; the top follows the control. */
export const Desk: Story = {};
/** In the widget the view waits for the buyer's "View in 3D": nothing is downloaded before. */
export const WaitingForTheBuyer: Story = { args: { autoStart: false } };
/** The viewer or the model still loading. */
export const Loading: Story = { args: { load: never } };
/** The viewer's file could not be loaded: the reason and a retry. */
export const ViewerFailed: Story = { args: { load: offline } };
/** The model file is missing: its address and the reason. */
export const ModelMissing: Story = {
  args: { model3d: { ...model3d, src: '/catalogue/no-such-desk.glb' } },
};

const states = [
  ['waiting for the buyer', { autoStart: false }],
  ['loading', { load: never }],
  ['viewer failed', { load: offline }],
  ['walnut', { selection: { topMaterial: 'walnut' } }],
] as const;

/** Every state side by side, and the desk in walnut, German, and right to left. */
export const AllStates: Story = {
  render: () => (
    <div
      style={{
        display: 'grid',
        gap: 16,
        gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
      }}
    >
      {states.map(([name, props]) => (
        <figure key={name} style={{ margin: 0 }} data-story-state={name}>
          <figcaption>{name}</figcaption>
          <Frame>
            <ProductModel3D
              model3d={model3d}
              selection={{}}
              autoStart
              valueLabel={valueLabel}
              {...props}
            />
          </Frame>
        </figure>
      ))}
      <figure style={{ margin: 0 }} data-story-state="german">
        <figcaption>German</figcaption>
        <Frame>
          <ProductModel3D
            model3d={model3d}
            selection={{}}
            locale="de-DE"
            load={offline}
            autoStart
          />
        </Frame>
      </figure>
      <figure style={{ margin: 0 }} data-story-state="rtl">
        <figcaption>rtl</figcaption>
        <Frame dir="rtl">
          <ProductModel3D model3d={model3d} selection={{}} locale="ar" />
        </Frame>
      </figure>
    </div>
  ),
};
