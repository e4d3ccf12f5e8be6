import type { ComponentType } from 'react';
import type { RepConfiguratorProps } from './RepConfigurator.tsx';

let editor: ComponentType<RepConfiguratorProps> | undefined;
let styles = '';

/**
 * Puts the rep's quote editor (and its stylesheet, the quote document's screen and print CSS)
 * into this build's `mount`, which then serves `mode="rep"`. The rep app and `madeto/element` call
 * it before the first widget mounts; the shop app does not, so the editor's code and CSS stay out
 * of what every shop loads.
 *
 * @example
 * enableRepMode(RepConfigurator, quotePrintCss);
 */
export function enableRepMode(component: ComponentType<RepConfiguratorProps>, css: string): void {
  editor = component;
  styles = css;
}

/** The rep editor's CSS (empty in a build without rep mode). */
export function repStyles(): string {
  return styles;
}

/** The rep's quote editor, when this build has it. */
export function repEditor(): ComponentType<RepConfiguratorProps> | undefined {
  return editor;
}
