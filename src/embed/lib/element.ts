/**
 * The npm entry `madeto/element`: the custom element and the mount API, for pages that are not
 * React apps but bundle their own scripts. Importing defines `<madeto-configurator>`.
 */
import { defineElement } from '../element.ts';

export { defineElement, MadetoConfiguratorElement, TAG_NAME } from '../element.ts';
export { mount } from '../mount.tsx';
export type { MountedState, MountedWidget } from '../mount.tsx';
export type { EmbedOptions, EmbedRepOptions } from '../options.ts';
export type { MadetoErrorCode, MadetoEventMap, MadetoEventName } from '../events.ts';

defineElement();
