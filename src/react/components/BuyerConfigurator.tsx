import { createConfigurator, type ConfiguratorProps } from './createConfigurator.tsx';

// The factory's widget, rendered by a declared component below (its Docs page's props table), as
// in `Configurator`.
const WithoutRepEditor = /* @__PURE__ */ createConfigurator(null);

/**
 * `<Configurator>` without the rep's quote editor (its code stays out of the bundle): what a
 * shop's embed app renders, and what configures each line of a rep's quote. `mode="rep"` shows
 * an error saying rep mode is not part of this build.
 *
 * @example
 * <BuyerConfigurator model="/models/desk.json" pricing="/pricing/desk.json" />
 */
export function BuyerConfigurator(props: ConfiguratorProps) {
  return <WithoutRepEditor {...props} />;
}
