/**
 * The npm entry `madeto/element`: the custom element and the mount API, for pages that are not
 * React apps but bundle their own scripts. Importing defines `<madeto-configurator>`, rep mode
 * included.
 */
import quotePrintCss from '../../react/styles/quote-print.css?inline';
import { defineElement } from '../element.ts';
import { RepConfigurator } from '../RepConfigurator.tsx';
import { enableRepMode } from '../repEditor.ts';

export { defineElement, MadetoConfiguratorElement, TAG_NAME } from '../element.ts';
export { mount } from '../mount.tsx';
export type { MountedState, MountedWidget } from '../mount.tsx';
export type { EmbedOptions, EmbedRepOptions } from '../options.ts';
export type { MadetoErrorCode, MadetoEventMap, MadetoEventName } from '../events.ts';

enableRepMode(RepConfigurator, quotePrintCss);
defineElement();
