import * as a11yAnnotations from '@storybook/addon-a11y/preview';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as previewAnnotations from '../../.storybook/preview.ts';
import { parseModel } from '../../src/engine/index.ts';
import { seriousViolations } from '../react/axe.ts';
import { cleanup, render } from '../react/render.tsx';

/**
 * Every story of `stories/` as a test in Chromium (Storybook 10 portable stories): composed with
 * the project's and the a11y addon's annotations, rendered and played with `run()`, left to
 * settle (widgets loading by URL or compiling their model), then checked with axe. The addon's
 * own check runs in `run()` too but only fails a run under `@storybook/addon-vitest`, so axe is
 * run here as well (test/react/axe.ts: serious and critical violations fail).
 */
type StoryModule = Parameters<typeof composeStories>[0];

/** What this test uses of a composed story: `run()` renders into the canvas and plays it. */
interface ComposedStory {
  run: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

/** A module's stories, composed with the project annotations, by export name. */
const composed = (module: StoryModule): Record<string, ComposedStory> =>
  Object.fromEntries(Object.entries(composeStories(module)) as [string, ComposedStory][]);

const modules = import.meta.glob<StoryModule>('../../stories/*.stories.tsx', { eager: true });

/** The public components (src/react/index.ts and the panels) that must each have a story file. */
const PUBLIC_COMPONENTS = [
  'AttributeField',
  'Configurator',
  'PriceSummary',
  'PromiseSummary',
  'PromiseTimeline',
  'QuoteForm',
  'ShareButton',
  'StickySummary',
];

const fileName = (path: string) => path.replace(/^.*\//, '').replace(/\.stories\.tsx$/, '');

/**
 * A story has settled when no widget inside it is still loading or compiling: a `<Configurator>`
 * shows its skeleton inside its themed frame (`.madeto[data-theme]`) until the model is ready,
 * and marks `data-pending` what still waits for work after the paint.
 */
async function settled(canvas: HTMLElement): Promise<void> {
  await expect
    .poll(() => canvas.querySelectorAll('.madeto[data-theme] > .madeto-skeleton').length, {
      timeout: 20_000,
    })
    .toBe(0);
  // Nor is any part still waiting for the state after the paint (a pending panel is dimmed for a
  // moment, which axe would read as low contrast on a loaded machine).
  await expect
    .poll(() => canvas.querySelectorAll('[data-pending]').length, { timeout: 20_000 })
    .toBe(0);
}

beforeAll(() => {
  setProjectAnnotations([a11yAnnotations, previewAnnotations]);
});

afterEach(cleanup);

describe('story files', () => {
  it('every public component has a story file with an AllStates story', () => {
    const withAllStates = Object.entries(modules)
      .filter(([, module]) => 'AllStates' in module)
      .map(([path]) => fileName(path));
    expect(withAllStates).toEqual(expect.arrayContaining(PUBLIC_COMPONENTS));
  });
});

for (const [path, module] of Object.entries(modules)) {
  const stories = composed(module);
  describe(fileName(path), () => {
    it.each(Object.entries(stories))('%s renders, plays and is axe clean', async (_name, Story) => {
      const canvasElement = document.createElement('div');
      document.body.append(canvasElement);
      await Story.run({ canvasElement });
      await settled(canvasElement);
      expect(canvasElement.childElementCount).toBeGreaterThan(0);
      expect(await seriousViolations(canvasElement)).toEqual([]);
    });
  });
}

/** What particular stories must show once played and settled (beyond rendering axe-clean). */
describe('story contents', () => {
  const story = (file: string, name: string) => {
    const module = Object.entries(modules).find(([path]) => fileName(path) === file)?.[1];
    const found = module ? composed(module)[name] : undefined;
    if (!found) throw new Error(`stories/${file}.stories.tsx has no story ${name}`);
    return found;
  };
  const run = async (file: string, name: string) => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    await story(file, name).run({ canvasElement });
    await settled(canvasElement);
    return canvasElement;
  };

  it.each([
    ['CatalogueDesk', 'Desk'],
    ['CatalogueBike', 'Bike'],
    ['CatalogueSofa', 'Sofa'],
  ])('Configurator %s: the catalogue model loads into a working widget', async (name, word) => {
    const canvas = await run('Configurator', name);
    await expect
      .poll(() => canvas.querySelector('.madeto-layout h2')?.textContent ?? '')
      .toMatch(new RegExp(word, 'i'));
    expect(canvas.querySelector('.madeto-error-state')).toBeNull();
  });

  it('Configurator AllStates: loading, error with retry, incomplete, conflict, valid, rtl', async () => {
    const canvas = await run('Configurator', 'AllStates');
    await expect.poll(() => canvas.querySelectorAll('.madeto-error-state').length).toBe(1);
    const layouts = [...canvas.querySelectorAll<HTMLElement>('.madeto-layout')];
    const states = layouts.map((l) => l.dataset.state);
    expect(states).toContain('valid');
    expect(states).toContain('incomplete');
    expect(canvas.querySelector('[data-state="conflict"]')).not.toBeNull();
    expect(canvas.querySelector('[data-state="impossible"]')).not.toBeNull();
    expect(canvas.querySelector('.madeto[dir="rtl"] .madeto-layout')).not.toBeNull();
    expect(canvas.querySelector('[data-state="approval-required"]')).not.toBeNull();
  });

  it('Configurator German: the widget core speaks German', async () => {
    const canvas = await run('Configurator', 'German');
    await expect
      .poll(() => canvas.querySelector('.madeto-toolbar')?.textContent ?? '')
      .toContain('Rückgängig');
    expect(canvas.querySelector('.madeto-step-actions')?.textContent).toContain('Weiter');
  });

  it('AttributeField AllStates: empty, conflict, impossible, a dropped off-pattern text, rtl', async () => {
    const canvas = await run('AttributeField', 'AllStates');
    await expect.poll(() => canvas.querySelectorAll('.madeto-layout').length).toBe(5);
    for (const selector of [
      '[data-state="conflict"]',
      '[data-state="impossible"]',
      '.madeto-notice[data-state="dropped"]',
      '.madeto[dir="rtl"] .madeto-layout',
    ])
      expect(canvas.querySelector(selector), selector).not.toBeNull();
  });

  it.each([
    ['PriceSummary', 10],
    ['PromiseSummary', 10],
    ['PromiseTimeline', 10],
  ])('%s AllStates shows every fixture state', async (file, figures) => {
    const canvas = await run(file, 'AllStates');
    expect(canvas.querySelectorAll('figure').length).toBeGreaterThanOrEqual(figures);
  });

  it.each([
    ['Desk', '/catalogue/desk.json', 'Top material'],
    ['Bike', '/catalogue/bike.json', 'Frame material'],
    ['Sofa', '/catalogue/sofa.json', 'Seat 5 – Module'],
  ])('Products %s: a control per attribute, named by its label', async (name, url, label) => {
    const module = Object.entries(modules).find(([path]) => fileName(path) === 'Products')![1];
    const story = (composeStories(module) as Record<string, unknown>)[name] as {
      argTypes: Record<string, { name: string }>;
    };
    const model = parseModel(await (await fetch(url)).json());
    expect(Object.keys(story.argTypes).sort()).toEqual(model.attributes.map((a) => a.id).sort());
    expect(Object.values(story.argTypes).map((t) => t.name)).toContain(label);
  });

  it("Products Desk: the controls are the widget's selection, and it offers the 3D view", async () => {
    const canvas = await run('Products', 'Desk');
    const checked = (name: RegExp) =>
      [...canvas.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
        (r) => r.checked && name.test(r.closest('label')?.textContent ?? ''),
      );
    await expect.poll(() => checked(/oak/i)).toBeDefined();
    const view = canvas.querySelector<HTMLElement>('.madeto-model3d');
    expect(view?.dataset.state).toBe('idle');
    expect(view?.textContent).toBe('View in 3D');
  });

  it('ProductModel3D AllStates: waiting, loading, failed with its reason, German', async () => {
    const canvas = await run('ProductModel3D', 'AllStates');
    const state = (name: string) =>
      canvas.querySelector<HTMLElement>(`[data-story-state="${name}"] .madeto-model3d`)?.dataset
        .state;
    expect(state('waiting for the buyer')).toBe('idle');
    expect(state('loading')).toBe('loading');
    await expect.poll(() => state('viewer failed')).toBe('error');
    expect(
      canvas.querySelector('[data-story-state="viewer failed"] [role="alert"]')?.textContent,
    ).toContain('madeto-model-viewer.js could not be loaded');
    await expect
      .poll(() => canvas.querySelector('[data-story-state="german"] [role="alert"]')?.textContent)
      .toContain('Die 3D-Ansicht konnte nicht angezeigt werden');
  });

  it.each([
    ['ConflictWithRepair', 1, 1, /Frame: .*Aluminium.* → .*Steel/],
    ['SeveralBlockers', 1, 2, /→/],
    ['SeveralRules', 2, 1, /→/],
  ])(
    'ExplainDialog %s: open, %i rule(s), %i choice(s) in the way, a repair preview',
    async (name, rules, blockers, change) => {
      const canvas = await run('ExplainDialog', name);
      const dialog = canvas.querySelector('dialog[open]')!;
      expect(dialog.querySelectorAll('.madeto-reasons li')).toHaveLength(rules);
      expect(dialog.querySelectorAll('.madeto-in-the-way li')).toHaveLength(blockers);
      await expect
        .poll(() => dialog.querySelector('.madeto-preview')?.textContent ?? '')
        .toMatch(change);
    },
  );

  it("MigrationNotice SharedLinkNotKept: the shared link's version and each dropped choice, named", async () => {
    const canvas = await run('MigrationNotice', 'SharedLinkNotKept');
    const notice = () => canvas.querySelector('.madeto-notice[role="alert"]')?.textContent ?? '';
    await expect.poll(notice).toContain('The shared configuration');
    expect(notice()).toContain('2025-03-01');
    expect(notice()).toMatch(/no longer part of this product/);
    expect(notice()).toMatch(/“turbo” is no longer offered/);
  });

  it('QuoteForm AllStates: sending, sent and failed are there from the first frame, with no play', async () => {
    const module = Object.entries(modules).find(([path]) => fileName(path) === 'QuoteForm')![1];
    const { AllStates } = composeStories(module) as Record<string, () => ReactNode>;
    const canvas = render(AllStates ? <AllStates /> : null);
    const state = (name: string) =>
      canvas
        .querySelector(`[data-story-state="${name}"] .madeto-quote`)
        ?.getAttribute('data-state');
    expect([state('submitting'), state('success'), state('failure')]).toEqual([
      'submitting',
      'success',
      'failure',
    ]);
    expect(canvas.querySelector('[data-story-state="failure"] [role="alert"]')?.textContent).toBe(
      'Your request could not be sent: the server answered 503 Service Unavailable',
    );
    expect(await seriousViolations(canvas)).toEqual([]);
  });

  it('QuoteForm AllStates played: the invalid form shows its errors, the others keep their states', async () => {
    const canvas = await run('QuoteForm', 'AllStates');
    const state = (name: string) =>
      canvas
        .querySelector(`[data-story-state="${name}"] .madeto-quote`)
        ?.getAttribute('data-state');
    await expect.poll(() => state('success')).toBe('success');
    expect(state('failure')).toBe('failure');
    expect(state('submitting')).toBe('submitting');
    expect(canvas.textContent).toContain('Enter a valid email address');
  });

  // stories/<Product>Modules.stories.tsx (generated by scripts/module-stories.mjs): every state
  // of a module reaches a valid configuration, and draws the module's own layers in some view.
  it.each(['DeskModules', 'BikeModules', 'SofaModules'])(
    '%s: every module state is drawn with its own layers',
    async (file) => {
      const module = Object.entries(modules).find(([path]) => fileName(path) === file)![1];
      for (const name of Object.keys(composed(module))) {
        const canvas = await run(file, name);
        const rows = [...canvas.querySelectorAll<HTMLElement>('tbody tr[data-state]')];
        expect(rows.length, name).toBeGreaterThan(0);
        for (const row of rows) {
          const own = [...row.querySelectorAll<HTMLElement>('[data-own-layers]')].map((c) =>
            Number(c.dataset['ownLayers']),
          );
          expect(own.length, `${name} ${row.dataset['state']}`).toBe(
            row.querySelectorAll('td').length,
          );
          if (row.dataset['state'] !== 'No')
            expect(Math.max(...own), `${name} ${row.dataset['state']}`).toBeGreaterThan(0);
        }
        cleanup();
      }
    },
  );

  it('SofaModules SeatType: a seat type is drawn once per instance in every view', async () => {
    const canvas = await run('SofaModules', 'SeatType');
    const standard = canvas.querySelector<HTMLElement>('tr[data-state="Standard seat, 90 cm"]')!;
    const own = [...standard.querySelectorAll<HTMLElement>('[data-own-layers]')].map(
      (c) => c.dataset['ownLayers'],
    );
    expect(own).toEqual(['3', '3']);
  });

  it.each([
    ['Desk', ['front', 'top']],
    ['Bike', ['side', 'front']],
    ['Sofa', ['front', 'top']],
  ])('ProductPicture %s: every view drawn from the default completion', async (name, views) => {
    const canvas = await run('ProductPicture', name);
    const figures = [...canvas.querySelectorAll<HTMLElement>('figure[data-view]')];
    expect(figures.map((f) => f.dataset['view'])).toEqual(views);
    for (const f of figures)
      expect(
        f.querySelectorAll('[role="img"] > *').length,
        f.dataset['view'],
      ).toBeGreaterThanOrEqual(3);
  });

  it('ProductPicture OnTheQuote: every view of each product as the quote documents draw it, each named', async () => {
    const canvas = await run('ProductPicture', 'OnTheQuote');
    const names = (id: string) =>
      [...canvas.querySelectorAll(`[data-product="${id}"] figcaption`)].map((c) => c.textContent);
    expect(names('DESK')).toEqual(['Front', 'From above']);
    expect(names('BIKE')).toEqual(['Side', 'Front']);
    expect(names('SOFA')).toEqual(['Front', 'From above']);
    for (const img of canvas.querySelectorAll<HTMLElement>('.madeto-line-picture'))
      expect(img.querySelectorAll('.madeto-line-picture-layer').length).toBeGreaterThanOrEqual(3);
  });

  // A story's own frame (the file's decorator) would squeeze the whole grid into one column of its
  // width: AllStates frames each state itself, so its figures stand in no frame of the story's.
  it.each([
    'PriceSummary',
    'PromiseSummary',
    'PromiseTimeline',
    'StickySummary',
    'QuoteForm',
    'ShareButton',
  ])('%s AllStates: each state framed once, the grid in no frame of its own', async (file) => {
    const canvas = await run(file, 'AllStates');
    expect(canvas.querySelectorAll('figure').length).toBeGreaterThan(1);
    expect(canvas.querySelector('.madeto figure')).toBeNull();
  });
});
