import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import { ModelError, type ModelIssue } from '../../../src/engine/model/types.ts';

const desk = JSON.parse(
  readFileSync(new URL('../../fixtures/minimal/desk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** A deep copy of the fixture with `edit` applied. */
function variant(edit: (m: any) => void): unknown {
  const copy = structuredClone(desk);
  edit(copy);
  return copy;
}

function issuesOf(json: unknown): ModelIssue[] {
  try {
    parseModel(json);
  } catch (error) {
    if (error instanceof ModelError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseModel: a valid model', () => {
  it('parses rules to trees and keeps the document', () => {
    const model = parseModel(desk);
    expect(model.id).toBe('MINIDESK');
    expect(model.constraints.map((c) => [c.id, c.kind])).toEqual([
      ['dual-needs-steel', 'rule'],
      ['wide-needs-dual', 'rule'],
      ['tops', 'table'],
      ['no-drawer-with-tray', 'rule'],
    ]);
    expect(model.attributes.find((a) => a.id === 'legs')?.relevance).toMatchObject({
      type: 'compare',
      op: '=',
    });
    expect(model.document).toEqual(parseModel(desk).document);
  });
});

describe('parseModel: every problem is reported with its JSON path', () => {
  it.each<[string, (m: any) => void, ModelIssue]>([
    [
      'missing id',
      (m) => delete m.id,
      { path: '$.id', message: expect.stringMatching(/expected string/i) },
    ],
    [
      'bad schema version',
      (m) => (m.schemaVersion = 2),
      { path: '$.schemaVersion', message: expect.any(String) },
    ],
    [
      'unknown attribute type',
      (m) => (m.attributes[1].type = 'colour'),
      { path: '$.attributes[1].type', message: expect.any(String) },
    ],
    [
      'qtyPer not positive',
      (m) => (m.attributes[0].values[1].bom[0].qtyPer = 0),
      { path: '$.attributes[0].values[1].bom[0].qtyPer', message: expect.any(String) },
    ],
    [
      'bad swatch',
      (m) => (m.attributes[0].values[0].swatch = 'grey'),
      { path: '$.attributes[0].values[0].swatch', message: expect.stringContaining('hex') },
    ],
    [
      'unknown field',
      (m) => (m.attributes[0].colour = 'red'),
      { path: '$.attributes[0]', message: expect.stringContaining('colour') },
    ],
    [
      'rule and table both given',
      (m) => (m.constraints[2].rule = "frame = 'steel'"),
      { path: '$.constraints[2]', message: 'a constraint has either a "rule" or a "table"' },
    ],
    [
      'unknown group',
      (m) => (m.attributes[1].group = 'finish'),
      { path: '$.attributes[1].group', message: expect.stringContaining("unknown group 'finish'") },
    ],
    [
      'duplicate attribute id',
      (m) => (m.attributes[1].id = 'frame'),
      { path: '$.attributes[1].id', message: "duplicate attribute id 'frame' (first at index 0)" },
    ],
    [
      'duplicate value id',
      (m) => (m.attributes[1].values[1].id = 'oak'),
      {
        path: '$.attributes[1].values[1].id',
        message: expect.stringContaining("duplicate value of 'top' id 'oak'"),
      },
    ],
    [
      'unknown default value',
      (m) => (m.attributes[0].default = 'titanium'),
      {
        path: '$.attributes[0].default',
        message: "unknown value 'titanium' for attribute 'frame' (values: steel, aluminium)",
      },
    ],
    [
      'default off the number step',
      (m) => (m.attributes[4].default = 1100),
      { path: '$.attributes[4].default', message: 'default 1100 is not one of 1000..2000 by 250' },
    ],
    [
      'multi default unknown',
      (m) => (m.attributes[6].default = ['arm', 'lamp']),
      {
        path: '$.attributes[6].default[1]',
        message: expect.stringContaining("unknown value 'lamp'"),
      },
    ],
    [
      'module lists unknown attribute',
      (m) => m.modules[0].attributes.push('motorColour'),
      {
        path: '$.modules[0].attributes[2]',
        message: "module 'drive-unit' lists unknown attribute 'motorColour'",
      },
    ],
    [
      'routing after unknown op',
      (m) => (m.routing[0].after = ['CUT-5']),
      {
        path: '$.routing[0].after[0]',
        message: "operation 'ASM-10' runs after unknown operation 'CUT-5'",
      },
    ],
    [
      'invalid text pattern',
      (m) => (m.attributes[7].pattern = '^[A-Z'),
      {
        path: '$.attributes[7].pattern',
        message: expect.stringContaining('invalid regular expression'),
      },
    ],
  ])('%s', (_name, edit, expected) => {
    expect(issuesOf(variant(edit))).toContainEqual(expected);
  });

  it('reports several problems at once', () => {
    const issues = issuesOf(
      variant((m) => {
        m.attributes[1].group = 'finish';
        m.attributes[0].default = 'titanium';
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['$.attributes[0].default', '$.attributes[1].group']);
  });

  it('the error message lists every issue with its path', () => {
    expect(() => parseModel(variant((m) => (m.attributes[1].group = 'finish')))).toThrow(
      /\$\.attributes\[1\]\.group: unknown group 'finish'/,
    );
  });
});

describe('parseModel: rules, tables and references', () => {
  it.each<[string, (m: any) => void, ModelIssue]>([
    [
      'syntax error names constraint and column',
      (m) => (m.constraints[0].rule = "drive = 'dual' -> frame ="),
      {
        path: '$.constraints[0].rule',
        message:
          "constraint 'dual-needs-steel': syntax error at column 26: expected an attribute, a value or ( but found end of rule",
      },
    ],
    [
      'unknown attribute in a rule',
      (m) => (m.constraints[0].rule = "motor = 'dual' -> frame = 'steel'"),
      {
        path: '$.constraints[0].rule',
        message: "constraint 'dual-needs-steel': column 1: unknown attribute 'motor'",
      },
    ],
    [
      'unknown value in a rule',
      (m) => (m.constraints[0].rule = "drive = 'triple' -> frame = 'steel'"),
      {
        path: '$.constraints[0].rule',
        message:
          "constraint 'dual-needs-steel': column 9: unknown value 'triple' for attribute 'drive' (values: single, dual)",
      },
    ],
    [
      'unknown value in "in"',
      (m) => (m.constraints[0].rule = "top in ('oak', 'teak') -> frame = 'steel'"),
      {
        path: '$.constraints[0].rule',
        message: expect.stringContaining("unknown value 'teak' for attribute 'top'"),
      },
    ],
    [
      'has on a choice',
      (m) => (m.constraints[0].rule = "frame has 'steel'"),
      {
        path: '$.constraints[0].rule',
        message: expect.stringContaining("'has' needs a multi-select attribute"),
      },
    ],
    [
      'ordering a choice',
      (m) => (m.constraints[0].rule = "frame > 'steel'"),
      {
        path: '$.constraints[0].rule',
        message: expect.stringContaining("'>' compares numbers only"),
      },
    ],
    [
      'text attribute in a rule',
      (m) => (m.constraints[0].rule = "engraving = 'x'"),
      { path: '$.constraints[0].rule', message: expect.stringContaining('free text') },
    ],
    [
      'number compared with a string',
      (m) => (m.constraints[1].rule = "width = 'wide'"),
      {
        path: '$.constraints[1].rule',
        message: expect.stringContaining("attribute 'width' is a number"),
      },
    ],
    [
      'rule that is not a condition',
      (m) => (m.constraints[1].rule = 'width + 2'),
      { path: '$.constraints[1].rule', message: expect.stringContaining('expected a condition') },
    ],
    [
      'relevantWhen with unknown value',
      (m) => (m.attributes[3].relevantWhen = "frame = 'iron'"),
      {
        path: '$.attributes[3].relevantWhen',
        message: expect.stringContaining("relevantWhen of 'legs': column 9: unknown value 'iron'"),
      },
    ],
    [
      'table with unknown attribute',
      (m) => (m.constraints[2].table.attributes[1] = 'desktop'),
      {
        path: '$.constraints[2].table.attributes[1]',
        message: "constraint 'tops': unknown attribute 'desktop'",
      },
    ],
    [
      'table with unknown value',
      (m) => (m.constraints[2].table.allowed[1][1] = 'marble'),
      {
        path: '$.constraints[2].table.allowed[1][1]',
        message: expect.stringContaining("unknown value 'marble' for attribute 'top'"),
      },
    ],
    [
      'table row of wrong length',
      (m) => m.constraints[2].table.allowed[0].push('x'),
      {
        path: '$.constraints[2].table.allowed[0]',
        message: "constraint 'tops': row has 3 cells for 2 attributes",
      },
    ],
    [
      'table with a multi attribute',
      (m) => (m.constraints[2].table.attributes[1] = 'accessories'),
      {
        path: '$.constraints[2].table.attributes[1]',
        message: expect.stringContaining('multi attribute'),
      },
    ],
  ])('%s', (_name, edit, expected) => {
    expect(issuesOf(variant(edit))).toContainEqual(expected);
  });
});

describe('parseModel: repeated modules', () => {
  const sofa = {
    schemaVersion: 1,
    id: 'SOFA',
    version: '1',
    name: 'Sofa',
    plantId: 'WAW',
    category: 'furniture',
    groups: [{ id: 'seats', label: 'Seats' }],
    modules: [
      {
        id: 'seat',
        label: 'Seat',
        attributes: ['type', 'power'],
        count: { min: 2, max: 3 },
        constraints: [{ id: 'recliner-power', rule: "type = 'recliner' <-> power" }],
      },
    ],
    attributes: [
      {
        id: 'type',
        label: 'Seat type',
        group: 'seats',
        type: 'choice',
        values: [
          { id: 'standard', label: 'Standard' },
          { id: 'recliner', label: 'Recliner' },
        ],
      },
      { id: 'power', label: 'Power', group: 'seats', type: 'boolean' },
      {
        id: 'fabric',
        label: 'Fabric',
        group: 'seats',
        type: 'choice',
        values: [{ id: 'wool', label: 'Wool' }],
      },
    ],
    constraints: [{ id: 'first-standard', rule: "seat[1].type = 'standard'" }],
  };

  it('expands instances, a count attribute and per-instance guarded constraints', () => {
    const model = parseModel(sofa);
    expect(model.attributes.map((a) => a.id)).toEqual([
      'fabric',
      'seat.count',
      'seat[1].type',
      'seat[1].power',
      'seat[2].type',
      'seat[2].power',
      'seat[3].type',
      'seat[3].power',
    ]);
    expect(model.attributes.find((a) => a.id === 'seat.count')).toMatchObject({
      type: 'number',
      min: 2,
      max: 3,
      step: 1,
    });
    expect(model.attributes.find((a) => a.id === 'seat[3].type')).toMatchObject({
      instanceOf: { module: 'seat', index: 3, attribute: 'type' },
      relevance: { type: 'compare', op: '>=', right: { value: 3 } },
    });
    expect(model.constraints.map((c) => c.id)).toEqual([
      'first-standard',
      'recliner-power[1]',
      'recliner-power[2]',
      'recliner-power[3]',
    ]);
    const second = model.constraints[2]!;
    expect(second.kind === 'rule' && second.expr).toMatchObject({
      type: 'iff',
      left: { left: { id: 'seat[2].type' } },
      right: { id: 'seat[2].power' },
    });
    expect(second.guard).toMatchObject({ left: { id: 'seat.count' }, right: { value: 2 } });
  });

  it('a top-level rule naming a template attribute is an error that says which instance to name', () => {
    expect(
      issuesOf({ ...sofa, constraints: [{ id: 'x', rule: "type = 'recliner'" }] }),
    ).toContainEqual({
      path: '$.constraints[0].rule',
      message:
        "constraint 'x': column 1: attribute 'type' belongs to repeated module 'seat': name an instance such as 'seat[1].type'",
    });
  });
});
