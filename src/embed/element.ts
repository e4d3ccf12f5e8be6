import { ATTRIBUTES, type EmbedOptions } from './options.ts';
import { mount, type MountedWidget } from './mount.tsx';

/** The element's tag name. */
export const TAG_NAME = 'madeto-configurator';

/**
 * `<madeto-configurator>`: reads its attributes and JSON child, mounts the widget into an open
 * shadow root when connected, re-renders when an observed attribute changes. The `config`
 * property takes JS options (functions included), which win over attributes.
 */
export class MadetoConfiguratorElement extends HTMLElement {
  static readonly observedAttributes = Object.keys(ATTRIBUTES);
  #config: Partial<EmbedOptions> = {};
  #widget: MountedWidget | undefined;

  /** JS options; setting them re-renders a mounted widget. */
  get config(): Partial<EmbedOptions> {
    return this.#config;
  }
  set config(value: Partial<EmbedOptions>) {
    this.#config = value;
    this.#widget?.update(value);
  }

  /** The mounted widget's handle (`undefined` while disconnected). */
  get widget(): MountedWidget | undefined {
    return this.#widget;
  }

  connectedCallback(): void {
    this.#widget ??= mount(this, this.#config);
  }

  disconnectedCallback(): void {
    // A move (disconnect + connect in one task) keeps the widget and its state.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#widget?.unmount();
      this.#widget = undefined;
    });
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old !== value) this.#widget?.update({});
  }
}

/** Defines `<madeto-configurator>` once (a second call, or a second copy of the app, is a no-op). */
export function defineElement(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(TAG_NAME)) registry.define(TAG_NAME, MadetoConfiguratorElement);
}
