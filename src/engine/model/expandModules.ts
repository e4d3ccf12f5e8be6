import { checkLiteral, type AttributeLookup } from './checkRule.ts';
import { jsonPath } from './jsonPath.ts';
import { LIMITS } from '../limits.ts';
import { renameAttributes, type Expr } from './rules/ast.ts';
import type { AttributeDocument, ConstraintDocument, ModelDocument } from './schema.ts';
import {
  ModelError,
  type Attribute,
  type Constraint,
  type ModelIssue,
  type ProductModel,
  type RoutingOperation,
} from './types.ts';

type RuleParser = (
  text: string,
  path: string,
  owner: string,
  lookup: AttributeLookup,
  issues: ModelIssue[],
) => Expr | undefined;

/** The id of instance `index` (1-based) of `attribute` in repeated module `module`. */
export function instanceId(module: string, index: number, attribute: string): string {
  return `${module}[${index}].${attribute}`;
}

/** The id of the number attribute that counts the instances of repeated module `module`. */
export function moduleCountId(module: string): string {
  return `${module}.count`;
}

/**
 * Builds the parsed model: parses every rule, checks tables, and expands each repeated module into
 * a count attribute plus `count.max` instances of its attributes, each relevant only when the
 * instance exists, with the module's constraints applied per instance (guarded by its existence).
 */
export function expandModules(
  doc: ModelDocument,
  issues: ModelIssue[],
  parse: RuleParser,
): ProductModel {
  // Expansion is bounded before anything is built: `count.max: 1000000` must be an error naming
  // the module, not gigabytes of attributes.
  let expanded = doc.attributes.length;
  for (const [i, mod] of doc.modules.entries()) {
    if (!mod.count) continue;
    expanded += mod.count.max * mod.attributes.length;
    if (expanded > LIMITS.expandedAttributes) {
      issues.push({
        path: jsonPath(['modules', i, 'count', 'max']),
        message: `module '${mod.id}' would expand the model to more than ${LIMITS.expandedAttributes} attributes (count.max ${mod.count.max} × ${mod.attributes.length} attribute(s)); lower count.max`,
      });
      throw new ModelError(issues);
    }
  }
  const templates = new Map<string, string>(); // template attribute id → repeated module id
  for (const mod of doc.modules)
    if (mod.count) for (const a of mod.attributes) templates.set(a, mod.id);

  const attributes: Attribute[] = [];
  const byId = new Map<string, AttributeDocument>();
  for (const attr of doc.attributes) if (!templates.has(attr.id)) byId.set(attr.id, attr);

  // Instances first get registered so rules can refer to them (e.g. "seat[1].fabric").
  const instances: {
    attr: AttributeDocument;
    module: string;
    index: number;
    template: AttributeDocument;
  }[] = [];
  for (const mod of doc.modules) {
    if (!mod.count) continue;
    const first = doc.attributes.find((a) => a.id === mod.attributes[0]);
    const countAttr: AttributeDocument = {
      id: moduleCountId(mod.id),
      // Worded for the buyer ("Seat count", "Seat 2 – Module"): the widget's controls and
      // summary, the picture's text alternative and the customer's quote all read these labels.
      label: `${mod.label} count`,
      group: first?.group ?? doc.groups[0]!.id,
      type: 'number',
      min: mod.count.min,
      max: mod.count.max,
      step: 1,
      default: mod.count.min,
    };
    byId.set(countAttr.id, countAttr);
    for (let index = 1; index <= mod.count.max; index++) {
      for (const templateId of mod.attributes) {
        const template = doc.attributes.find((a) => a.id === templateId);
        if (!template) continue;
        const attr = {
          ...template,
          id: instanceId(mod.id, index, template.id),
          label: `${mod.label} ${index} – ${template.label}`,
        } as AttributeDocument;
        byId.set(attr.id, attr);
        instances.push({ attr, module: mod.id, index, template });
      }
    }
  }

  const lookup: AttributeLookup = (id) => {
    const found = byId.get(id);
    if (found) return found;
    const mod = templates.get(id);
    if (mod)
      return `attribute '${id}' belongs to repeated module '${mod}': name an instance such as '${instanceId(mod, 1, id)}'`;
    return `unknown attribute '${id}'`;
  };

  // Plain attributes (in document order), then the expanded ones, module by module.
  doc.attributes.forEach((attr, i) => {
    if (templates.has(attr.id)) return;
    const path = jsonPath(['attributes', i, 'relevantWhen']);
    const relevance =
      attr.relevantWhen === undefined
        ? undefined
        : parse(attr.relevantWhen, path, `relevantWhen of '${attr.id}'`, lookup, issues);
    attributes.push(relevance ? { ...attr, relevance } : { ...attr });
  });
  for (const mod of doc.modules) {
    if (!mod.count) continue;
    attributes.push(byId.get(moduleCountId(mod.id)) as Attribute);
    for (const inst of instances.filter((x) => x.module === mod.id)) {
      const exists = existsExpr(mod.id, inst.index);
      const templateIndex = doc.attributes.indexOf(inst.template);
      const rename = (id: string) =>
        mod.attributes.includes(id) ? instanceId(mod.id, inst.index, id) : id;
      let relevance: Expr = exists;
      if (inst.template.relevantWhen !== undefined) {
        const path = jsonPath(['attributes', templateIndex, 'relevantWhen']);
        const own = parse(
          inst.template.relevantWhen,
          path,
          `relevantWhen of '${inst.attr.id}'`,
          (id) => lookup(rename(id)),
          issues,
        );
        if (own)
          relevance = { type: 'and', args: [exists, renameAttributes(own, rename)], column: 1 };
      }
      attributes.push({
        ...inst.attr,
        relevance,
        instanceOf: { module: mod.id, index: inst.index, attribute: inst.template.id },
      });
    }
  }

  const constraints: Constraint[] = [];
  doc.constraints.forEach((c, i) => {
    const built = buildConstraint(
      c,
      jsonPath(['constraints', i]),
      lookup,
      (id) => id,
      issues,
      parse,
    );
    if (built) constraints.push(built);
  });
  doc.modules.forEach((mod, m) => {
    (mod.constraints ?? []).forEach((c, i) => {
      const path = jsonPath(['modules', m, 'constraints', i]);
      if (!mod.count) {
        const built = buildConstraint(c, path, lookup, (id) => id, issues, parse);
        if (built) constraints.push(built);
        return;
      }
      for (let index = 1; index <= mod.count.max; index++) {
        const rename = (id: string) =>
          mod.attributes.includes(id) ? instanceId(mod.id, index, id) : id;
        const built = buildConstraint(
          c,
          path,
          (id) => lookup(rename(id)),
          rename,
          index === 1 ? issues : [],
          parse,
        );
        if (built)
          constraints.push({ ...built, id: `${c.id}[${index}]`, guard: existsExpr(mod.id, index) });
      }
    });
  });

  const routing: RoutingOperation[] = [];
  doc.routing.forEach((op, i) => {
    if (op.when === undefined) return routing.push({ ...op });
    const condition = parse(
      op.when,
      jsonPath(['routing', i, 'when']),
      `operation '${op.op}'`,
      lookup,
      issues,
    );
    routing.push(condition ? { ...op, condition } : { ...op });
  });

  return {
    document: doc,
    id: doc.id,
    version: doc.version,
    name: doc.name,
    plantId: doc.plantId,
    category: doc.category,
    groups: doc.groups,
    modules: doc.modules,
    attributes,
    constraints,
    bom: doc.bom,
    routing,
  };
}

function existsExpr(module: string, index: number): Expr {
  return {
    type: 'compare',
    op: '>=',
    left: { type: 'attr', id: moduleCountId(module), column: 1 },
    right: { type: 'literal', value: index, column: 1 },
    column: 1,
  };
}

function buildConstraint(
  c: ConstraintDocument,
  path: string,
  lookup: AttributeLookup,
  rename: (id: string) => string,
  issues: ModelIssue[],
  parse: RuleParser,
): Constraint | undefined {
  const base = { id: c.id, path, ...(c.message === undefined ? {} : { message: c.message }) };
  if (c.rule !== undefined) {
    const expr = parse(c.rule, `${path}.rule`, `constraint '${c.id}'`, lookup, issues);
    return expr
      ? { ...base, kind: 'rule', rule: c.rule, expr: renameAttributes(expr, rename) }
      : undefined;
  }
  const table = c.table!;
  const mode = table.allowed ? 'allowed' : 'forbidden';
  const rows = table.allowed ?? table.forbidden ?? [];
  let ok = true;
  const attrs = table.attributes.map((id, j) => {
    const found = lookup(id);
    if (typeof found === 'string') {
      issues.push({
        path: `${path}.table.attributes[${j}]`,
        message: `constraint '${c.id}': ${found}`,
      });
      ok = false;
    } else if (found.type === 'text' || found.type === 'multi') {
      issues.push({
        path: `${path}.table.attributes[${j}]`,
        message: `constraint '${c.id}': a table cannot use ${found.type} attribute '${id}'`,
      });
      ok = false;
    }
    return typeof found === 'string' ? undefined : found;
  });
  rows.forEach((row, r) => {
    const rowPath = `${path}.table.${mode}[${r}]`;
    if (row.length !== attrs.length) {
      issues.push({
        path: rowPath,
        message: `constraint '${c.id}': row has ${row.length} cells for ${attrs.length} attributes`,
      });
      ok = false;
      return;
    }
    row.forEach((cell, k) => {
      const attr = attrs[k];
      if (cell === null || !attr) return;
      const problem = checkLiteral(attr, cell);
      if (problem) {
        issues.push({ path: `${rowPath}[${k}]`, message: `constraint '${c.id}': ${problem}` });
        ok = false;
      }
    });
  });
  if (!ok) return undefined;
  return { ...base, kind: 'table', attributes: table.attributes.map(rename), mode, rows };
}
