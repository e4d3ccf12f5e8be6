import type { Expr } from '../model/rules/ast.ts';
import type { Anchor, ViewDocument } from './schema.ts';

/** One view of a product: its id, the buyer's label and the stage size in units. */
export type View = ViewDocument;

/** A measure in stage units: `offset + scale × value of attribute` (a constant without one). */
export interface Measure {
  attribute?: string;
  scale: number;
  offset: number;
}

/** Where a layer comes from: an attribute's value (of a module instance), or the product. */
export interface LayerSource {
  attribute?: string;
  value?: string;
  /** 1-based instance of a repeated module. */
  instance?: number;
}

/**
 * A layer of a parsed model: attribute ids already name module instances, the instance's layout
 * step is in `x`/`y`, and `show` is when it is drawn (its value chosen, and its `when`).
 */
export interface VisualLayer {
  /** Unique and stable across parses: the JSON path, plus `#i` for module instance i. */
  key: string;
  /** JSON path of the layer in the model document. */
  path: string;
  view: string;
  image: string;
  z: number;
  x: Measure;
  y: Measure;
  width: Measure;
  height: Measure;
  anchor: Anchor;
  tint?: string;
  /** Undefined: every configuration shows it. */
  show?: Expr;
  source: LayerSource;
}

/** The visuals of a parsed model: its views and every layer, in document order. */
export interface ModelVisuals {
  views: View[];
  layers: VisualLayer[];
}
