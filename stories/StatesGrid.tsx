import type { Decorator } from '@storybook/react-vite';
import type { ReactNode } from 'react';

/** How a `Frame` looks: its theme, direction and width (default 460 px). */
interface FrameLook {
  dir?: 'rtl';
  theme?: 'light' | 'dark';
  maxWidth?: number;
}

/**
 * A widget-styled frame for a panel story: light or dark theme, left-to-right or right-to-left;
 * `state` names it for a story's play function (`data-story-state`).
 */
export function Frame(props: FrameLook & { children: ReactNode; state?: string }) {
  return (
    <div
      className="madeto"
      data-theme={props.theme ?? 'light'}
      dir={props.dir}
      data-story-state={props.state}
      style={{ maxWidth: props.maxWidth ?? 460, padding: 8 }}
    >
      {props.children}
    </div>
  );
}

/**
 * The story files' decorator: each story in a `Frame` of `look`, except one whose parameters say
 * `frame: false` (an `AllStates` grid, which frames each state itself: in one frame it would be
 * squeezed into a column of the frame's width). A story's own decorators cannot drop the file's:
 * Storybook applies both.
 */
export function framed(look: FrameLook = {}): Decorator {
  return (Story, { parameters }) =>
    parameters['frame'] === false ? (
      <Story />
    ) : (
      <Frame {...look}>
        <Story />
      </Frame>
    );
}

/**
 * The `AllStates` layout shared by the panel stories: every fixture state side by side, then the
 * right-to-left state and one state in the dark theme. Each figure carries `data-story-state`.
 */
export function StatesGrid<S extends string>(props: {
  states: readonly S[];
  render: (state: S | 'rtl') => ReactNode;
  darkState: S;
  columnWidth: number;
  frameWidth?: number;
}) {
  const width = props.frameWidth === undefined ? {} : { maxWidth: props.frameWidth };
  const figure = (name: string, frame: ReactNode) => (
    <figure key={name} style={{ margin: 0 }} data-story-state={name}>
      <figcaption>{name}</figcaption>
      {frame}
    </figure>
  );
  return (
    <div
      style={{
        display: 'grid',
        gap: 16,
        gridTemplateColumns: `repeat(auto-fill, minmax(${props.columnWidth}px, 1fr))`,
      }}
    >
      {props.states.map((state) => figure(state, <Frame {...width}>{props.render(state)}</Frame>))}
      {figure(
        'rtl',
        <Frame dir="rtl" {...width}>
          {props.render('rtl')}
        </Frame>,
      )}
      {figure(
        'dark',
        <Frame theme="dark" {...width}>
          {props.render(props.darkState)}
        </Frame>,
      )}
    </div>
  );
}
