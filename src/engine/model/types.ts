import type { Expr } from './rules/ast.ts';
import type { ModelVisuals } from '../visuals/types.ts';
import type { AttributeDocument, BomLine, ModelDocument, Operation, TableCell } from './schema.ts';

/**
 * An attribute of a parsed model. Attributes of a repeated module appear once per instance, with
 * ids such as `seat[2].fabric`, and the instance count as a number attribute `seat.count`.
 */
export type Attribute = AttributeDocument & {
  /** The parsed `relevantWhen` (for module instances, also "this instance exists"). */
  relevance?: Expr;
  /** Set on attributes expanded from a repeated module. */
  instanceOf?: { module: string; index: number; attribute: string };
};

interface ConstraintBase {
  /** Unique id (module constraints get `id[instance]`). */
  id: string;
  message?: string;
  /** The constraint applies only where this holds (set for repeated-module instances). */
  guard?: Expr;
  /** JSON path of the constraint in the model document, for messages. */
  path: string;
}

/** A constraint of a parsed model: a rule's syntax tree, or a table of combinations. */
export type Constraint =
  | (ConstraintBase & { kind: 'rule'; rule: string; expr: Expr })
  | (ConstraintBase & {
      kind: 'table';
      attributes: string[];
      mode: 'allowed' | 'forbidden';
      /** Cells are value ids, numbers, booleans, or null for "not assigned". */
      rows: TableCell[][];
    });

/** A routing operation with its parsed `when` condition. */
export type RoutingOperation = Operation & { condition?: Expr };

/**
 * A validated product model (model.md) with its rules parsed and repeated modules expanded. The
 * authored document is kept unchanged in `document` (for hashing and display).
 */
export interface ProductModel {
  document: ModelDocument;
  id: string;
  version: string;
  name: string;
  plantId: string;
  category: string;
  groups: ModelDocument['groups'];
  modules: ModelDocument['modules'];
  attributes: Attribute[];
  constraints: Constraint[];
  bom: BomLine[];
  routing: RoutingOperation[];
  /** Views and layers (`parseVisuals`), when the model has pictures. */
  visuals?: ModelVisuals;
}

/** The value of one attribute in a selection: choice → id, multi → ids, number, boolean, text. */
export type SelectionValue = string | readonly string[] | number | boolean;

/** What the buyer chose: attribute id → value. Absent attributes are unassigned. */
export type Selection = Readonly<Record<string, SelectionValue>>;

/** A problem in a model document: where (JSON path such as `$.attributes[2].default`) and what. */
export interface ModelIssue {
  path: string;
  message: string;
}

/** Thrown by `parseModel` for an invalid document; `issues` lists every problem found. */
export class ModelError extends Error {
  readonly code = 'MODEL_INVALID';
  constructor(readonly issues: ModelIssue[]) {
    super(
      `The product model is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
    );
    this.name = 'ModelError';
  }
}
