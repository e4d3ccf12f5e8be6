import { describe, expect, it } from 'vitest';
import { parseRule } from '../../../src/engine/model/rules/parseRule.ts';
import type { Expr } from '../../../src/engine/model/rules/ast.ts';

/** Prints a tree compactly so expectations read like the rule: `(=> (= drive 'dual') …)`. */
function show(e: Expr): string {
  switch (e.type) {
    case 'literal':
      return typeof e.value === 'string' ? `'${e.value}'` : String(e.value);
    case 'attr':
      return e.id;
    case 'count':
      return `count(${e.attribute})`;
    case 'has':
      return `(has ${e.attribute} ${JSON.stringify(e.value)})`;
    case 'in':
      return `(in ${e.attribute} ${e.values.map((v) => JSON.stringify(v)).join(' ')})`;
    case 'compare':
    case 'arith':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'implies':
      return `(-> ${show(e.left)} ${show(e.right)})`;
    case 'iff':
      return `(<-> ${show(e.left)} ${show(e.right)})`;
    case 'not':
      return `(not ${show(e.arg)})`;
    case 'and':
    case 'or':
      return `(${e.type} ${e.args.map(show).join(' ')})`;
  }
}

describe('parseRule: the rule language to its syntax tree', () => {
  it.each([
    ["frame = 'steel'", "(= frame 'steel')"],
    ["drive = 'dual' -> frame = 'steel'", "(-> (= drive 'dual') (= frame 'steel'))"],
    ["a = 'x' -> b = 'y' -> c = 'z'", "(-> (= a 'x') (-> (= b 'y') (= c 'z')))"],
    ["a = 'x' <-> b != 'y'", "(<-> (= a 'x') (!= b 'y'))"],
    ["top in ('oak', 'walnut')", '(in top "oak" "walnut")'],
    ["accessories has 'rack'", '(has accessories "rack")'],
    ['count(accessories) <= 2', '(<= count(accessories) 2)'],
    ['width * depth <= 1600000', '(<= (* width depth) 1600000)'],
    ['width + 2 * depth > 3000', '(> (+ width (* 2 depth)) 3000)'],
    ['width - 100 >= -50', '(>= (- width 100) -50)'],
    [
      "not frame = 'steel' or top = 'oak' and legs = 't'",
      "(or (not (= frame 'steel')) (and (= top 'oak') (= legs 't')))",
    ],
    [
      "(frame = 'steel' or top = 'oak') and cableTray",
      "(and (or (= frame 'steel') (= top 'oak')) cableTray)",
    ],
    ['cableTray = true', '(= cableTray true)'],
    [
      "cable-tray = false -> seat[2].type != 'chaise'",
      "(-> (= cable-tray false) (!= seat[2].type 'chaise'))",
    ],
    ['seat.count >= 3', '(>= seat.count 3)'],
  ])('%s', (rule, expected) => {
    const result = parseRule(rule);
    if (!result.ok) throw new Error(result.error.message);
    expect(show(result.expr)).toBe(expected);
  });

  it.each([
    ['frame = ', 9, 'an attribute, a value or ('],
    ["frame = 'steel", 9, "a closing quote (')"],
    ["frame = 'steel' and", 20, 'an attribute, a value or ('],
    ["(frame = 'steel'", 17, "')'"],
    ["frame = 'steel')", 16, 'an operator or end of rule'],
    ["top in 'oak'", 8, "'(' after 'in'"],
    ["top in ('oak' 'walnut')", 15, "',' or ')'"],
    ['count(3)', 7, 'an attribute id'],
    ["frame == 'steel'", 8, 'an attribute, a value or ('],
    ["frame = 'steel' & top = 'oak'", 17, 'an attribute, a value or an operator'],
    ['accessories has rack', 17, "a quoted value such as 'oak' or a number"],
  ])('%s → error at column %i', (rule, column, expected) => {
    const result = parseRule(rule);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.column).toBe(column);
    expect(result.error.expected).toBe(expected);
    expect(result.error.message).toContain(`column ${column}`);
  });

  it('records the column of every node', () => {
    const result = parseRule("drive = 'dual' -> frame = 'steel'");
    if (!result.ok) throw new Error(result.error.message);
    expect(result.expr).toMatchObject({
      type: 'implies',
      column: 16,
      left: { type: 'compare', column: 7, left: { column: 1 }, right: { column: 9 } },
      right: { type: 'compare', column: 25, left: { id: 'frame', column: 19 } },
    });
  });
});
