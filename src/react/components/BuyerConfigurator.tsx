import { createConfigurator } from './createConfigurator.tsx';

/**
 * `<Configurator>` without the rep's quote editor (its code stays out of the bundle): what a
 * shop's embed app renders, and what configures each line of a rep's quote. `mode="rep"` shows
 * an error saying rep mode is not part of this build.
 *
 * @example
 * <BuyerConfigurator model="/models/desk.json" pricing="/pricing/desk.json" />
 */
export const BuyerConfigurator = /* @__PURE__ */ createConfigurator(null);
