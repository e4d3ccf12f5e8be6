import { describe, expect, it } from 'vitest';
import { importXcsp } from '../../../src/engine/import/xcsp.ts';
import { ImportError } from '../../../src/engine/import/ImportError.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import { BacktrackSearch } from '../../oracle/backtrack.ts';
import { toFiniteCsp } from '../../oracle/finiteCsp.ts';

/** An XCSP 2.1 instance from its parts (each part is inserted as written, so lines are known). */
function instance(parts: {
  domains: string;
  variables: string;
  relations?: string;
  predicates?: string;
  constraints: string;
}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<instance>',
    '<presentation name="test" format="XCSP 2.1"/>',
    `<domains>\n${parts.domains}\n</domains>`,
    `<variables>\n${parts.variables}\n</variables>`,
    parts.relations === undefined ? '' : `<relations>\n${parts.relations}\n</relations>`,
    parts.predicates === undefined ? '' : `<predicates>\n${parts.predicates}\n</predicates>`,
    `<constraints>\n${parts.constraints}\n</constraints>`,
    '</instance>',
  ].join('\n');
}

const twoVars = {
  domains:
    '<domain name="D" nbValues="3">0..2</domain>\n<domain name="O" optional="-1">0 -1</domain>',
  variables:
    '<variable name="a" domain="D"/>\n<variable name="b" domain="D"/>\n<variable name="o" domain="O"/>',
};

/** Solutions of an imported instance, as sorted strings `a=0,b=1,…` (`-` for not assigned). */
function solutions(xml: string): string[] {
  const csp = toFiniteCsp(parseModel(importXcsp(xml)));
  const out: string[] = [];
  const sizes = csp.domains.map((d) => d.length);
  const total = sizes.reduce((p, n) => p * n, 1);
  for (let n = 0; n < total; n++) {
    let rest = n;
    const pick = sizes.map((s) => {
      const i = rest % s;
      rest = Math.floor(rest / s);
      return i;
    });
    if (new BacktrackSearch(csp).satisfiable(pick.map((i) => [i])))
      out.push(csp.attributes.map((a, v) => `${a}=${csp.domains[v]![pick[v]!] ?? '-'}`).join(','));
  }
  return out.sort();
}

describe('importXcsp: well-formed instances', () => {
  it('imports domains (lists, ranges, optional), variables and a supports relation', () => {
    const doc = importXcsp(
      instance({
        ...twoVars,
        relations:
          '<relation name="R" arity="2" nbTuples="3" semantics="supports">0 1|1 2| 2 -1</relation>',
        constraints: '<constraint name="C" arity="2" scope="a o" reference="R"/>',
      }),
    );
    expect(doc.name).toBe('test');
    expect(doc.attributes.map((a) => [a.id, a.type, a.required ?? true])).toEqual([
      ['a', 'choice', true],
      ['b', 'choice', true],
      ['o', 'choice', false],
    ]);
    expect(doc.attributes[0]).toMatchObject({ values: [{ id: '0' }, { id: '1' }, { id: '2' }] });
    expect(doc.attributes[2]).toMatchObject({ values: [{ id: '0', label: '0' }] });
    // (1,2) falls outside o's domain and is dropped; -1 becomes null ("not assigned").
    expect(doc.constraints[0]?.table).toEqual({ attributes: ['a', 'o'], allowed: [['2', null]] });
    expect(() => parseModel(doc)).not.toThrow();
  });

  it.each([
    ['eq(X,Y)', 'table', ['a=0,b=0', 'a=1,b=1', 'a=2,b=2']],
    [
      'ne(add(X,1),Y)',
      'table',
      ['a=0,b=0', 'a=0,b=2', 'a=1,b=0', 'a=1,b=1', 'a=2,b=0', 'a=2,b=1', 'a=2,b=2'],
    ],
    ['or(lt(X,1),eq(Y,2))', 'rule', ['a=0,b=0', 'a=0,b=1', 'a=0,b=2', 'a=1,b=2', 'a=2,b=2']],
    ['not(ge(X,1))', 'rule', ['a=0,b=0', 'a=0,b=1', 'a=0,b=2']],
    ['iff(eq(X,0),gt(2,Y))', 'rule', ['a=0,b=0', 'a=0,b=1', 'a=1,b=2', 'a=2,b=2']],
    ['eq(abs(sub(X,Y)),mul(1,2))', 'table', ['a=0,b=2', 'a=2,b=0']],
    ['eq(if(eq(X,0),Y,neg(Y)),2)', 'table', ['a=0,b=2']],
    ['and(eq(mod(X,2),0),ne(div(Y,2),0),xor(eq(X,0),eq(Y,3)))', 'table', ['a=0,b=2']],
  ])('predicate %s becomes a %s with the right solutions', (expression, kind, expected) => {
    const xml = instance({
      domains: '<domain name="D">0..2</domain>',
      variables: '<variable name="a" domain="D"/>\n<variable name="b" domain="D"/>',
      predicates: `<predicate name="P"><parameters>int X int Y</parameters><expression><functional>${expression}</functional></expression></predicate>`,
      constraints:
        '<constraint name="C" arity="2" scope="a b" reference="P"><parameters>a b</parameters></constraint>',
    });
    const doc = importXcsp(xml);
    expect(doc.constraints[0]?.rule === undefined ? 'table' : 'rule').toBe(kind);
    expect(solutions(xml)).toEqual(expected);
  });

  it('binds integer constants passed as predicate parameters', () => {
    const xml = instance({
      domains: '<domain name="D">0..2</domain>',
      variables: '<variable name="a" domain="D"/>',
      predicates:
        '<predicate name="P"><parameters>int X int K</parameters><expression><functional>gt(X,K)</functional></expression></predicate>',
      constraints:
        '<constraint name="C" arity="1" scope="a" reference="P"><parameters>a 1</parameters></constraint>',
    });
    expect(importXcsp(xml).constraints[0]?.rule).toBe("a = '2'");
    expect(solutions(xml)).toEqual(['a=2']);
  });

  it('imports conflicts relations, negative values and names that are not ids', () => {
    const xml = instance({
      domains: '<domain name="D">-1..1</domain>',
      variables: '<variable name="x.1" domain="D"/>\n<variable name="2y" domain="D"/>',
      relations: '<relation name="R" arity="2" semantics="conflicts">-1 -1|0 0|1 1</relation>',
      constraints: '<constraint name="C" scope="x.1 2y" reference="R"/>',
    });
    const doc = importXcsp(xml, { name: 'Named' });
    expect(doc.name).toBe('Named');
    expect(doc.attributes.map((a) => [a.id, a.label])).toEqual([
      ['x_1', 'x.1'],
      ['v_2y', '2y'],
    ]);
    expect(doc.attributes[0]).toMatchObject({
      values: [{ id: 'm1', label: '-1' }, { id: '0' }, { id: '1' }],
    });
    expect(solutions(xml)).toHaveLength(6);
  });
});

const bad: [string, string, number, RegExp][] = [
  ['not XML', 'hello', 1, /text outside the root element/],
  ['unclosed tag', '<instance>\n<domains>\n</instance>', 3, /does not close <domains>/],
  ['wrong root', '<csp>\n</csp>', 1, /expected <instance>/],
  [
    'bad domain token',
    instance({ domains: '<domain name="D">0 x</domain>', variables: '', constraints: '' }),
    5,
    /'x' is not an integer/,
  ],
  [
    'nbValues mismatch',
    instance({
      domains: '<domain name="D" nbValues="3">0 1</domain>',
      variables: '',
      constraints: '',
    }),
    5,
    /nbValues="3" but lists 2/,
  ],
  [
    'unknown domain',
    instance({
      domains: '<domain name="D">0</domain>',
      variables: '<variable name="a" domain="E"/>',
      constraints: '',
    }),
    8,
    /unknown domain 'E'/,
  ],
  [
    'no variables',
    instance({ domains: '<domain name="D">0</domain>', variables: '', constraints: '' }),
    2,
    /declares no <variable>/,
  ],
  [
    'unknown scope variable',
    instance({
      ...twoVars,
      relations: '',
      constraints: '<constraint name="C" scope="a z" reference="R"/>',
    }),
    18,
    /unknown variable 'z'/,
  ],
  [
    'unknown reference',
    instance({
      ...twoVars,
      relations: '',
      constraints: '<constraint name="C" scope="a b" reference="R"/>',
    }),
    18,
    /unknown reference 'R'/,
  ],
  [
    'global constraint',
    instance({
      ...twoVars,
      constraints: '<constraint name="C" scope="a b" reference="global:allDifferent"/>',
    }),
    16,
    /global constraint/,
  ],
  [
    'short tuple',
    instance({
      ...twoVars,
      relations: '<relation name="R" arity="2" semantics="supports">\n0 1|\n2|</relation>',
      constraints: '<constraint name="C" scope="a b" reference="R"/>',
    }),
    16,
    /has 1 values, expected 2/,
  ],
  [
    'bad semantics',
    instance({
      ...twoVars,
      relations: '<relation name="R" arity="2" semantics="soft">0 1</relation>',
      constraints: '<constraint name="C" scope="a b" reference="R"/>',
    }),
    14,
    /semantics="soft"/,
  ],
  [
    'arity mismatch',
    instance({
      ...twoVars,
      relations: '<relation name="R" arity="3" semantics="supports">0 1 2</relation>',
      constraints: '<constraint name="C" scope="a b" reference="R"/>',
    }),
    18,
    /arity 3/,
  ],
  [
    'bad functional',
    instance({
      ...twoVars,
      predicates:
        '<predicate name="P"><parameters>int X</parameters><expression><functional>foo(X)</functional></expression></predicate>',
      constraints: '<constraint name="C" scope="a" reference="P"/>',
    }),
    15,
    /expected an XCSP 2.1 operator/,
  ],
  [
    'wrong operator arity',
    instance({
      ...twoVars,
      predicates:
        '<predicate name="P"><parameters>int X</parameters><expression><functional>eq(X)</functional></expression></predicate>',
      constraints: '<constraint name="C" scope="a" reference="P"/>',
    }),
    15,
    /eq takes 2 arguments, not 1/,
  ],
  [
    'unknown predicate parameter',
    instance({
      ...twoVars,
      predicates:
        '<predicate name="P"><parameters>int X</parameters><expression><functional>eq(X,Y)</functional></expression></predicate>',
      constraints: '<constraint name="C" scope="a" reference="P"/>',
    }),
    15,
    /unknown parameter 'Y'/,
  ],
];

describe('importXcsp: malformed input names the line', () => {
  it.each(bad)('%s', (_, xml, line, message) => {
    let caught: unknown;
    try {
      importXcsp(xml);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportError);
    const error = caught as ImportError;
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`line ${line}`);
  });
});
