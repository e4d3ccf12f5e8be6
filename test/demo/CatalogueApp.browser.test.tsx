import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { CatalogueApp } from '../../src/demo/CatalogueApp.tsx';
import { cleanup, render } from '../react/render.tsx';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';
import '../../src/demo/demo.css';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', location.pathname + location.search);
  window.scrollTo(0, 0);
});

describe('the demo catalogue', () => {
  it('choosing a product brings its configurator into view and gives it the focus', async () => {
    await page.viewport(390, 700);
    render(<CatalogueApp catalogueUrl="/catalogue/index.json" />);
    const link = page.getByRole('link', { name: /Modulo modular sofa/ });
    await expect.element(link).toBeVisible();
    await userEvent.click(link);
    const widget = page.getByRole('region', { name: /Modulo modular sofa/ });
    await expect.element(widget).toBeInTheDocument();
    // The catalogue is taller than the screen: without scrolling, the widget would start below it.
    await expect
      .poll(() => Math.abs((widget.element() as HTMLElement).getBoundingClientRect().top), {
        timeout: 5000,
      })
      .toBeLessThan(20);
    expect(document.activeElement).toBe(widget.element());
  });
});
