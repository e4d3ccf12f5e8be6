import type { Meta, StoryObj } from '@storybook/react-vite';
import { userEvent, within } from 'storybook/test';
import { parseModel, type Selection } from '../src/engine/index.ts';
import { Configurator } from '../src/react/components/Configurator.tsx';
import { ExplainDialog } from '../src/react/components/ExplainDialog.tsx';
import catalogueDesk from '../public/catalogue/desk.json';

/**
 * The explain/repair dialog, opened the way a buyer opens it: the catalogue desk starts from a
 * selection and the play function clicks a value that does not fit (one click, under a second).
 * The dialog is the session's, with the real engine's explanation and nearest repair.
 */
const desk = parseModel(catalogueDesk);

function opened(selection: Selection, value: RegExp): Story {
  return {
    render: () => (
      <Configurator model={desk} urlKey={false} layout="all" initialSelection={selection} />
    ),
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('radio', { name: value }, { timeout: 15_000 }));
      await canvas.findByRole('dialog');
    },
  };
}

const meta = {
  title: 'Widget/ExplainDialog',
  component: ExplainDialog,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ExplainDialog>;
export default meta;

type Story = StoryObj;

/**
 * A conflict with its repair preview: walnut on the aluminium frame. Why (the rule's message),
 * the choice in the way (Frame: Aluminium) and what "Apply change" will change.
 */
export const ConflictWithRepair = opened({ frame: 'aluminium', topMaterial: 'oak' }, /walnut/i);

/**
 * Several choices in the way: the single motor under a 1800 × 900 mm top (over 1.44 m²), blocked
 * by both the width and the depth.
 */
export const SeveralBlockers = opened(
  { width: 1800, depth: 900, drive: 'dual', topMaterial: 'laminate' },
  /Single motor/,
);

/**
 * Several rules at once: the single motor with the heavy-duty feet — the feet need the dual motor,
 * and the feet apply only where they can be chosen.
 */
export const SeveralRules = opened(
  { frame: 'steel', legStyle: 'wide-t', drive: 'dual' },
  /Single motor/,
);
