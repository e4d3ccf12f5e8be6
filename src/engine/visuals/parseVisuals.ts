import type { AttributeLookup } from '../model/checkRule.ts';
import { jsonPath } from '../model/jsonPath.ts';
import { renameAttributes, type Expr } from '../model/rules/ast.ts';
import type { AttributeDocument, ModelDocument } from '../model/schema.ts';
import type { Attribute, ModelIssue, ProductModel } from '../model/types.ts';
import { instanceId } from '../model/expandModules.ts';
import type { LayerDocument, MeasureDocument } from './schema.ts';
import type { LayerSource, Measure, ModelVisuals, VisualLayer } from './types.ts';

type RuleParser = (
  text: string,
  path: string,
  owner: string,
  lookup: AttributeLookup,
  issues: ModelIssue[],
) => Expr | undefined;

/** What makes a layer appear before its own `when`: its value chosen (or always). */
function trigger(attr: Attribute | AttributeDocument, id: string, value?: string): Expr {
  const column = 1;
  switch (attr.type) {
    case 'choice':
      return { type: 'in', attribute: id, values: [value!], column };
    case 'multi':
      return { type: 'has', attribute: id, value: value!, column };
    case 'boolean':
      return {
        type: 'compare',
        op: '=',
        left: { type: 'attr', id, column },
        right: { type: 'literal', value: true, column },
        column,
      };
    case 'number':
      // "has a value": a numeric comparison with an unassigned attribute is false.
      return {
        type: 'compare',
        op: '>=',
        left: { type: 'attr', id, column },
        right: { type: 'literal', value: attr.min, column },
        column,
      };
    case 'text':
      throw new Error('text attributes carry no layers');
    default:
      return attr satisfies never;
  }
}

/** Where one layer list sits and what shows it. */
interface LayerList {
  layers: readonly LayerDocument[];
  path: readonly PropertyKey[];
  /** The attribute document whose value (or truth) shows the list; none: always shown. */
  attribute?: AttributeDocument;
  value?: string;
}

/** Every layer list of the document, in document order. */
function layerLists(doc: ModelDocument): LayerList[] {
  const lists: LayerList[] = [];
  if (doc.visuals?.layers) lists.push({ layers: doc.visuals.layers, path: ['visuals', 'layers'] });
  doc.attributes.forEach((attr, i) => {
    if (attr.type === 'choice' || attr.type === 'multi')
      attr.values.forEach((v, j) => {
        if (v.layers)
          lists.push({
            layers: v.layers,
            path: ['attributes', i, 'values', j, 'layers'],
            attribute: attr,
            value: v.id,
          });
      });
    else if ((attr.type === 'boolean' || attr.type === 'number') && attr.layers)
      lists.push({ layers: attr.layers, path: ['attributes', i, 'layers'], attribute: attr });
  });
  return lists;
}

/**
 * Checks and flattens a model's visuals (views, layers on values and attributes, the layout of
 * repeated modules) against the parsed model; problems go to `issues` with their JSON path. A
 * layer of a repeated module's attribute becomes one layer per instance, moved by the module's
 * `layout` step per index and with its rules and measures naming that instance.
 */
export function parseVisuals(
  doc: ModelDocument,
  model: ProductModel,
  issues: ModelIssue[],
  parse: RuleParser,
): ModelVisuals | undefined {
  const lists = layerLists(doc);
  if (!doc.visuals && lists.length === 0) return undefined;
  const views = doc.visuals?.views ?? [];
  const viewIds = new Set<string>();
  views.forEach((v, i) => {
    if (viewIds.has(v.id))
      issues.push({
        path: jsonPath(['visuals', 'views', i, 'id']),
        message: `duplicate view id '${v.id}'`,
      });
    viewIds.add(v.id);
  });
  const viewList = views.length ? views.map((v) => `'${v.id}'`).join(', ') : 'none declared';
  const checkView = (view: string, path: string) => {
    if (!viewIds.has(view))
      issues.push({
        path,
        message: `unknown view '${view}' (views: ${viewList}${views.length ? '' : '; add $.visuals.views'})`,
      });
  };
  doc.modules.forEach((mod, m) =>
    mod.layout?.forEach((step, k) => {
      checkView(step.view, jsonPath(['modules', m, 'layout', k, 'view']));
      if (!mod.count)
        issues.push({
          path: jsonPath(['modules', m, 'layout']),
          message: `module '${mod.id}' does not repeat (no count): a layout step has nothing to lay out`,
        });
    }),
  );

  const byId = new Map<string, Attribute>(model.attributes.map((a) => [a.id, a]));
  const lookup: AttributeLookup = (id) => byId.get(id) ?? `unknown attribute '${id}'`;
  const repeated = new Map<string, ModelDocument['modules'][number]>();
  for (const mod of doc.modules)
    if (mod.count) for (const a of mod.attributes) repeated.set(a, mod);

  const layers: VisualLayer[] = [];
  for (const list of lists) {
    const mod = list.attribute && repeated.get(list.attribute.id);
    const instances = mod?.count ? range(1, mod.count.max) : [undefined];
    for (const index of instances) {
      // Problems of a module's layers are reported once, for its first instance.
      const sink: ModelIssue[] = index === undefined || index === 1 ? issues : [];
      const rename = (id: string) =>
        mod && index !== undefined && mod.attributes.includes(id)
          ? instanceId(mod.id, index, id)
          : id;
      list.layers.forEach((layer, k) => {
        const keys = [...list.path, k];
        const path = jsonPath(keys);
        if (sink === issues) checkView(layer.view, jsonPath([...keys, 'view']));
        const source: LayerSource = {};
        let show: Expr | undefined;
        if (list.attribute) {
          const attrId = rename(list.attribute.id);
          source.attribute = attrId;
          if (list.value !== undefined) source.value = list.value;
          if (index !== undefined) source.instance = index;
          show = trigger(list.attribute, attrId, list.value);
          // Only while the attribute counts: its instance exists, its relevantWhen holds.
          const relevance = byId.get(attrId)?.relevance;
          if (relevance) show = { type: 'and', args: [relevance, show], column: 1 };
        }
        if (layer.when !== undefined) {
          const when = parse(
            layer.when,
            `${path}.when`,
            `layer ${path}`,
            (id) => lookup(rename(id)),
            sink,
          );
          if (when) {
            const renamed = renameAttributes(when, rename);
            show = show ? { type: 'and', args: [show, renamed], column: 1 } : renamed;
          }
        }
        let tint: string | undefined;
        if (layer.tint !== undefined) {
          tint = rename(layer.tint);
          const found = byId.get(tint);
          if (!found || found.type !== 'choice')
            sink.push({
              path: jsonPath([...keys, 'tint']),
              message: found
                ? `tint '${layer.tint}' is a ${found.type} attribute: a tint takes the swatch of a choice attribute's value`
                : `tint names unknown attribute '${layer.tint}'`,
            });
        }
        const step =
          index !== undefined ? mod?.layout?.find((s) => s.view === layer.view) : undefined;
        const shift = (index ?? 1) - 1;
        const measure = (name: 'x' | 'y' | 'width' | 'height', extra: number): Measure => {
          const m = toMeasure(layer[name], rename, byId, jsonPath([...keys, name]), sink);
          return { ...m, offset: m.offset + extra };
        };
        const built: VisualLayer = {
          key: index === undefined ? path : `${path}#${index}`,
          path,
          view: layer.view,
          image: layer.image,
          z: layer.z,
          x: measure('x', (step?.dx ?? 0) * shift),
          y: measure('y', (step?.dy ?? 0) * shift),
          width: measure('width', 0),
          height: measure('height', 0),
          anchor: layer.anchor ?? 'top-left',
          source,
        };
        if (tint !== undefined) built.tint = tint;
        if (show) built.show = show;
        layers.push(built);
      });
    }
  }
  return { views, layers };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A measure of the document as offset + scale × a number attribute (checked to be one). */
function toMeasure(
  m: MeasureDocument,
  rename: (id: string) => string,
  byId: ReadonlyMap<string, Attribute>,
  path: string,
  issues: ModelIssue[],
): Measure {
  if (typeof m === 'number') return { scale: 0, offset: m };
  const attribute = rename(m.attribute);
  const found = byId.get(attribute);
  if (!found || found.type !== 'number')
    issues.push({
      path: `${path}.attribute`,
      message: found
        ? `measure follows '${m.attribute}', a ${found.type} attribute: only number attributes (or a repeated module's count, '<module>.count') have a size`
        : `measure follows unknown attribute '${m.attribute}'`,
    });
  return { attribute, scale: m.scale ?? 1, offset: m.offset ?? 0 };
}
