import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import deskJson from '../fixtures/minimal/desk.json';
import { seriousViolations } from './axe.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);
const base = window.location.pathname;

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', base);
});

describe('<Configurator> in Chromium', () => {
  it('renders every attribute as a real, named control', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    await expect.element(page.getByRole('group', { name: 'Frame' })).toBeVisible();
    await expect.element(page.getByRole('radio', { name: 'Steel' })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Cable tray' })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Monitor arm' })).toBeVisible();
    await expect.element(page.getByRole('spinbutton', { name: 'Width (mm)' })).toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Engraving' })).toBeVisible();
  });

  it('clicking a radio changes the selection shown', async () => {
    const changes: unknown[] = [];
    render(<Configurator model={desk} urlKey={false} onChange={(s) => changes.push(s)} />);
    const summary = page.getByTestId('selection');
    await expect.element(summary).toHaveTextContent('Nothing chosen yet.');
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await expect.element(page.getByRole('radio', { name: 'Aluminium' })).toBeChecked();
    await expect.element(summary).toHaveTextContent('FrameAluminium');
    await page.getByRole('radio', { name: 'Steel' }).click();
    await expect.element(summary).toHaveTextContent('FrameSteel');
    expect(changes.at(-1)).toEqual({ frame: 'steel' });
  });

  it('checkboxes, numbers and text update the selection; the keyboard works', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    const summary = page.getByTestId('selection');
    await page.getByRole('checkbox', { name: 'Monitor arm' }).click();
    await page.getByRole('checkbox', { name: 'Drawer' }).click();
    await expect.element(summary).toHaveTextContent('AccessoriesMonitor arm, Drawer');
    await page.getByRole('spinbutton', { name: 'Width (mm)' }).fill('1500');
    await expect.element(summary).toHaveTextContent('Width1500 mm');
    await page.getByRole('textbox', { name: 'Engraving' }).fill('Hi there');
    await expect.element(summary).toHaveTextContent('EngravingHi there');
    // Keyboard only: focus the first drive radio and move with the arrow key.
    (page.getByRole('radio', { name: 'Single motor' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('radio', { name: 'Dual motor' })).toBeChecked();
    await expect.element(summary).toHaveTextContent('DriveDual motor');
  });

  it('every value carries its state; relevance hides and shows attributes', async () => {
    render(<Configurator model={desk} layout="all" urlKey={false} />);
    const option = (name: string) => page.getByRole('radio', { name }).element().closest('label')!;
    await expect.poll(() => option('Oak').dataset.state).toBe('available');
    // Legs are relevant only on the steel frame.
    await expect.element(page.getByRole('group', { name: 'Legs' })).not.toBeInTheDocument();
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await expect.poll(() => option('Aluminium').dataset.state).toBe('selected');
    await expect.poll(() => option('Oak').dataset.state).toBe('conflict');
    await expect.poll(() => option('Dual motor').dataset.state).toBe('conflict');
    await expect.poll(() => option('Laminate').dataset.state).toBe('available');
    await expect.element(page.getByText('Allowed: 1000–1500 mm')).toBeVisible();
    await page.getByRole('radio', { name: 'Steel' }).click();
    await expect.element(page.getByRole('group', { name: 'Legs' })).toBeVisible();
    await expect.element(page.getByText('Allowed: 1000–2000 mm')).toBeVisible();
  });

  it('walks the steps with completeness, by keyboard', async () => {
    render(<Configurator model={desk} urlKey={false} />);
    const steps = page.getByRole('navigation', { name: 'Steps' });
    const structure = steps.getByRole('button', { name: /Structure/ });
    await expect.element(structure).toHaveAttribute('aria-current', 'step');
    await expect.element(structure).toHaveAttribute('data-state', 'empty');
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await expect.element(structure).toHaveAttribute('data-state', 'incomplete');
    await expect.element(structure).toHaveTextContent('1/4');
    await expect
      .element(page.getByRole('checkbox', { name: 'Cable tray' }))
      .not.toBeInTheDocument();
    (page.getByRole('button', { name: 'Next' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect
      .element(steps.getByRole('button', { name: /Extras/ }))
      .toHaveAttribute('aria-current', 'step');
    await expect.element(page.getByRole('checkbox', { name: 'Cable tray' })).toBeVisible();
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByRole('checkbox', { name: 'Cable tray' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(page.getByRole('checkbox', { name: 'Cable tray' })).toBeChecked();
  });

  it('an unavailable Undo or Next keeps the focus (aria-disabled, not disabled) and ignores presses', async () => {
    render(<Configurator model={desk} urlKey={false} />);
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    const undo = page.getByRole('button', { name: 'Undo' });
    (undo.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('radio', { name: 'Aluminium' })).not.toBeChecked();
    await expect.element(undo).toHaveAttribute('aria-disabled', 'true');
    await expect.element(undo).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect
      .element(page.getByRole('button', { name: 'Redo' }))
      .not.toHaveAttribute('aria-disabled');
    // Next moves the focus to the new step's heading; on the last step Next is unavailable.
    const next = page.getByRole('button', { name: 'Next' });
    for (let i = 0; i < 10 && next.element().getAttribute('aria-disabled') !== 'true'; i++) {
      (next.element() as HTMLElement).focus();
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => document.activeElement?.tagName).toMatch(/^H\d$/);
    }
    await expect.element(next).toHaveAttribute('aria-disabled', 'true');
    (next.element() as HTMLElement).focus();
    const heading = document.querySelector('.madeto-steps h2, .madeto-steps h3');
    await userEvent.keyboard('{Enter}');
    await expect.element(next).toHaveFocus();
    expect(document.querySelector('.madeto-steps h2, .madeto-steps h3')).toBe(heading);
  });

  it('the toolbar is one Tab stop; arrows, Home and End move within it (reversed in RTL)', async () => {
    render(
      <>
        <input aria-label="before" />
        <Configurator model={desk} urlKey={false} />
      </>,
    );
    const toolbar = page.getByRole('toolbar');
    await expect.element(toolbar).toBeVisible();
    const name = () => document.activeElement?.textContent;
    (page.getByRole('textbox', { name: 'before' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Tab}');
    expect(name()).toBe('Undo');
    for (const [key, want] of [
      ['{ArrowRight}', 'Redo'],
      ['{ArrowRight}', 'Complete for me'],
      ['{End}', 'Reset'],
      ['{ArrowRight}', 'Undo'],
      ['{ArrowLeft}', 'Reset'],
      ['{Home}', 'Undo'],
      ['{ArrowLeft}', 'Reset'],
      ['{ArrowLeft}', 'Fastest'],
    ] as const) {
      await userEvent.keyboard(key);
      expect(name(), key).toBe(want);
    }
    // Tab leaves the toolbar; Shift+Tab comes back to the button last used.
    await userEvent.keyboard('{Tab}');
    expect(toolbar.element().contains(document.activeElement)).toBe(false);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(name()).toBe('Fastest');
  });

  it('in a right-to-left widget ArrowLeft moves forward', async () => {
    render(<Configurator model={desk} urlKey={false} dir="rtl" />);
    const undo = page.getByRole('button', { name: 'Undo' });
    (undo.element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement?.textContent).toBe('Redo');
  });

  it.each([
    [400, 'stacked'],
    [1000, 'side by side'],
  ])('a %ipx slot lays the summary out %s (container query)', async (width, layout) => {
    const container = render(
      <div style={{ width: `${width}px` }}>
        <Configurator model={desk} urlKey={false} />
      </div>,
    );
    await expect.element(page.getByRole('radio', { name: 'Steel' })).toBeVisible();
    const form = container.querySelector('form')!.getBoundingClientRect();
    const aside = container.querySelector('aside')!.getBoundingClientRect();
    expect(
      aside.top >= form.bottom ? 'stacked' : aside.left >= form.right ? 'side by side' : 'overlap',
    ).toBe(layout);
  });

  it('two widgets on one page keep separate selections', async () => {
    render(
      <>
        <Configurator model={desk} urlKey="first" />
        <Configurator model={desk} urlKey="second" />
      </>,
    );
    const oak = page.getByRole('radio', { name: 'Oak' });
    await oak.nth(0).click();
    await expect.element(oak.nth(0)).toBeChecked();
    await expect.element(oak.nth(1)).not.toBeChecked();
    await expect
      .element(page.getByTestId('selection').nth(1))
      .toHaveTextContent('Nothing chosen yet.');
    // The address follows the click after its paint (with the frame around the fields).
    await expect
      .poll(() => new URLSearchParams(window.location.search).get('madeto-first'))
      .toContain('top=oak');
    expect(new URLSearchParams(window.location.search).get('madeto-second')).toBeNull();
  });

  it('axe finds nothing serious, light and dark', async () => {
    const light = render(<Configurator model={desk} layout="all" urlKey={false} />);
    await expect.element(page.getByRole('radio', { name: 'Steel' })).toBeVisible();
    expect(await seriousViolations(light)).toEqual([]);
    cleanup();
    const dark = render(<Configurator model={desk} layout="all" theme="dark" urlKey={false} />);
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    expect(await seriousViolations(dark)).toEqual([]);
  });
});
