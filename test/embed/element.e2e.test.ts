// End-to-end, the element on the built files: options set from JS before the app arrives, the app
// defined before the element is parsed, throwing host listeners, and the keyboard (Tab through
// the widget and out, arrow keys, focus kept when the widget disables the focused control).
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { built, focused, hostEvents, open, setupE2e, type Focused } from './e2eHarness.ts';

setupE2e();

describe('a host listener that throws', () => {
  it('is the page error it is, and the widget goes on reporting and working', async () => {
    const { page, problems } = await open('/embed/shop.html');
    const radio = (name: RegExp) => page.locator('#desk').getByRole('radio', { name });
    await radio(/Aluminium, 2-stage/).waitFor({ timeout: 20_000 });
    await page.evaluate(() =>
      document.getElementById('desk')!.addEventListener('madeto-change', () => {
        throw new Error('host listener bug');
      }),
    );
    await radio(/Aluminium, 2-stage/).click();
    await expect.poll(() => radio(/Aluminium, 2-stage/).isChecked()).toBe(true);
    await radio(/Steel, 3-stage/).click();
    await expect.poll(() => radio(/Steel, 3-stage/).isChecked()).toBe(true);
    const frames = async () =>
      (await hostEvents(page))
        .filter((e) => e.type === 'madeto-change')
        .map((e) => e.detail.selection.frame);
    await expect.poll(frames).toEqual(expect.arrayContaining(['aluminium', 'steel']));
    expect(new Set(problems)).toEqual(new Set(['pageerror: host listener bug']));
    await page.close();
  });
});

describe('the config property', () => {
  it('set by a page script before the app arrived: taken over on upgrade, JS options win', async () => {
    const { page, problems } = await open('/embed/config.html');
    const desk = page.locator('#desk');
    const aluminium = desk.getByRole('radio', { name: /Aluminium, 2-stage/ });
    await aluminium.waitFor({ timeout: 20_000 });
    expect(
      await page.evaluate(
        () => (window as unknown as Record<string, unknown>)['configSetBeforeDefine'],
      ),
    ).toBe(true);
    // initialSelection (a nested option) applied; theme="light" lost to the JS option.
    await expect.poll(() => aluminium.isChecked()).toBe(true);
    expect(await desk.locator('[data-theme="dark"]').count()).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => {
        const el = document.getElementById('desk') as HTMLElement & { config: object };
        return [Object.hasOwn(el, 'config'), window.Madeto!.get(el)?.getState().options.theme];
      }),
    ).toEqual([false, 'dark']);
    // The function option is used too.
    await desk.getByRole('radio', { name: /Steel, 3-stage/ }).click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { selections: { frame?: string }[] }).selections.at(-1)?.frame,
        ),
      )
      .toBe('steel');

    // Set again after the upgrade: merged like update(); the selection stays.
    await page.evaluate(() => {
      (document.getElementById('desk') as HTMLElement & { config: object }).config = {
        theme: 'light',
      };
    });
    await expect.poll(() => desk.locator('[data-theme="dark"]').count()).toBe(0);
    expect(await desk.getByRole('radio', { name: /Steel, 3-stage/ }).isChecked()).toBe(true);
    expect(
      await page.evaluate(() => {
        const el = document.getElementById('desk') as HTMLElement & {
          config: { onChange?: unknown };
        };
        return [typeof el.config.onChange, window.Madeto!.get(el)?.getState().options.theme];
      }),
    ).toEqual(['function', 'light']);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the app defined before the element is parsed', () => {
  it('waits for the JSON child (mounts at DOMContentLoaded), no spurious error', async () => {
    const app = `/madeto/${built.app.file.split('/').pop()!}`;
    const { page, problems } = await open('/embed/early-app.html', async (p) => {
      await p.route('**/embed/early-app.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><script src="/embed/host.js"></script>
            <script src="${app}"></script></head><body>
            <madeto-configurator id="desk" locale="en-GB">
              <script type="application/json">{ "model": "/catalogue/desk.json" }</script>
            </madeto-configurator></body></html>`,
        }),
      );
    });
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    expect((await hostEvents(page)).filter((e) => e.type === 'madeto-error')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  /** Opens the keyboard page and waits for a settled widget. */
  async function settled() {
    const opened = await open('/embed/keyboard.html');
    await opened.page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await hostEvents(opened.page)).map((e) => e.type))
      .toEqual(expect.arrayContaining(['madeto-ready', 'madeto-price']));
    await opened.page.waitForLoadState('networkidle');
    return opened;
  }
  const firstRadioGroup = (page: Page) =>
    page.evaluate(() =>
      document
        .getElementById('desk')!
        .shadowRoot!.querySelector('input[type="radio"]')!
        .getAttribute('name')!,
    );

  it('Tab goes from the page into the widget, through it and out again; focus is never lost', async () => {
    const { page, problems } = await settled();
    await page.focus('#before');
    const walk: Focused[] = [];
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now.id === 'after') break;
      walk.push(now);
    }
    const describe = walk.map((f) => `${f.where}:${f.tag}[${f.type ?? ''}] ${f.value ?? f.text}`);
    expect(await focused(page), describe.join('\n')).toMatchObject({ where: 'page', id: 'after' });
    expect(walk.length, describe.join('\n')).toBeGreaterThan(0);
    expect(
      walk.filter((f) => f.where !== 'widget'),
      describe.join('\n'),
    ).toEqual([]);
    // The first radio stop is the widget's first radio group; each group is one stop.
    const radios = walk.filter((f) => f.type === 'radio');
    expect(radios[0]?.name).toBe(await firstRadioGroup(page));
    expect(new Set(radios.map((f) => f.name)).size).toBe(radios.length);

    // Back again: Shift+Tab from the page lands on the widget's last control, and leaves it at
    // its first.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual(walk.at(-1));
    await page.focus('#after');
    for (let i = 0; i < walk.length; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual(walk[0]);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ where: 'page', id: 'before' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an unavailable control keeps the focus; Next hands it to the new step, never to <body>', async () => {
    const { page, problems } = await settled();
    const desk = page.locator('#desk');
    const steps = await desk.locator('nav.madeto-stepnav button').count();
    expect(steps).toBeGreaterThan(1);
    const where = async () => {
      const f = await focused(page);
      return `${f.where}:${f.tag}:${f.text}`;
    };
    const off = (name: string) =>
      desk.getByRole('button', { name, exact: true }).getAttribute('aria-disabled');
    // "Undo" back to the start: it becomes unavailable (aria-disabled) and keeps the focus.
    await desk.getByRole('radio', { name: /Aluminium, 2-stage/ }).click();
    const undo = desk.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => off('Undo')).toBeNull();
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => off('Undo')).toBe('true');
    expect(await where()).toBe('widget:button:Undo');
    // "Next" moves the focus to the new step's heading (inside the shadow root) until the last
    // step, where Next is unavailable and, pressed, keeps the focus.
    const next = desk.getByRole('button', { name: 'Next', exact: true });
    for (let i = 0; i < steps && (await off('Next')) === null; i++) {
      await next.focus();
      await page.keyboard.press('Enter');
      await expect.poll(where, { timeout: 10_000 }).toMatch(/^widget:h\d:/);
    }
    expect(await off('Next')).toBe('true');
    await next.focus();
    await page.keyboard.press('Enter');
    expect(await where()).toBe('widget:button:Next');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('arrow keys move within a radio group and choose the value', async () => {
    const { page } = await settled();
    const group = await firstRadioGroup(page);
    await page.focus('#before');
    let now = await focused(page);
    for (let i = 0; i < 50 && !(now.type === 'radio' && now.name === group); i++) {
      await page.keyboard.press('Tab');
      now = await focused(page);
    }
    expect(now).toMatchObject({ where: 'widget', type: 'radio', name: group });
    const start = now.value;
    const changes = async () =>
      (await hostEvents(page)).filter((e) => e.type === 'madeto-change').length;
    const before = await changes();
    await page.keyboard.press('ArrowDown');
    const next = await focused(page);
    expect(next).toMatchObject({ where: 'widget', type: 'radio', name: group });
    expect(next.value).not.toBe(start);
    const checked = (value: string) =>
      page.evaluate(
        ([name, value]) =>
          document
            .getElementById('desk')!
            .shadowRoot!.querySelector<HTMLInputElement>(
              `input[type="radio"][name="${name}"][value="${value}"]`,
            )!.checked,
        [group, value] as const,
      );
    await expect.poll(() => checked(next.value!)).toBe(true);
    await expect.poll(changes).toBeGreaterThan(before);
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ name: group, value: start });
    await expect.poll(() => checked(start!)).toBe(true);
    await page.close();
  });
});
