import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Model3d, Selection } from '../../../src/engine/index.ts';
import {
  ProductModel3D,
  type ProductModel3DProps,
} from '../../../src/react/components/ProductModel3D.tsx';
import { seriousViolations } from '../axe.ts';

/**
 * `<ProductModel3D>` in real Chromium with the real `@google/model-viewer` and the catalogue's
 * desk.gltf (served from public/): the variant follows the selection, failures are shown with
 * their reason and a retry, and the view is axe clean.
 */
const desk: Model3d = {
  src: '/catalogue/desk.gltf',
  alt: 'A desk',
  variants: { topMaterial: { oak: 'oak', walnut: 'walnut' } },
};

/** What the test reads of the `<model-viewer>` element once its model has loaded. */
interface Viewer extends HTMLElement {
  availableVariants: string[];
  variantName: string | null;
  alt: string;
  ar: boolean;
}

let root: Root | undefined;
let container: HTMLElement;

function show(props: Partial<ProductModel3DProps> & { selection?: Selection }) {
  if (!root) {
    container = document.createElement('div');
    container.style.width = '480px';
    document.body.append(container);
    root = createRoot(container);
  }
  flushSync(() =>
    root!.render(<ProductModel3D model3d={desk} selection={{}} autoStart {...props} />),
  );
}

const view = () => container.querySelector<HTMLElement>('.madeto-model3d')!;
const viewer = () => container.querySelector<Viewer>('model-viewer');

// model-viewer and three.js through Vite's dev server take tens of seconds on a loaded machine the
// first time: imported once here, outside the tests' own time limits.
beforeAll(async () => {
  await import('@google/model-viewer');
}, 120_000);

afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.innerHTML = '';
});

describe('ProductModel3D', () => {
  it('loads the glTF with its material variants and switches them with the selection', async () => {
    show({ selection: { topMaterial: 'oak' } });
    expect(view().dataset.state).toBe('loading');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Loading the 3D view…');
    // The first model also compiles the viewer's shaders in software WebGL (SwiftShader): slow.
    await expect.poll(() => view().dataset.state, { timeout: 80_000 }).toBe('ready');
    expect(viewer()!.availableVariants).toEqual(['laminate', 'oak', 'walnut', 'bamboo']);
    await expect.poll(() => viewer()!.variantName).toBe('oak');
    expect(viewer()!.alt).toBe('A desk, shown in oak');

    show({
      selection: { topMaterial: 'walnut' },
      valueLabel: (a, v) => (a === 'topMaterial' && v === 'walnut' ? 'Walnut' : undefined),
    });
    await expect.poll(() => viewer()!.variantName).toBe('walnut');
    expect(viewer()!.alt).toBe('A desk, shown in Walnut');
    expect(view().dataset.variant).toBe('walnut');

    show({ selection: {} });
    await expect.poll(() => viewer()!.hasAttribute('variant-name')).toBe(false);
    expect(viewer()!.alt).toBe('A desk');
    expect(viewer()!.ar).toBe(true);
    expect(await seriousViolations(container)).toEqual([]);
  }, 90_000);

  it('names the file and the reason when the model cannot be loaded', async () => {
    show({ model3d: { ...desk, src: '/catalogue/no-such-desk.gltf' } });
    await expect.poll(() => view().dataset.state, { timeout: 20_000 }).toBe('error');
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain(
      'The 3D view could not be shown: /catalogue/no-such-desk.gltf:',
    );
    expect(viewer()).toBeNull();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows a viewer that did not load, and tries again on request', async () => {
    let fail = true;
    const load = () =>
      fail
        ? Promise.reject(new Error('madeto-model-viewer.js could not be loaded'))
        : Promise.resolve();
    show({ load, model3d: { ...desk, ar: false } });
    await expect.poll(() => view().dataset.state).toBe('error');
    expect(container.querySelector('[role="alert"] p')?.textContent).toBe(
      'The 3D view could not be shown: madeto-model-viewer.js could not be loaded',
    );
    fail = false;
    await import('@google/model-viewer');
    container.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await expect.poll(() => view().dataset.state, { timeout: 20_000 }).toBe('ready');
    expect(viewer()!.ar).toBe(false);
  });

  it('waits for the buyer: nothing is loaded before "View in 3D"', async () => {
    let loads = 0;
    const load = () => {
      loads++;
      return new Promise<void>(() => {});
    };
    show({ load, autoStart: false });
    expect(view().dataset.state).toBe('idle');
    await new Promise((r) => setTimeout(r, 50));
    expect(loads).toBe(0);
    const start = container.querySelector<HTMLButtonElement>('button')!;
    expect(start.textContent).toBe('View in 3D');
    start.click();
    await expect.poll(() => view().dataset.state).toBe('loading');
    expect(loads).toBe(1);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('speaks German', () => {
    show({ locale: 'de-DE', load: () => new Promise(() => {}) });
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      '3D-Ansicht wird geladen …',
    );
  });
});
