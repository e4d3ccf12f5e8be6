import { ATTRIBUTES, type EmbedOptions } from './options.ts';
import {
  keepJsOptions,
  lastJsOptions,
  mount,
  mountedWidget,
  type MountedWidget,
} from './mount.tsx';

/** The element's tag name. */
export const TAG_NAME = 'madeto-configurator';

/**
 * The element's properties. A page may set them before the app has defined the element
 * (`el.config = …` while the loader is still waiting): that creates an own property on the plain
 * `HTMLElement`, which would hide the class's accessor. On upgrade each one is taken off and, if
 * the property can be set (`config`), set again through the setter; a read-only one (`widget`)
 * is only taken off.
 */
export const UPGRADED_PROPERTIES = ['config', 'widget'] as const;

/**
 * `<madeto-configurator>`: reads its attributes and JSON child, mounts the widget into an open
 * shadow root when connected, re-renders when an observed attribute changes. The `config`
 * property takes JS options (functions included), which win over attributes; setting it merges
 * like `widget.update(options)`, also before the element is defined.
 *
 * Its JSON child is read when the widget mounts and again whenever it changes (a framework may
 * render it after the element). While the page is still being parsed (the app was defined early)
 * the widget mounts at `DOMContentLoaded`, so the JSON child is there to read.
 *
 * Life cycle: removed from the page, the widget unmounts (its React root, store and QueryClient
 * are dropped; inserted again, it mounts afresh with the same `config`). A move, removal and
 * insertion in one task (`other.append(el)`), keeps the mounted widget and the buyer's selection.
 */
export class MadetoConfiguratorElement extends HTMLElement {
  static readonly observedAttributes = Object.keys(ATTRIBUTES);
  #children = new MutationObserver((records) => {
    if (records.some(touchesJsonChild)) mountedWidget(this)?.update({});
  });

  constructor() {
    super();
    for (const name of UPGRADED_PROPERTIES) {
      if (!Object.hasOwn(this, name)) continue;
      const value = (this as Record<string, unknown>)[name];
      delete (this as Record<string, unknown>)[name];
      if (Object.getOwnPropertyDescriptor(MadetoConfiguratorElement.prototype, name)?.set)
        (this as Record<string, unknown>)[name] = value;
    }
  }

  /**
   * The JS options so far, merged: those set here and those given to `Madeto.mount(el, …)` or
   * `update`. Setting them updates a mounted widget like `update(value)`.
   */
  get config(): Partial<EmbedOptions> {
    return { ...lastJsOptions(this) };
  }
  set config(value: Partial<EmbedOptions>) {
    const widget = mountedWidget(this);
    if (widget) widget.update(value);
    else keepJsOptions(this, { ...this.config, ...value });
  }

  /** The mounted widget's handle (`undefined` while disconnected or after `unmount()`). */
  get widget(): MountedWidget | undefined {
    return mountedWidget(this);
  }

  connectedCallback(): void {
    this.#children.observe(this, { childList: true, subtree: true, characterData: true });
    const doc = this.ownerDocument;
    if (doc.readyState === 'loading')
      doc.addEventListener('DOMContentLoaded', () => this.#mount(), { once: true });
    else this.#mount();
  }

  /** Mounts if connected and not mounted; again after a removal, with all its JS options. */
  #mount(): void {
    if (this.isConnected && !mountedWidget(this)) mount(this, this.config);
  }

  disconnectedCallback(): void {
    // A move (disconnect + connect in one task) keeps the widget and its state.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#children.disconnect();
      mountedWidget(this)?.unmount();
    });
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old !== value) mountedWidget(this)?.update({});
  }
}

const isJsonChild = (node: Node | null): boolean =>
  node instanceof HTMLScriptElement && node.type === 'application/json';

/** Whether a change of the element's light DOM concerns its JSON child. */
function touchesJsonChild(record: MutationRecord): boolean {
  return (
    isJsonChild(record.target) ||
    isJsonChild(record.target.parentNode) ||
    [...record.addedNodes, ...record.removedNodes].some(isJsonChild)
  );
}

/** Defines `<madeto-configurator>` once (a second call, or a second copy of the app, is a no-op). */
export function defineElement(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(TAG_NAME)) registry.define(TAG_NAME, MadetoConfiguratorElement);
}
