import type { Preview } from '@storybook/react-vite';
import '../src/react/styles/madeto.css';

const preview: Preview = {
  // A Docs page (description, props table, every story) for each story file's component.
  tags: ['autodocs'],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};
export default preview;
