import type { ComponentType } from 'react';
import type { RepConfiguratorProps } from './RepConfigurator.tsx';

let editor: ComponentType<RepConfiguratorProps> | undefined;

/**
 * Puts the rep's quote editor into this build's `mount`, which then serves `mode="rep"`. The rep
 * app and `madeto/element` call it; the shop app does not, so the editor's code stays out of
 * what every shop loads.
 *
 * @example
 * enableRepMode(RepConfigurator);
 */
export function enableRepMode(component: ComponentType<RepConfiguratorProps>): void {
  editor = component;
}

/** The rep's quote editor, when this build has it. */
export function repEditor(): ComponentType<RepConfiguratorProps> | undefined {
  return editor;
}
