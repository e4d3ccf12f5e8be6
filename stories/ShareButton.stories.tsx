import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ShareButton, type SharePlatform } from '../src/react/components/ShareButton.tsx';
import '../src/react/styles/madeto.css';
import { Frame, framed } from './StatesGrid.tsx';

const LINK = 'https://shop.example/desk?madeto-desk=DESK%402026-11-01%7Cq%3D1%7Cframe%3Dsteel';

/** Browsers as the stories need them: with a share sheet, with a clipboard, with neither. */
const platforms = {
  clipboard: { writeText: () => Promise.resolve() },
  shareSheet: { share: () => Promise.resolve(), writeText: () => Promise.resolve() },
  noClipboard: { writeText: () => Promise.reject(new Error('not allowed')) },
} satisfies Record<string, SharePlatform>;

function Share(props: { platform: keyof typeof platforms; locale?: string }) {
  return (
    <ShareButton
      getUrl={() => LINK}
      title="Desk: my configuration"
      locale={props.locale ?? 'en'}
      platform={platforms[props.platform]}
    />
  );
}

const meta = {
  title: 'Widget/ShareButton',
  component: Share,
  args: { platform: 'clipboard' },
  argTypes: { platform: { control: 'select', options: Object.keys(platforms) } },
  decorators: [framed()],
} satisfies Meta<typeof Share>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Before a press. */
export const Idle: Story = {};

/** Idle; then, pressed: "Link copied", handed to a share sheet, and the link to copy by hand. */
export const AllStates: Story = {
  parameters: { frame: false },
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {(
        [
          ['idle', 'clipboard', 'en', 'light'],
          ['copied', 'clipboard', 'en', 'light'],
          ['shared', 'shareSheet', 'en', 'light'],
          ['manual', 'noClipboard', 'en', 'light'],
          ['german', 'clipboard', 'de-DE', 'light'],
          ['dark', 'noClipboard', 'en', 'dark'],
        ] as const
      ).map(([name, platform, locale, theme]) => (
        <figure key={name} style={{ margin: 0 }} data-story-state={name}>
          <figcaption>{name}</figcaption>
          <Frame theme={theme}>
            <Share platform={platform} locale={locale} />
          </Frame>
        </figure>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const state = (name: string) =>
      canvasElement
        .querySelector(`[data-story-state="${name}"] .madeto-share`)
        ?.getAttribute('data-state');
    for (const name of ['copied', 'shared', 'manual', 'german', 'dark']) {
      const figure = canvasElement.querySelector<HTMLElement>(`[data-story-state="${name}"]`)!;
      await userEvent.click(within(figure).getByRole('button', { name: /Share|Teilen/ }));
    }
    await waitFor(() => {
      expect(state('idle')).toBe('idle');
      expect(state('copied')).toBe('copied');
      expect(state('shared')).toBe('shared');
      expect(state('manual')).toBe('manual');
    });
  },
};
