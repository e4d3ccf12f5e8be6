import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPeekStore, PEEK_DWELL_MS, type Peek } from '../../../src/react/preview/peekStore.ts';

const oak: Peek = { attribute: 'topMaterial', key: 'oak', type: 'choice' };
const walnut: Peek = { attribute: 'topMaterial', key: 'walnut', type: 'choice' };

/** A store and the list of peeks its listeners saw (one entry per notification). */
function watched() {
  const store = createPeekStore();
  const seen: (string | undefined)[] = [];
  store.subscribe(() => seen.push(store.get()?.key));
  return { store, seen };
}

describe('the peek store (hover intent)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a value the pointer rests on after the dwell, and clears it after leaving', () => {
    const { store, seen } = watched();
    store.hover(oak);
    vi.advanceTimersByTime(PEEK_DWELL_MS - 1);
    expect(store.get()).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(store.get()).toEqual(oak);
    store.unhover(oak);
    expect(store.get()).toEqual(oak);
    vi.advanceTimersByTime(PEEK_DWELL_MS);
    expect(store.get()).toBeUndefined();
    expect(seen).toEqual(['oak', undefined]);
  });

  it('a pointer passing over options on its way to a click draws nothing', () => {
    const { store, seen } = watched();
    store.hover(oak);
    store.unhover(oak);
    store.hover(walnut);
    store.press(walnut);
    store.focus(walnut); // the focus the press brings
    vi.advanceTimersByTime(10 * PEEK_DWELL_MS);
    expect(seen).toEqual([]);
  });

  it('moving from a shown value to its neighbour redraws once, with the neighbour', () => {
    const { store, seen } = watched();
    store.hover(oak);
    vi.advanceTimersByTime(PEEK_DWELL_MS);
    store.unhover(oak);
    store.hover(walnut);
    vi.advanceTimersByTime(PEEK_DWELL_MS);
    expect(seen).toEqual(['oak', 'walnut']);
  });

  it('keyboard focus peeks at once and blur clears at once; a late focus after a press peeks', () => {
    const { store, seen } = watched();
    store.focus(oak);
    expect(store.get()).toEqual(oak);
    store.leave(oak);
    expect(store.get()).toBeUndefined();
    store.press(walnut);
    store.focus(walnut);
    expect(store.get()).toBeUndefined();
    vi.advanceTimersByTime(2000);
    store.focus(walnut);
    expect(store.get()).toEqual(walnut);
    expect(seen).toEqual(['oak', undefined, 'walnut']);
  });

  it('leaving a value drops its pending hover but keeps another shown value', () => {
    const { store } = watched();
    store.focus(oak);
    store.hover(walnut);
    store.leave(walnut);
    vi.advanceTimersByTime(PEEK_DWELL_MS);
    expect(store.get()).toEqual(oak);
  });
});
