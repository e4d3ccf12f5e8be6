import type { StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import {
  composeView,
  createConfiguratorEngine,
  parseModel,
  type ComposedView,
  type ConfiguratorEngine,
  type ProductModel,
  type Selection,
} from '../src/engine/index.ts';

/**
 * A module, for designers: an attribute whose values contribute layers to the product's picture
 * (for a repeated module's attribute, every instance of it). `ModuleLayers` draws each state of
 * the module (each value; on and off for a yes/no; smallest, default and largest for a number) in
 * every view of the product, in a configuration completed around it by the engine (defaults
 * first), with the module's own layers at full strength and the rest of the product faded.
 */
export interface ModuleLayersProps {
  /** The product's model document (as in `public/catalogue/`). */
  product: object;
  /** The attribute id in the document (a repeated module's own id, e.g. `seatType`). */
  attribute: string;
  /** How many instances of a repeated module to show (default 3, within its count). */
  instances?: number;
  /** Each picture's width in CSS pixels (default 260). */
  width?: number;
}

interface State {
  label: string;
  /** Undefined: no valid configuration holds this state. */
  selection: Selection | undefined;
}

const parsed = new Map<object, { model: ProductModel; engine: ConfiguratorEngine }>();
function engineOf(product: object) {
  let entry = parsed.get(product);
  if (!entry) {
    const model = parseModel(product);
    entry = { model, engine: createConfiguratorEngine(model) };
    parsed.set(product, entry);
  }
  return entry;
}

/** The module's attribute ids in the parsed model: `a`, or `m[1].a` … `m[n].a` for module `m`. */
function instanceIds(model: ProductModel, attribute: string, instances: number) {
  const module = model.document.modules?.find((m) => m.attributes.includes(attribute));
  if (!module) return { ids: [attribute], countId: undefined, count: undefined };
  // A module without a count is there once: its attributes keep their ids.
  if (!module.count) return { ids: [attribute], countId: undefined, count: undefined };
  const count = Math.max(module.count.min, Math.min(instances, module.count.max));
  const ids = Array.from({ length: count }, (_, i) => `${module.id}[${i + 1}].${attribute}`);
  return { ids, countId: `${module.id}.count`, count };
}

/** The module's states, each completed into a valid configuration (or undefined when none is). */
function statesOf(product: object, attribute: string, instances: number): State[] {
  const { model, engine } = engineOf(product);
  const { ids, countId, count } = instanceIds(model, attribute, instances);
  const attr = model.attributes.find((a) => a.id === ids[0]);
  if (!attr) throw new Error(`ModuleLayers: the product has no attribute '${attribute}'`);
  const base: Selection = countId === undefined ? {} : { [countId]: count! };
  const tryComplete = (s: Selection) => {
    try {
      return engine.complete(s);
    } catch {
      return undefined;
    }
  };
  // Every instance that can take the value takes it (a chaise only at an end, once).
  const withValue = (value: Selection[string]): Selection | undefined => {
    let s: Selection | undefined;
    for (const id of ids) {
      const next = tryComplete({ ...(s ?? base), [id]: value });
      if (next) s = { ...(s ?? base), [id]: value };
    }
    return s && tryComplete(s);
  };
  const label = (v: string) =>
    'values' in attr ? (attr.values.find((x) => x.id === v)?.label ?? v) : v;
  switch (attr.type) {
    case 'choice':
      return attr.values.map((v) => ({ label: v.label, selection: withValue(v.id) }));
    case 'multi':
      return attr.values.map((v) => ({ label: label(v.id), selection: withValue([v.id]) }));
    case 'boolean':
      return [
        { label: 'Yes', selection: withValue(true) },
        { label: 'No', selection: withValue(false) },
      ];
    case 'number':
      return [...new Set([attr.min, attr.default ?? attr.min, attr.max])].map((n) => ({
        label: String(n),
        selection: withValue(n),
      }));
    default:
      return [];
  }
}

/** True when a layer of the composed view comes from the module. */
const ofModule = (source: { attribute?: string }, attribute: string) =>
  source.attribute === attribute || (source.attribute?.endsWith(`].${attribute}`) ?? false);

function layerStyle(c: ComposedView, i: number, own: boolean): CSSProperties {
  const l = c.layers[i]!;
  const { width, height } = c.view;
  const style: CSSProperties = {
    position: 'absolute',
    left: `${(l.x / width) * 100}%`,
    top: `${(l.y / height) * 100}%`,
    width: `${(l.width / width) * 100}%`,
    height: `${(l.height / height) * 100}%`,
    opacity: own ? 1 : 0.22,
  };
  if (l.tint !== undefined) {
    const url = `url(${JSON.stringify(l.image)})`;
    Object.assign(style, {
      backgroundImage: url,
      backgroundColor: l.tint,
      backgroundSize: '100% 100%',
      backgroundBlendMode: 'multiply',
      maskImage: url,
      maskSize: '100% 100%',
    });
  }
  return style;
}

/**
 * Every state of one module in every view of its product: a table, one row per state, one column
 * per view; the module's layers drawn over the faded rest of the product. A state no valid
 * configuration holds says so instead of a picture.
 */
export function ModuleLayers({
  product,
  attribute,
  instances = 3,
  width = 260,
}: ModuleLayersProps) {
  const { model } = engineOf(product);
  const views = model.visuals?.views ?? [];
  const states = statesOf(product, attribute, instances);
  const doc = model.attributes.find((a) => a.id === attribute || a.id.endsWith(`].${attribute}`));
  const name = doc?.label ?? attribute;
  return (
    <table className="madeto" data-theme="light" style={{ borderCollapse: 'collapse' }}>
      <caption style={{ textAlign: 'start', fontWeight: 600, padding: 4 }}>
        {name}: {states.length} states in {views.length} views
      </caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          {views.map((v) => (
            <th key={v.id} scope="col">
              {v.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {states.map((s) => (
          <tr key={s.label} data-state={s.label}>
            <th scope="row" style={{ textAlign: 'start', padding: 4, maxWidth: 160 }}>
              {s.label}
            </th>
            {views.map((v) => {
              const composed = s.selection && composeView(model, s.selection, v.id);
              const own = composed?.layers.filter((l) => ofModule(l.source, attribute)) ?? [];
              return (
                <td key={v.id} style={{ padding: 4 }}>
                  {composed ? (
                    <div
                      role="img"
                      aria-label={`${name}: ${s.label}, ${v.label} (${own.length} layers)`}
                      data-own-layers={own.length}
                      style={{
                        position: 'relative',
                        width,
                        aspectRatio: `${v.width} / ${v.height}`,
                        background: '#f6f5f2',
                        borderRadius: 6,
                        overflow: 'hidden',
                      }}
                    >
                      {composed.layers.map((l, i) => {
                        const mine = ofModule(l.source, attribute);
                        return l.tint !== undefined ? (
                          <div key={l.key} style={layerStyle(composed, i, mine)} />
                        ) : (
                          <img
                            key={l.key}
                            src={l.image}
                            alt=""
                            style={layerStyle(composed, i, mine)}
                          />
                        );
                      })}
                    </div>
                  ) : (
                    <p style={{ width, margin: 0 }}>No valid configuration holds this state.</p>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One module's story: every state in every view (`attribute` as in the model document). */
export function moduleStory(product: object, attribute: string): StoryObj<typeof ModuleLayers> {
  return { args: { product, attribute }, argTypes: { product: { control: false } } };
}
