import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook 10: every public component's stories, with the accessibility addon and Docs pages
 * (autodocs: each story file's page with its component's props table, from `tags` in preview.ts).
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};
export default config;
