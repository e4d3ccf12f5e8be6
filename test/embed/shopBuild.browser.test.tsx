// The shop app's build: `mount` without the rep's editor (no `enableRepMode`), as in
// `madeto-app.<hash>.js`. Rep mode is then an error naming the fix, not a blank widget.
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mount } from '../../src/embed/mount.tsx';
import { sharedStyleSheet } from '../../src/embed/styles.ts';
import { BuyerConfigurator } from '../../src/react/components/BuyerConfigurator.tsx';
import deskJson from '../../public/catalogue/desk.json';
import { cleanup, render } from '../react/render.tsx';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  cleanup();
});

describe('a build without rep mode', () => {
  it('mount with mode "rep" renders nothing and reports option "mode", naming the rep app', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const errors: { option?: string; message?: string }[] = [];
    el.addEventListener('madeto-error', (e) => errors.push((e as CustomEvent).detail));
    const widget = mount(el, { model: deskJson, mode: 'rep', rep: { token: 't' } });
    cleanups.push(() => (widget.unmount(), el.remove()));
    await expect.poll(() => errors.map((e) => e.option)).toEqual(['mode']);
    expect(errors[0]?.message).toContain('data-app="rep"');
    expect(el.shadowRoot!.querySelector('[part="root"]')!.childElementCount).toBe(0);

    // The same element in buyer mode works.
    widget.update({ mode: 'buyer' });
    await expect
      .poll(() => el.shadowRoot!.querySelectorAll('input[type="radio"]').length)
      .toBeGreaterThan(0);
  });

  it('the shared stylesheet has the widget rules but not the rep quote document', () => {
    const selectors = [...sharedStyleSheet().cssRules].map((r) => (r as CSSStyleRule).selectorText);
    expect(selectors).toContain('.madeto');
    expect(selectors).not.toContain('.madeto-quote-document');
  });

  it('<BuyerConfigurator mode="rep"> says rep mode is not part of the build', async () => {
    render(<BuyerConfigurator model={deskJson} mode="rep" urlKey={false} locale="de-DE" />);
    await expect
      .element(page.getByText('Der Vertriebsmodus ist in diesem Build nicht enthalten.'))
      .toBeVisible();
  });
});
