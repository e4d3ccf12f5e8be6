import { describe, expect, it } from 'vitest';
import { ModelError, parseModel } from '../../../src/engine/index.ts';
import { visualModel } from './fixture.ts';

/** The issues parseModel reports for the fixture after `edit`. */
function issuesOf(edit: (m: any) => void): { path: string; message: string }[] {
  const m = visualModel();
  edit(m);
  try {
    parseModel(m);
  } catch (error) {
    if (error instanceof ModelError) return error.issues;
    throw error;
  }
  return [];
}

const steelFront = '$.attributes[0].values[0].layers[0]';

describe('model visuals: validation with JSON paths', () => {
  it('the fixture is valid', () => {
    expect(issuesOf(() => {})).toEqual([]);
  });

  it.each([
    [
      'an unknown key in a layer is named',
      (m: any) => (m.attributes[0].values[0].layers[0].opacity = 0.5),
      steelFront,
      /opacity/,
    ],
    [
      'an unknown key in visuals is named',
      (m: any) => (m.visuals.camera = 'iso'),
      '$.visuals',
      /camera/,
    ],
    [
      'an image that is not svg, png, webp or avif',
      (m: any) => (m.attributes[0].values[0].layers[0].image = '/img/frame.gif'),
      `${steelFront}.image`,
      /\.svg, \.png, \.webp or \.avif/,
    ],
    [
      'an unknown view',
      (m: any) => (m.attributes[0].values[0].layers[0].view = 'side'),
      `${steelFront}.view`,
      /unknown view 'side' \(views: 'front', 'top'\)/,
    ],
    [
      'a layer without views declared',
      (m: any) => delete m.visuals,
      `${steelFront}.view`,
      /add \$\.visuals\.views/,
    ],
    [
      'a duplicate view',
      (m: any) => m.visuals.views.push({ id: 'top', label: 'Again', width: 1, height: 1 }),
      '$.visuals.views[2].id',
      /duplicate view id 'top'/,
    ],
    [
      'a stage of zero width',
      (m: any) => (m.visuals.views[0].width = 0),
      '$.visuals.views[0].width',
      /./,
    ],
    [
      'a fractional z',
      (m: any) => (m.attributes[0].values[0].layers[0].z = 1.5),
      `${steelFront}.z`,
      /./,
    ],
    [
      'an unknown anchor',
      (m: any) => (m.attributes[0].values[0].layers[0].anchor = 'middle'),
      `${steelFront}.anchor`,
      /./,
    ],
    [
      'a tint naming an unknown attribute',
      (m: any) => (m.attributes[0].values[0].layers[0].tint = 'paint'),
      `${steelFront}.tint`,
      /unknown attribute 'paint'/,
    ],
    [
      'a tint naming a number attribute',
      (m: any) => (m.attributes[0].values[0].layers[0].tint = 'width'),
      `${steelFront}.tint`,
      /'width' is a number attribute/,
    ],
    [
      'a when with a syntax error',
      (m: any) => (m.attributes[4].layers[0].when = "top = = 'oak'"),
      '$.attributes[4].layers[0].when',
      /syntax error/,
    ],
    [
      'a when naming an unknown value',
      (m: any) => (m.attributes[4].layers[0].when = "top = 'pine'"),
      '$.attributes[4].layers[0].when',
      /pine/,
    ],
    [
      'a measure following a choice attribute',
      (m: any) => (m.attributes[2].values[0].layers[0].width = { attribute: 'frame' }),
      '$.attributes[2].values[0].layers[0].width.attribute',
      /'frame', a choice attribute/,
    ],
    [
      'a module layout step in an unknown view',
      (m: any) => (m.modules[0].layout[0].view = 'back'),
      '$.modules[0].layout[0].view',
      /unknown view 'back'/,
    ],
    [
      'an unknown key in a module layout step',
      (m: any) => (m.modules[0].layout[0].spacing = 3),
      '$.modules[0].layout[0]',
      /spacing/,
    ],
    [
      'layers on a text attribute',
      (m: any) =>
        m.attributes.push({
          id: 'label',
          label: 'Label',
          group: 'g',
          type: 'text',
          layers: [],
        }),
      '$.attributes[6]',
      /./,
    ],
  ])('%s', (_name, edit, path, message) => {
    const issues = issuesOf(edit);
    const found = issues.find((i) => i.path === path);
    expect(found, JSON.stringify(issues)).toBeDefined();
    expect(found!.message).toMatch(message);
  });

  it("a module's layer is checked once, not once per instance", () => {
    const issues = issuesOf((m) => (m.attributes[5].values[0].layers[0].tint = 'paint'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('$.attributes[5].values[0].layers[0].tint');
  });

  it("a module's layer may name the module's own attributes in when (per instance)", () => {
    expect(issuesOf((m) => (m.attributes[5].values[0].layers[0].when = "kind = 'plain'"))).toEqual(
      [],
    );
  });
});
