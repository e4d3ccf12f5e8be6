import type { Expr, Literal } from './rules/ast.ts';
import type { AttributeDocument } from './schema.ts';

/** A reference problem in a rule, with the 1-based column of the offending node. */
export interface RuleReferenceProblem {
  column: number;
  message: string;
}

type Kind = 'bool' | 'num' | 'other';

/** Looks up an attribute by id; returns a message when the id is not usable here. */
export type AttributeLookup = (id: string) => AttributeDocument | string;

function literalText(value: Literal): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** Checks that `literal` is a value of `attr`; returns a message when it is not. */
export function checkLiteral(attr: AttributeDocument, literal: Literal): string | undefined {
  switch (attr.type) {
    case 'choice':
    case 'multi': {
      const ids = attr.values.map((v) => v.id);
      if (typeof literal === 'string' && ids.includes(literal)) return undefined;
      return `unknown value ${literalText(literal)} for attribute '${attr.id}' (values: ${ids.join(', ')})`;
    }
    case 'boolean':
      return typeof literal === 'boolean'
        ? undefined
        : `attribute '${attr.id}' is boolean: compare it with true or false, not ${literalText(literal)}`;
    case 'number': {
      if (typeof literal !== 'number')
        return `attribute '${attr.id}' is a number: compare it with a number, not ${literalText(literal)}`;
      return undefined;
    }
    case 'text':
      return `attribute '${attr.id}' is free text and cannot appear in a rule`;
    default:
      return attr satisfies never;
  }
}

/**
 * Checks a parsed rule against the model: every attribute id exists, every value is one of its
 * attribute's values, and operators fit the attribute types. Returns every problem found.
 */
export function checkRule(expr: Expr, lookup: AttributeLookup): RuleReferenceProblem[] {
  const problems: RuleReferenceProblem[] = [];
  const report = (column: number, message: string) => problems.push({ column, message });

  const attribute = (id: string, column: number): AttributeDocument | undefined => {
    const found = lookup(id);
    if (typeof found === 'string') {
      report(column, found);
      return undefined;
    }
    if (found.type === 'text') {
      report(column, `attribute '${id}' is free text and cannot appear in a rule`);
      return undefined;
    }
    return found;
  };

  const kindOf = (node: Expr): Kind => {
    switch (node.type) {
      case 'literal':
        return typeof node.value === 'number'
          ? 'num'
          : typeof node.value === 'boolean'
            ? 'bool'
            : 'other';
      case 'attr': {
        const attr = attribute(node.id, node.column);
        if (!attr) return 'other';
        if (attr.type === 'multi')
          report(
            node.column,
            `attribute '${node.id}' is a multi-select: use '${node.id} has 'value'' or count(${node.id})`,
          );
        return attr.type === 'number' ? 'num' : attr.type === 'boolean' ? 'bool' : 'other';
      }
      case 'count': {
        const attr = attribute(node.attribute, node.column);
        if (attr && attr.type !== 'multi')
          report(
            node.column,
            `count() needs a multi-select attribute; '${attr.id}' is ${attr.type}`,
          );
        return 'num';
      }
      case 'has': {
        const attr = attribute(node.attribute, node.column);
        if (attr && attr.type !== 'multi')
          report(node.column, `'has' needs a multi-select attribute; '${attr.id}' is ${attr.type}`);
        else if (attr) {
          const problem = checkLiteral(attr, node.value);
          if (problem) report(node.column, problem);
        }
        return 'bool';
      }
      case 'in': {
        const attr = attribute(node.attribute, node.column);
        if (attr && attr.type === 'multi')
          report(
            node.column,
            `'in' needs a single-valued attribute; '${attr.id}' is a multi-select`,
          );
        else if (attr)
          for (const value of node.values) {
            const problem = checkLiteral(attr, value);
            if (problem) report(node.column, problem);
          }
        return 'bool';
      }
      case 'compare': {
        const left = kindOf(node.left);
        const right = kindOf(node.right);
        for (const [side, other] of [
          [node.left, node.right],
          [node.right, node.left],
        ] as const) {
          if (side.type !== 'attr' || other.type !== 'literal') continue;
          const found = lookup(side.id);
          if (typeof found === 'string' || found.type === 'text' || found.type === 'multi')
            continue;
          const problem = checkLiteral(found, other.value);
          if (problem) report(other.column, problem);
        }
        const ordering = node.op !== '=' && node.op !== '!=';
        if (ordering && (left !== 'num' || right !== 'num'))
          report(node.column, `'${node.op}' compares numbers only`);
        return 'bool';
      }
      case 'arith':
        if (kindOf(node.left) !== 'num' || kindOf(node.right) !== 'num')
          report(node.column, `'${node.op}' needs numbers on both sides`);
        return 'num';
      case 'not':
        expectBool(node.arg);
        return 'bool';
      case 'and':
      case 'or':
        node.args.forEach(expectBool);
        return 'bool';
      case 'implies':
      case 'iff':
        expectBool(node.left);
        expectBool(node.right);
        return 'bool';
      default:
        return node satisfies never;
    }
  };

  function expectBool(node: Expr): void {
    if (kindOf(node) !== 'bool') report(node.column, 'expected a condition (true or false) here');
  }

  expectBool(expr);
  return problems;
}
