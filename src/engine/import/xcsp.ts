import type { ConstraintDocument, ModelDocument, TableCell } from '../model/schema.ts';
import {
  evaluateFunctional,
  parseFunctional,
  substitute,
  toRule,
  type FunctionalExpr,
} from './functional.ts';
import { ImportError } from './ImportError.ts';
import { readXml, type XmlElement } from './readXml.ts';

/** Intension constraints are tabulated when no rule fits; beyond this many combinations they are rejected. */
const MAX_TABULATED = 200_000;

interface Variable {
  id: string;
  name: string;
  /** Domain values, without the optional "not assigned" marker. */
  values: number[];
  /** The integer that means "not assigned" (`optional="-1"`), if any. */
  none: number | undefined;
}

/**
 * Imports a CSP in XCSP 2.1 (domains, variables, `supports`/`conflicts` relations, predicates with
 * functional expressions, constraints) as a product model document. Each variable becomes a required
 * `choice` attribute whose value ids are its integers as strings (a negative `-n` becomes `m<n>`);
 * a domain marked `optional="-1"` makes the attribute optional, with -1 meaning "not assigned"
 * (`null` in tables). Relations become tables; a predicate becomes a rule when it only compares
 * variables with constants, else a table of its solutions. Unreadable input throws an
 * `ImportError` (code `IMPORT_INVALID`) naming the line.
 *
 * @example
 * const doc = importXcsp(xml, { name: 'Renault small' });
 * parseModel(doc).attributes.length; // 139
 */
export function importXcsp(xmlText: string, options: { name?: string } = {}): ModelDocument {
  const root = readXml(xmlText, 'xcsp');
  const fail = (line: number, detail: string): never => {
    throw new ImportError('xcsp', line, detail);
  };
  if (root.name !== 'instance')
    fail(root.line, `the root element is <${root.name}>, expected <instance>`);
  const section = (name: string) => root.children.find((c) => c.name === name);
  const need = (el: XmlElement, attr: string): string =>
    el.attributes[attr] ?? fail(el.line, `<${el.name}> has no '${attr}' attribute`);

  const domains = new Map<string, { values: number[]; none: number | undefined }>();
  for (const el of section('domains')?.children ?? []) {
    if (el.name !== 'domain') fail(el.line, `unexpected <${el.name}> in <domains>`);
    const name = need(el, 'name');
    const values = readDomain(el, fail);
    const optional = el.attributes['optional'];
    let none: number | undefined;
    if (optional !== undefined) {
      if (!/^-?[0-9]+$/.test(optional.trim()))
        fail(el.line, `domain '${name}': optional="${optional}" is not an integer`);
      none = Number(optional);
    }
    const nb = el.attributes['nbValues'];
    if (nb !== undefined && Number(nb) !== values.length)
      fail(el.line, `domain '${name}' declares nbValues="${nb}" but lists ${values.length} values`);
    const kept = values.filter((v) => v !== none);
    if (kept.length === 0) fail(el.line, `domain '${name}' has no value`);
    if (domains.has(name)) fail(el.line, `domain '${name}' is defined twice`);
    domains.set(name, { values: kept, none });
  }

  const variables = new Map<string, Variable>();
  const usedIds = new Set<string>();
  for (const el of section('variables')?.children ?? []) {
    if (el.name !== 'variable') fail(el.line, `unexpected <${el.name}> in <variables>`);
    const name = need(el, 'name');
    const domainName = need(el, 'domain');
    const domain =
      domains.get(domainName) ??
      fail(el.line, `variable '${name}': unknown domain '${domainName}'`);
    if (variables.has(name)) fail(el.line, `variable '${name}' is defined twice`);
    const id = uniqueId(name, usedIds);
    variables.set(name, { id, name, values: domain.values, none: domain.none });
  }
  if (variables.size === 0) fail(root.line, 'the instance declares no <variable>');

  const relations = new Map<string, XmlElement>();
  for (const el of section('relations')?.children ?? []) {
    if (el.name !== 'relation') fail(el.line, `unexpected <${el.name}> in <relations>`);
    relations.set(need(el, 'name'), el);
  }
  const predicates = new Map<string, XmlElement>();
  for (const el of section('predicates')?.children ?? []) {
    if (el.name !== 'predicate') fail(el.line, `unexpected <${el.name}> in <predicates>`);
    predicates.set(need(el, 'name'), el);
  }

  const constraints: ConstraintDocument[] = [];
  const constraintIds = new Set<string>();
  for (const el of section('constraints')?.children ?? []) {
    if (el.name !== 'constraint') fail(el.line, `unexpected <${el.name}> in <constraints>`);
    const name = need(el, 'name');
    const scopeNames = need(el, 'scope').trim().split(/\s+/).filter(Boolean);
    const scope = scopeNames.map(
      (n) =>
        variables.get(n) ??
        fail(el.line, `constraint '${name}': unknown variable '${n}' in its scope`),
    );
    const arity = el.attributes['arity'];
    if (arity !== undefined && Number(arity) !== scope.length)
      fail(
        el.line,
        `constraint '${name}' declares arity="${arity}" but its scope has ${scope.length} variables`,
      );
    const reference = need(el, 'reference');
    const id = uniqueId(name, constraintIds);
    const relation = relations.get(reference);
    const predicate = predicates.get(reference);
    if (relation) constraints.push(relationConstraint(id, el, relation, scope, fail));
    else if (predicate)
      constraints.push(predicateConstraint(id, el, predicate, scope, variables, fail));
    else if (reference.startsWith('global:'))
      fail(
        el.line,
        `constraint '${name}': global constraint '${reference}' is not supported (only relations and predicates)`,
      );
    else
      fail(
        el.line,
        `constraint '${name}': unknown reference '${reference}' (no such relation or predicate)`,
      );
  }

  const name =
    options.name ??
    root.children.find((c) => c.name === 'presentation')?.attributes['name'] ??
    'XCSP instance';
  return {
    schemaVersion: 1,
    id: uniqueId(name, new Set()),
    version: '1',
    name,
    plantId: 'default',
    category: 'imported',
    groups: [{ id: 'variables', label: 'Variables' }],
    modules: [],
    attributes: [...variables.values()].map((v) => ({
      id: v.id,
      label: v.name,
      group: 'variables',
      type: 'choice' as const,
      ...(v.none !== undefined ? { required: false } : {}),
      values: v.values.map((n) => ({ id: valueId(n), label: String(n) })),
    })),
    constraints,
    bom: [],
    routing: [],
  };
}

/**
 * The value id of an integer: its decimal form, with `m` for a minus sign (ids cannot start with `-`).
 *
 * @example
 * valueId(3); // '3'
 * valueId(-2); // 'm2'
 */
export function valueId(n: number): string {
  return n < 0 ? `m${-n}` : String(n);
}

/** An attribute or constraint id from an XCSP name: invalid characters become `_`, repeats get `_2`. */
function uniqueId(name: string, used: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `v_${base}`;
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
  used.add(id);
  return id;
}

type Fail = (line: number, detail: string) => never;

/** The number of line breaks in `text` between `from` and `to`. */
function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The integers of a domain: values and ranges `a..b`, separated by spaces. */
function readDomain(el: XmlElement, fail: Fail): number[] {
  const values: number[] = [];
  const seen = new Set<number>();
  for (const token of el.text.trim().split(/\s+/).filter(Boolean)) {
    const range = /^(-?[0-9]+)\.\.(-?[0-9]+)$/.exec(token);
    const [lo, hi] = range
      ? [Number(range[1]), Number(range[2])]
      : /^-?[0-9]+$/.test(token)
        ? [Number(token), Number(token)]
        : fail(
            el.line,
            `domain '${el.attributes['name']}': '${token}' is not an integer or a range a..b`,
          );
    if (hi < lo) fail(el.line, `domain '${el.attributes['name']}': empty range '${token}'`);
    if (hi - lo > 100_000)
      fail(el.line, `domain '${el.attributes['name']}': range '${token}' is too large`);
    for (let v = lo; v <= hi; v++) {
      if (!seen.has(v)) values.push(v);
      seen.add(v);
    }
  }
  return values;
}

/** A table cell for integer `n` of `variable`: its value id, null for "not assigned", undefined if out of domain. */
function cell(variable: Variable, n: number): TableCell | undefined {
  if (n === variable.none) return null;
  return variable.values.includes(n) ? valueId(n) : undefined;
}

function relationConstraint(
  id: string,
  el: XmlElement,
  relation: XmlElement,
  scope: Variable[],
  fail: Fail,
): ConstraintDocument {
  const name = relation.attributes['name'] ?? '';
  const semantics = relation.attributes['semantics'];
  if (semantics !== 'supports' && semantics !== 'conflicts')
    fail(
      relation.line,
      `relation '${name}': semantics="${semantics ?? ''}" (expected supports or conflicts)`,
    );
  const arity = Number(relation.attributes['arity'] ?? scope.length);
  if (arity !== scope.length)
    fail(
      el.line,
      `constraint '${id}' has ${scope.length} variables but relation '${name}' has arity ${arity}`,
    );
  const rows: TableCell[][] = [];
  // The line of each tuple, counted as the text is walked (not from the start each time).
  let linesBefore = 0;
  const chunks = relation.text.split('|');
  for (const chunk of chunks) {
    const lead = chunk.length - chunk.trimStart().length;
    const line = relation.line + linesBefore + newlines(chunk, 0, lead);
    linesBefore += newlines(chunk, 0, chunk.length);
    const tokens = chunk.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) {
      if (chunks.length > 1 && chunk !== chunks[chunks.length - 1])
        fail(line, `relation '${name}': an empty tuple between two '|'`);
      continue;
    }
    if (tokens.length !== arity)
      fail(
        line,
        `relation '${name}': the tuple '${tokens.join(' ')}' has ${tokens.length} values, expected ${arity}`,
      );
    const row: TableCell[] = [];
    for (const [k, token] of tokens.entries()) {
      if (!/^-?[0-9]+$/.test(token)) fail(line, `relation '${name}': '${token}' is not an integer`);
      const c = cell(scope[k]!, Number(token));
      if (c === undefined) break; // a tuple outside the domains matches nothing: dropped
      row.push(c);
    }
    if (row.length === arity) rows.push(row);
  }
  const nb = relation.attributes['nbTuples'];
  const listed = chunks.filter((c) => c.trim() !== '').length;
  if (nb !== undefined && Number(nb) !== listed)
    fail(relation.line, `relation '${name}' declares nbTuples="${nb}" but lists ${listed} tuples`);
  const attributes = scope.map((v) => v.id);
  return {
    id,
    message: `${el.attributes['name'] ?? id} (relation ${name})`,
    table:
      semantics === 'supports' ? { attributes, allowed: rows } : { attributes, forbidden: rows },
  };
}

function predicateConstraint(
  id: string,
  el: XmlElement,
  predicate: XmlElement,
  scope: Variable[],
  variables: Map<string, Variable>,
  fail: Fail,
): ConstraintDocument {
  const pname = predicate.attributes['name'] ?? '';
  const formalText = predicate.children.find((c) => c.name === 'parameters')?.text ?? '';
  const formalTokens = formalText.trim().split(/\s+/).filter(Boolean);
  if (formalTokens.length % 2 !== 0)
    fail(predicate.line, `predicate '${pname}': parameters must be pairs 'int NAME'`);
  const formals: string[] = [];
  for (let k = 0; k < formalTokens.length; k += 2) {
    if (formalTokens[k] !== 'int')
      fail(
        predicate.line,
        `predicate '${pname}': parameter type '${formalTokens[k]}' (only int is defined)`,
      );
    formals.push(formalTokens[k + 1]!);
  }
  const functional = predicate.children
    .find((c) => c.name === 'expression')
    ?.children.find((c) => c.name === 'functional');
  if (!functional) fail(predicate.line, `predicate '${pname}' has no <expression><functional>`);
  const parsed = parseFunctional(functional!.text);
  if (!parsed.ok) fail(functional!.line, `predicate '${pname}': ${parsed.message}`);
  const body = (parsed as { expr: FunctionalExpr }).expr;

  const actualText =
    el.children.find((c) => c.name === 'parameters')?.text ?? scope.map((v) => v.name).join(' ');
  const actuals = actualText.trim().split(/\s+/).filter(Boolean);
  if (actuals.length !== formals.length)
    fail(
      el.line,
      `constraint '${id}' passes ${actuals.length} parameters to '${pname}', which takes ${formals.length}`,
    );
  const binding = new Map<string, FunctionalExpr>();
  formals.forEach((formal, k) => {
    const actual = actuals[k]!;
    if (/^-?[0-9]+$/.test(actual)) binding.set(formal, { kind: 'int', value: Number(actual) });
    else if (scope.some((v) => v.name === actual))
      binding.set(formal, { kind: 'name', name: actual });
    else
      fail(
        el.line,
        `constraint '${id}': parameter '${actual}' is neither an integer nor a variable of its scope`,
      );
  });
  const unknown: string[] = [];
  const expr = substitute(body, (n) => binding.get(n), unknown);
  if (unknown.length > 0)
    fail(functional!.line, `predicate '${pname}': unknown parameter '${unknown[0]}'`);

  const message = `${el.attributes['name'] ?? id} (predicate ${pname})`;
  const byName = (n: string) => variables.get(n)!;
  if (scope.every((v) => v.none === undefined)) {
    const rule = toRule(expr, byName, valueId);
    if (rule !== undefined) return { id, message, rule };
  }
  const combos = scope.reduce((p, v) => p * (v.values.length + (v.none === undefined ? 0 : 1)), 1);
  if (combos > MAX_TABULATED)
    fail(
      el.line,
      `constraint '${id}': predicate '${pname}' over ${combos} combinations is too large to tabulate (limit ${MAX_TABULATED})`,
    );
  const allowed: TableCell[][] = [];
  const forbidden: TableCell[][] = [];
  const assignment = new Map<string, number>();
  const columns = scope.map((v) => (v.none === undefined ? v.values : [...v.values, v.none]));
  const walk = (k: number, row: TableCell[]): void => {
    if (k === scope.length) {
      const ok = evaluateFunctional(expr, (n) => assignment.get(n)!);
      (ok !== undefined && ok !== 0 ? allowed : forbidden).push(row);
      return;
    }
    for (const n of columns[k]!) {
      assignment.set(scope[k]!.name, n);
      walk(k + 1, [...row, cell(scope[k]!, n)!]);
    }
  };
  walk(0, []);
  const attributes = scope.map((v) => v.id);
  return {
    id,
    message,
    table: allowed.length <= forbidden.length ? { attributes, allowed } : { attributes, forbidden },
  };
}
