import { RepMode } from '../rep/RepMode.tsx';
import { createConfigurator, type ConfiguratorProps } from './createConfigurator.tsx';

export type {
  ConfiguratorLoadError,
  ConfiguratorProps,
  ConfiguratorReadyInfo,
  ConfiguratorTheme,
} from './createConfigurator.tsx';

// The factory's widget, rendered by a declared component below: Storybook's Docs page reads a
// component's props from its own declaration (react-docgen), so that page has a props table.
const WithRepEditor = /* @__PURE__ */ createConfigurator(RepMode);

/**
 * The configurator widget: loads the model (and pricing and availability), then walks the buyer
 * through the model's groups with exact value states, explanations with repairs, undo, "complete
 * for me", a shareable URL and a live region. `mode="rep"` turns it into a sales rep's quote
 * editor. Every instance owns its store.
 *
 * @example
 * <Configurator model="/models/desk.json" pricing="/pricing/desk.json" locale="de-DE" />
 */
export function Configurator(props: ConfiguratorProps) {
  return <WithRepEditor {...props} />;
}
