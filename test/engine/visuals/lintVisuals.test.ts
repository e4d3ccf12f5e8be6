import { describe, expect, it } from 'vitest';
import { lintVisuals, parseModel } from '../../../src/engine/index.ts';
import { visualModel } from './fixture.ts';

function lint(edit: (m: any) => void = () => {}, imageExists?: (image: string) => boolean) {
  const m = visualModel();
  edit(m);
  return lintVisuals(parseModel(m), imageExists ? { imageExists } : {});
}

describe('lintVisuals', () => {
  it('the fixture: no findings when every image exists', () => {
    expect(lint(undefined, () => true)).toEqual([]);
  });

  it('missing images are errors at the layer, each file and layer once', () => {
    const findings = lint(undefined, (image) => image !== '/img/seat.svg');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'missing-image',
        path: '$.attributes[5].values[0].layers[0].image',
      }),
    ]);
    expect(findings[0]!.message).toContain("'/img/seat.svg'");
  });

  it('images are not checked without a way to look', () => {
    expect(lint().filter((f) => f.code === 'missing-image')).toEqual([]);
  });

  it('a value without a layer in a view its attribute draws in', () => {
    const findings = lint((m) => m.attributes[0].values[1].layers.shift());
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'value-without-layer',
        path: '$.attributes[0].values[1]',
      }),
    ]);
    expect(findings[0]!.message).toMatch(/'alu' of 'frame' has no layer in view 'front'/);
  });

  it('a value with no layers at all is reported once per view its attribute draws in', () => {
    const findings = lint((m) => m.attributes[0].values[1].layers.splice(0));
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining("view 'front'"),
      expect.stringContaining("view 'top'"),
    ]);
  });

  it('a value marked hidden in a view needs no layer there; unmarked, the same gap is reported', () => {
    // The glass top gets a top-view layer: the oak top, without one there, is now missing it.
    const drawGlassFromAbove = (m: any) => {
      delete m.attributes[2].hiddenIn;
      m.attributes[2].values[1].layers.push({
        view: 'top',
        image: '/img/top-glass-top.webp',
        z: 20,
        x: 0,
        y: 0,
        width: 400,
        height: 400,
      });
    };
    expect(lint(drawGlassFromAbove).map((f) => [f.code, f.path])).toEqual([
      ['value-without-layer', '$.attributes[2].values[0]'],
    ]);
    expect(lint(drawGlassFromAbove)[0]!.message).toContain('"hiddenIn": ["top"]');
    // Marked hidden from above (oak under a tablecloth, say): nothing to report.
    expect(
      lint((m) => {
        drawGlassFromAbove(m);
        m.attributes[2].values[0].hiddenIn = ['top'];
      }),
    ).toEqual([]);
  });

  it('an attribute drawn in one view and not at all in another is reported unless marked hidden there', () => {
    for (const [i, id] of [
      [2, 'top'],
      [4, 'lamp'],
      [5, 'kind'],
    ] as const) {
      const findings = lint((m) => delete m.attributes[i].hiddenIn);
      expect(findings.map((f) => [f.code, f.path])).toEqual([
        ['attribute-without-layer', `$.attributes[${i}]`],
      ]);
      expect(findings[0]!.message).toBe(
        `'${id}' is drawn in view 'front' but has no layer in view 'top': draw it there, or mark it "hiddenIn": ["top"] if it cannot be seen from there`,
      );
    }
    // Every value marked hidden there is the attribute marked hidden there.
    expect(
      lint((m) => {
        delete m.attributes[2].hiddenIn;
        for (const v of m.attributes[2].values) v.hiddenIn = ['top'];
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'a mark naming an unknown view',
      (m: any) => (m.attributes[2].hiddenIn = ['top', 'below']),
      'hidden-unknown-view',
      '$.attributes[2].hiddenIn[1]',
      /'top' is marked hidden in view 'below', which the model does not have \(views: 'front', 'top'\)/,
    ],
    [
      'a value marked hidden in a view it has a layer in',
      (m: any) => (m.attributes[0].values[1].hiddenIn = ['top']),
      'hidden-with-layer',
      '$.attributes[0].values[1].hiddenIn[0]',
      /value 'alu' of 'frame' is marked hidden in view 'top' but has a layer there \(\$\.attributes\[0\]\.values\[1\]\.layers\[1\]\)/,
    ],
    [
      'an attribute marked hidden in a view one of its values draws in',
      (m: any) => (m.attributes[0].hiddenIn = ['top']),
      'hidden-with-layer',
      '$.attributes[0].hiddenIn[0]',
      /attribute 'frame' is marked hidden in view 'top' but has a layer there \(\$\.attributes\[0\]\.values\[0\]\.layers\[1\]\)/,
    ],
  ])('%s is an error at the mark', (_name, edit, code, path, message) => {
    const findings = lint(edit).filter((f) => f.severity === 'error');
    expect(findings.map((f) => [f.code, f.path])).toEqual([[code, path]]);
    expect(findings[0]!.message).toMatch(message);
  });

  it('a layer whose when contradicts the constraints is never shown', () => {
    // glass needs the aluminium frame: a steel-frame layer "only with glass" never shows.
    const findings = lint((m) => (m.attributes[0].values[0].layers[0].when = "top = 'glass'"));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'layer-never-shown',
        path: '$.attributes[0].values[0].layers[0]',
      }),
    ]);
  });

  it('a layer on a dead value is never shown', () => {
    const findings = lint((m) => m.constraints.push({ id: 'no-alu', rule: "frame != 'alu'" }));
    // Both of alu's layers, and glass's (glass needs alu).
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['layer-never-shown', '$.attributes[0].values[1].layers[0]'],
      ['layer-never-shown', '$.attributes[0].values[1].layers[1]'],
      ['layer-never-shown', '$.attributes[2].values[1].layers[0]'],
    ]);
  });

  it("a module's layer shown by any instance is shown", () => {
    // Only the third seat may have an arm: the layer is still shown (with three seats).
    const findings = lint((m) =>
      m.constraints.push({
        id: 'arm-last',
        rule: "seat[1].kind = 'plain' and seat[2].kind = 'plain'",
      }),
    );
    expect(findings).toEqual([]);
  });
});
