import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Configurator } from '../../../src/react/components/Configurator.tsx';
import { ShareButton, type SharePlatform } from '../../../src/react/components/ShareButton.tsx';
import { decodeSelection } from '../../../src/react/url/selectionParam.ts';
import { seriousViolations } from '../axe.ts';
import { completeSelection, desk } from '../panelFixtures.ts';
import { cleanup, render } from '../render.tsx';
import '../../../src/react/styles/madeto.css';

afterEach(cleanup);

const LINK = 'https://shop.example/desk?madeto-desk=DESK%402026-11-01%7Cq%3D1';

/** A platform that records what it was asked and answers as told. */
function platform(answers: { share?: 'ok' | 'abort' | 'denied'; copy: 'ok' | 'denied' }) {
  const calls: string[] = [];
  const fail = (name: string) => Promise.reject(new DOMException('no', name));
  const used: SharePlatform = {
    writeText: (text) => {
      calls.push(`copy ${text}`);
      return answers.copy === 'ok' ? Promise.resolve() : fail('NotAllowedError');
    },
    ...(answers.share && {
      share: (data: ShareData) => {
        calls.push(`share ${data.title} ${data.url}`);
        return answers.share === 'ok'
          ? Promise.resolve()
          : fail(answers.share === 'abort' ? 'AbortError' : 'NotAllowedError');
      },
    }),
  };
  return { calls, used };
}

function share(used: SharePlatform) {
  return render(
    <div className="madeto" data-theme="light">
      <ShareButton getUrl={() => LINK} title="Desk" locale="en" platform={used} />
    </div>,
  );
}

const state = (container: HTMLElement) =>
  container.querySelector('.madeto-share')?.getAttribute('data-state');

describe('<ShareButton>', () => {
  it('without a share sheet: copies the link and says so next to the button, axe clean', async () => {
    const { calls, used } = platform({ copy: 'ok' });
    const container = share(used);
    await userEvent.click(page.getByRole('button', { name: 'Share' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Link copied');
    expect(calls).toEqual([`copy ${LINK}`]);
    expect(state(container)).toBe('copied');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('with the Web Share API: hands title and link to the share sheet, nothing copied', async () => {
    const { calls, used } = platform({ share: 'ok', copy: 'ok' });
    const container = share(used);
    await userEvent.click(page.getByRole('button', { name: 'Share' }));
    await expect.element(page.getByRole('status')).toHaveTextContent('Shared');
    expect(calls).toEqual([`share Desk ${LINK}`]);
    expect(state(container)).toBe('shared');
  });

  it('the buyer closes the share sheet: nothing else happens', async () => {
    const { calls, used } = platform({ share: 'abort', copy: 'ok' });
    const container = share(used);
    await userEvent.click(page.getByRole('button', { name: 'Share' }));
    await expect.poll(() => calls.length).toBe(1);
    expect(state(container)).toBe('idle');
  });

  it('a share sheet that is not allowed here: the link is copied instead', async () => {
    const { calls, used } = platform({ share: 'denied', copy: 'ok' });
    const container = share(used);
    await userEvent.click(page.getByRole('button', { name: 'Share' }));
    await expect.poll(() => state(container)).toBe('copied');
    expect(calls).toEqual([`share Desk ${LINK}`, `copy ${LINK}`]);
  });

  it('no clipboard either: the link is shown, labelled and selected, to copy by hand', async () => {
    const { used } = platform({ copy: 'denied' });
    const container = share(used);
    await userEvent.click(page.getByRole('button', { name: 'Share' }));
    const field = page.getByRole('textbox', { name: 'Copy this link:' });
    await expect.element(field).toHaveValue(LINK);
    const input = field.element() as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, LINK.length]);
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('Share in a <Configurator>', () => {
  it('with a URL key: the link carries the current configuration under that key', async () => {
    const { calls, used } = platform({ copy: 'ok' });
    // The widget's own button uses the browser; here the clipboard is watched instead.
    const original = navigator.clipboard.writeText.bind(navigator.clipboard);
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: used.writeText,
    });
    try {
      render(
        <Configurator model={desk} initialSelection={completeSelection} urlKey="desk-share" />,
      );
      await userEvent.click(page.getByRole('button', { name: 'Share' }));
      await expect.poll(() => calls.length).toBe(1);
      const link = new URL(calls[0]!.replace(/^copy /, ''));
      const saved = decodeSelection(link.searchParams.get('madeto-desk-share')!);
      expect(saved).toMatchObject({ modelId: desk.id, quantity: 1 });
      expect(saved?.raw['frame']).toBe(String(completeSelection['frame']));
      await expect.element(page.getByRole('status').first()).toBeInTheDocument();
    } finally {
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: original,
      });
      history.replaceState(null, '', location.pathname);
    }
  });

  it('without a URL key (the selection is not kept in links): no Share button', async () => {
    render(<Configurator model={desk} urlKey={false} />);
    await expect.element(page.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Share' })).not.toBeInTheDocument();
  });
});
