import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  model3dVariant,
  parseModel,
  ModelError,
  type ModelIssue,
} from '../../../src/engine/index.ts';

const desk = JSON.parse(
  readFileSync(new URL('../../fixtures/minimal/desk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const model3d = {
  src: '/catalogue/desk.gltf',
  alt: 'A desk',
  variants: { top: { oak: 'oak', laminate: 'white-laminate' }, frame: { aluminium: 'silver' } },
};

function issuesOf(edit: (m3d: Record<string, unknown>) => void): ModelIssue[] {
  const copy = structuredClone({ ...desk, model3d: structuredClone(model3d) });
  edit(copy.model3d as Record<string, unknown>);
  try {
    parseModel(copy);
  } catch (error) {
    if (error instanceof ModelError) return error.issues;
    throw error;
  }
  return [];
}

describe('model3d: an optional glTF per product', () => {
  it('names the choice that picked the variant', () => {
    const parsed = parseModel({ ...desk, model3d }).document.model3d!;
    expect(model3dVariant(parsed, { frame: 'aluminium', top: 'oak' })).toEqual({
      variant: 'oak',
      attribute: 'top',
      value: 'oak',
    });
  });

  it('is optional, and kept in the document when given', () => {
    expect(parseModel(desk).document.model3d).toBeUndefined();
    const model = parseModel({ ...desk, model3d });
    expect(model.document.model3d).toEqual(model3d);
    expect(parseModel({ ...desk, model3d: { src: 'a.glb', alt: 'A' } }).document.model3d).toEqual({
      src: 'a.glb',
      alt: 'A',
      variants: {},
    });
  });

  it.each<[string, (m: Record<string, any>) => void, ModelIssue]>([
    ['no src', (m) => delete m.src, { path: '$.model3d.src', message: expect.any(String) }],
    ['empty alt', (m) => (m.alt = ''), { path: '$.model3d.alt', message: expect.any(String) }],
    [
      'an unknown key',
      (m) => (m.poster = 'x.png'),
      { path: '$.model3d', message: expect.stringContaining('poster') },
    ],
    [
      'an unknown attribute',
      (m) => (m.variants.colour = { red: 'red' }),
      {
        path: '$.model3d.variants.colour',
        message: expect.stringMatching(
          /unknown attribute 'colour' \(choice attributes: frame, top/,
        ),
      },
    ],
    [
      'a number attribute',
      (m) => (m.variants.width = { '1200': 'short' }),
      {
        path: '$.model3d.variants.width',
        message: expect.stringContaining("'width' is not one"),
      },
    ],
    [
      'an unknown value',
      (m) => (m.variants.top.walnut = 'walnut'),
      {
        path: '$.model3d.variants.top.walnut',
        message: "model3d variants name unknown value 'walnut' of 'top' (values: oak, laminate)",
      },
    ],
    [
      'an empty variant name',
      (m) => (m.variants.top.oak = ''),
      { path: '$.model3d.variants.top.oak', message: expect.any(String) },
    ],
  ])('%s is reported at its JSON path', (_name, edit, expected) => {
    expect(issuesOf(edit)).toEqual([expected]);
  });

  it.each<[Record<string, string>, string | null]>([
    [{}, null],
    [{ top: 'oak' }, 'oak'],
    [{ top: 'laminate', frame: 'aluminium' }, 'white-laminate'],
    [{ frame: 'aluminium' }, 'silver'],
    [{ frame: 'steel' }, null],
    [{ top: 'constructor' }, null],
  ])('the selection %j shows the variant %s', (selection, expected) => {
    const shown = model3dVariant(parseModel({ ...desk, model3d }).document.model3d!, selection);
    expect(shown?.variant ?? null).toBe(expected);
  });
});
