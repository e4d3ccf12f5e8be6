/** The Madeto engine: pure TypeScript, no React, DOM, fetch or clock. */
export { parseModel } from './model/parseModel.ts';
export { parseRule } from './model/rules/parseRule.ts';
export type { Expr, Literal } from './model/rules/ast.ts';
export { ModelError } from './model/types.ts';
export type {
  Attribute,
  Constraint,
  ModelIssue,
  ProductModel,
  Selection,
  SelectionValue,
} from './model/types.ts';
