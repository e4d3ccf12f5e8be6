// The page the widget click benchmark drives (see widgetClick.bench.ts): one <Configurator> on
// the model at ?model=…, and window.__madetoBench(clicks, seed) that clicks available values
// and returns per-click timings. Not a test: timings are this machine's.
import { createRoot } from 'react-dom/client';
import { Configurator } from '../../../src/react/components/Configurator.tsx';
import '../../../src/react/styles/madeto.css';

interface Timing {
  /** Click → the DOM shows the new selection with the new domains (no pending worker answer). */
  dom: number;
  /** Click → the first animation frame after that (the updated screen). */
  frame: number;
}

const params = new URLSearchParams(window.location.search);
const root = document.getElementById('root')!;
createRoot(root).render(
  <Configurator
    model={params.get('model')!}
    urlKey={false}
    layout="all"
    workerThreshold={Number(params.get('threshold') ?? '60')}
  />,
);

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Click = { run: () => void; done: () => boolean };

function candidates(): Click[] {
  const out: Click[] = [];
  for (const label of root.querySelectorAll<HTMLLabelElement>('label.madeto-option')) {
    const input = label.querySelector('input');
    if (!input || label.dataset.state !== 'available' || input.type !== 'radio') continue;
    out.push({ run: () => input.click(), done: () => input.checked });
  }
  for (const select of root.querySelectorAll<HTMLSelectElement>('select')) {
    for (const option of select.querySelectorAll<HTMLOptionElement>('option')) {
      if (option.dataset.state !== 'available') continue;
      out.push({
        run: () => {
          select.value = option.value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        },
        done: () => select.value === option.value && option.dataset.state === 'selected',
      });
    }
  }
  return out;
}

function settled(done: () => boolean): boolean {
  const layout = root.querySelector('.madeto-layout');
  return done() && layout !== null && !layout.hasAttribute('data-pending');
}

function waitFor(done: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (settled(done)) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!settled(done)) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(root, { attributes: true, childList: true, subtree: true });
  });
}

async function bench(clicks: number, seed: number): Promise<Timing[]> {
  while (!root.querySelector('.madeto-layout')) await new Promise((r) => setTimeout(r, 50));
  const random = lcg(seed);
  const timings: Timing[] = [];
  for (let i = 0; i < clicks; i++) {
    const list = candidates();
    const pick = list[Math.floor(random() * list.length)];
    if (!pick) break;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    pick.run();
    const dom = await waitFor(pick.done);
    const frame = await new Promise<number>((r) =>
      requestAnimationFrame(() => r(performance.now())),
    );
    timings.push({ dom: dom - t0, frame: frame - t0 });
  }
  return timings;
}

(window as unknown as { __madetoBench: typeof bench }).__madetoBench = bench;
