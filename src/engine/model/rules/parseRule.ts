import type { ArithOp, CompareOp, Expr, Literal } from './ast.ts';

/** Why a rule did not parse: the 1-based column and what was expected there. */
export interface RuleSyntaxError {
  column: number;
  expected: string;
  found: string;
  message: string;
}

/** The outcome of `parseRule`: a syntax tree or the first syntax error. */
export type RuleParseResult = { ok: true; expr: Expr } | { ok: false; error: RuleSyntaxError };

type TokenKind = 'ident' | 'string' | 'number' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  column: number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'has', 'count', 'true', 'false']);
const OPERATORS = ['<->', '->', '!=', '<=', '>=', '=', '<', '>', '+', '-', '*'];
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_.\-[\]#]/;

class SyntaxFailure extends Error {
  constructor(readonly detail: RuleSyntaxError) {
    super(detail.message);
  }
}

function fail(column: number, expected: string, found: string): never {
  throw new SyntaxFailure({
    column,
    expected,
    found,
    message: `column ${column}: expected ${expected} but found ${found}`,
  });
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'end of rule' : `'${token.text}'`;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const column = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text.charAt(j) !== "'") value += text.charAt(j++);
      if (j >= text.length) fail(column, "a closing quote (')", 'end of rule');
      tokens.push({ kind: 'string', text: value, column });
      i = j + 1;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i));
      const num = match?.[0] ?? ch;
      tokens.push({ kind: 'number', text: num, column });
      i += num.length;
    } else if (IDENT_START.test(ch)) {
      let j = i + 1;
      // A '-' inside an identifier is allowed (ids like "cable-tray"), but not when it starts '->'.
      while (j < text.length && IDENT_PART.test(text.charAt(j))) {
        if (text.charAt(j) === '-' && text.charAt(j + 1) === '>') break;
        j++;
      }
      tokens.push({ kind: 'ident', text: text.slice(i, j), column });
      i = j;
    } else if (ch === '(') {
      tokens.push({ kind: 'lparen', text: ch, column });
      i++;
    } else if (ch === ')') {
      tokens.push({ kind: 'rparen', text: ch, column });
      i++;
    } else if (ch === ',') {
      tokens.push({ kind: 'comma', text: ch, column });
      i++;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) fail(column, 'an attribute, a value or an operator', `'${ch}'`);
      tokens.push({ kind: 'op', text: op, column });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: '', column: text.length + 1 });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.pos++;
    return t;
  }
  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.text === word;
  }
  private expect(kind: TokenKind, expected: string): Token {
    const t = this.peek();
    if (t.kind !== kind) fail(t.column, expected, describe(t));
    return this.next();
  }

  parseRule(): Expr {
    const expr = this.parseIff();
    const t = this.peek();
    if (t.kind !== 'end') fail(t.column, 'an operator or end of rule', describe(t));
    return expr;
  }

  private parseIff(): Expr {
    let left = this.parseImplies();
    while (this.isOp('<->')) {
      const { column } = this.next();
      left = { type: 'iff', left, right: this.parseImplies(), column };
    }
    return left;
  }

  private parseImplies(): Expr {
    const left = this.parseOr();
    if (this.isOp('->')) {
      const { column } = this.next();
      return { type: 'implies', left, right: this.parseImplies(), column };
    }
    return left;
  }

  private parseOr(): Expr {
    const first = this.parseAnd();
    const args = [first];
    while (this.isKeyword('or')) {
      this.next();
      args.push(this.parseAnd());
    }
    return args.length === 1 ? first : { type: 'or', args, column: first.column };
  }

  private parseAnd(): Expr {
    const first = this.parseNot();
    const args = [first];
    while (this.isKeyword('and')) {
      this.next();
      args.push(this.parseNot());
    }
    return args.length === 1 ? first : { type: 'and', args, column: first.column };
  }

  private parseNot(): Expr {
    if (this.isKeyword('not')) {
      const { column } = this.next();
      return { type: 'not', arg: this.parseNot(), column };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const left = this.parseSum();
    const t = this.peek();
    if (t.kind === 'op' && ['=', '!=', '<', '<=', '>', '>='].includes(t.text)) {
      this.next();
      return {
        type: 'compare',
        op: t.text as CompareOp,
        left,
        right: this.parseSum(),
        column: t.column,
      };
    }
    if (this.isKeyword('in') || this.isKeyword('has')) {
      const keyword = this.next();
      if (left.type !== 'attr')
        fail(left.column, `an attribute before '${keyword.text}'`, 'an expression');
      if (keyword.text === 'has') {
        const value = this.parseLiteral();
        return { type: 'has', attribute: left.id, value, column: left.column };
      }
      this.expect('lparen', "'(' after 'in'");
      const values = [this.parseLiteral()];
      while (this.peek().kind === 'comma') {
        this.next();
        values.push(this.parseLiteral());
      }
      this.expect('rparen', "',' or ')'");
      return { type: 'in', attribute: left.id, values, column: left.column };
    }
    return left;
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.next();
      left = {
        type: 'arith',
        op: t.text as ArithOp,
        left,
        right: this.parseProduct(),
        column: t.column,
      };
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    while (this.isOp('*')) {
      const t = this.next();
      left = { type: 'arith', op: '*', left, right: this.parseUnary(), column: t.column };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isOp('-')) {
      const t = this.next();
      const operand = this.parseUnary();
      if (operand.type === 'literal' && typeof operand.value === 'number')
        return { ...operand, value: -operand.value, column: t.column };
      const zero: Expr = { type: 'literal', value: 0, column: t.column };
      return { type: 'arith', op: '-', left: zero, right: operand, column: t.column };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (t.kind === 'lparen') {
      this.next();
      const inner = this.parseIff();
      this.expect('rparen', "')'");
      return inner;
    }
    if (t.kind === 'string' || t.kind === 'number') {
      return { type: 'literal', value: this.parseLiteral(), column: t.column };
    }
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') {
        this.next();
        return { type: 'literal', value: t.text === 'true', column: t.column };
      }
      if (t.text === 'count') {
        this.next();
        this.expect('lparen', "'(' after 'count'");
        const attr = this.expect('ident', 'an attribute id');
        this.expect('rparen', "')'");
        return { type: 'count', attribute: attr.text, column: t.column };
      }
      if (KEYWORDS.has(t.text)) fail(t.column, 'an attribute or a value', `'${t.text}'`);
      this.next();
      return { type: 'attr', id: t.text, column: t.column };
    }
    return fail(t.column, 'an attribute, a value or (', describe(t));
  }

  private parseLiteral(): Literal {
    const t = this.peek();
    if (t.kind === 'string') {
      this.next();
      return t.text;
    }
    if (t.kind === 'number') {
      this.next();
      return Number(t.text);
    }
    if (t.kind === 'op' && t.text === '-' && this.tokens[this.pos + 1]?.kind === 'number') {
      this.next();
      return -Number(this.next().text);
    }
    if (this.isKeyword('true') || this.isKeyword('false')) return this.next().text === 'true';
    return fail(t.column, "a quoted value such as 'oak' or a number", describe(t));
  }
}

/**
 * Parses a rule of the rule language (model.md) to its syntax tree.
 *
 * @example
 * parseRule("drive = 'dual' -> frame = 'steel'")
 * // { ok: true, expr: { type: 'implies', left: { type: 'compare', … }, … } }
 * parseRule("frame = ")
 * // { ok: false, error: { column: 9, expected: "an attribute, a value or (", … } }
 */
export function parseRule(text: string): RuleParseResult {
  try {
    return { ok: true, expr: new Parser(tokenize(text)).parseRule() };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.detail };
    throw error;
  }
}
