import type { Meta, StoryObj } from '@storybook/react-vite';
import { translator } from '../src/react/i18n/messages.ts';
import { promiseOutcome } from '../src/react/panels/panelEngine.ts';
import { PromiseTimeline } from '../src/react/panels/PromiseTimeline.tsx';
import { NOW, gridStates, panelStates, type PanelStateName } from '../test/react/panelFixtures.ts';
import '../src/react/styles/panels.css';
import { framed, StatesGrid } from './StatesGrid.tsx';

/**
 * The timeline of a fixture state, computed by the engine's `promise()` as the promise panel
 * does; a state without a promise (loading, error) is shown as the panel shows it: no timeline.
 */
function Timeline({ state }: { state: PanelStateName }) {
  const context = panelStates[state];
  const outcome = promiseOutcome(context, NOW);
  switch (outcome.state) {
    case 'absent':
      return <p>No timeline: the widget has no availability source.</p>;
    case 'loading':
      return <p>No timeline while the availability snapshot loads.</p>;
    case 'error':
      return <p role="alert">No timeline: {outcome.message}</p>;
    case 'incomplete':
    case 'valid':
    case 'unavailable':
      return (
        <PromiseTimeline
          result={outcome.result}
          t={translator(context.locale)}
          locale={context.locale}
        />
      );
    default:
      return outcome satisfies never;
  }
}

const meta = {
  title: 'Panels/PromiseTimeline',
  component: Timeline,
  args: { state: 'valid' },
  argTypes: { state: { control: 'select', options: Object.keys(panelStates) } },
  decorators: [framed()],
} satisfies Meta<typeof Timeline>;
export default meta;

type Story = StoryObj<typeof meta>;

/** A complete desk: accepted, materials, production, shipped, delivered. */
export const Valid: Story = {};
/** Choices missing: the timeline of the choices so far. */
export const Incomplete: Story = { args: { state: 'incomplete' } };
/** No source for the laminate: only the acceptance. */
export const Unavailable: Story = { args: { state: 'unavailable' } };
/** German stage names and dates. */
export const German: Story = { args: { state: 'german' } };

/** Every state side by side, then right-to-left and the dark theme. */
export const AllStates: Story = {
  parameters: { frame: false },
  render: () => (
    <StatesGrid
      states={gridStates}
      columnWidth={340}
      darkState="valid"
      render={(state) => <Timeline state={state} />}
    />
  ),
};
