import { describe, expect, it } from 'vitest';
import { composeView, parseModel, type Selection } from '../../../src/engine/index.ts';
import { visualModel } from './fixture.ts';

const model = parseModel(visualModel());
const base: Selection = {
  frame: 'steel',
  colour: 'black',
  top: 'oak',
  width: 1500,
  lamp: false,
  'seat.count': 2,
  'seat[1].kind': 'plain',
  'seat[2].kind': 'arm',
};

const images = (s: Selection, view = 'front') =>
  composeView(model, s, view)!.layers.map((l) => l.image);

describe('composeView', () => {
  it('draws the chosen values bottom first (z, then document order)', () => {
    expect(images(base)).toEqual([
      '/img/floor.svg',
      '/img/seat.svg',
      '/img/seat-arm.svg',
      '/img/frame-steel.svg',
      '/img/top-oak.png',
    ]);
  });

  it.each([
    ['another frame', { frame: 'alu' }, '/img/frame-alu.svg', '/img/frame-steel.svg'],
    ['a boolean turned on (its when holds)', { lamp: true }, '/img/lamp.avif', undefined],
    ['another top', { top: 'glass', frame: 'alu' }, '/img/top-glass.webp', '/img/top-oak.png'],
  ])('%s changes the layers', (_name, change, added, removed) => {
    const list = images({ ...base, ...change });
    expect(list).toContain(added);
    if (removed) expect(list).not.toContain(removed);
  });

  it('a layer with a when stays hidden while the rule does not hold', () => {
    expect(images({ ...base, lamp: true, top: 'glass', frame: 'alu' })).not.toContain(
      '/img/lamp.avif',
    );
  });

  it('anchors and measures that follow a number attribute', () => {
    const top = composeView(model, { ...base, width: 2000 }, 'front')!.layers.find(
      (l) => l.image === '/img/top-oak.png',
    )!;
    // width 0.25 × 2000 = 500, anchored at its bottom centre (400, 180).
    expect(top).toMatchObject({ x: 150, y: 160, width: 500, height: 20 });
    const narrow = composeView(model, { ...base, width: 1000 }, 'front')!.layers.find(
      (l) => l.image === '/img/top-oak.png',
    )!;
    expect(narrow.width).toBe(250);
  });

  it('an unassigned number measure uses the default', () => {
    const { width: _drop, ...noWidth } = base;
    const top = composeView(model, noWidth, 'front')!.layers.find(
      (l) => l.image === '/img/top-oak.png',
    )!;
    expect(top.width).toBe(375);
  });

  it('repeated module instances are laid out by index and centred by the count', () => {
    const three = { ...base, 'seat.count': 3, 'seat[3].kind': 'plain' };
    const seats = composeView(model, three, 'front')!.layers.filter((l) =>
      l.image.startsWith('/img/seat'),
    );
    expect(seats.map((s) => [s.source.instance, s.x])).toEqual([
      [1, 250],
      [2, 350],
      [3, 450],
    ]);
    // Instance 3 does not exist with two seats: its attribute is unassigned, nothing is drawn.
    expect(
      composeView(model, { ...base, 'seat[3].kind': 'plain' }, 'front')!.layers.filter(
        (l) => l.source.instance === 3,
      ),
    ).toEqual([]);
  });

  it('tints from the swatch of the chosen colour', () => {
    const frame = (colour: string) =>
      composeView(model, { ...base, colour }, 'front')!.layers.find(
        (l) => l.image === '/img/frame-steel.svg',
      )!.tint;
    expect(frame('black')).toBe('#111111');
    expect(frame('white')).toBe('#f0f0f0');
    expect(
      composeView(model, base, 'front')!.layers.find((l) => l.image === '/img/top-oak.png')!.tint,
    ).toBeUndefined();
  });

  it('each view has its own layers; an unknown view is undefined', () => {
    expect(images(base, 'top')).toEqual(['/img/frame-steel-top.svg']);
    expect(composeView(model, base, 'side')).toBeUndefined();
  });

  it('a model without visuals stays valid and composes nothing', () => {
    const plain = visualModel();
    delete plain.visuals;
    delete plain.modules[0].layout;
    for (const a of plain.attributes) {
      delete a.layers;
      delete a.hiddenIn;
      for (const v of a.values ?? []) delete v.layers;
    }
    const parsed = parseModel(plain);
    expect(parsed.visuals).toBeUndefined();
    expect(composeView(parsed, base, 'front')).toBeUndefined();
  });
});
