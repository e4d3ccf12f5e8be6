import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine/model/evaluate.ts';
import { parseRule } from '../../../src/engine/model/rules/parseRule.ts';
import type { Selection } from '../../../src/engine/model/types.ts';

function rule(text: string) {
  const parsed = parseRule(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.expr;
}

describe('evaluate: rule semantics with "none" for unassigned attributes', () => {
  const s: Selection = { frame: 'steel', width: 1200, acc: ['rack', 'hook'], tray: true };
  it.each<[string, Selection, boolean]>([
    ["frame = 'steel'", s, true],
    ["frame != 'steel'", s, false],
    ["top = 'oak'", s, false],
    ["top != 'oak'", s, true],
    ["frame in ('steel', 'alu')", s, true],
    ["top in ('oak')", s, false],
    ["acc has 'rack'", s, true],
    ["top has 'rack'", s, false],
    ['count(acc) = 2', s, true],
    ['count(top) = 0', s, true],
    ['width + 100 > 1250', s, true],
    ['width * 2 <= 2400', s, true],
    ['depth > 0', s, false],
    ['depth < 0', s, false],
    ['tray', s, true],
    ['not tray', s, false],
    ['cable', s, false],
    ["frame = 'alu' -> top = 'oak'", s, true],
    ["frame = 'steel' -> top = 'oak'", s, false],
    ["frame = 'steel' <-> tray = true", s, true],
    ["frame = 'steel' and (top = 'oak' or width >= 1200)", s, true],
  ])('%s', (text, selection, expected) => {
    expect(evaluate(rule(text), selection)).toBe(expected);
  });
});
