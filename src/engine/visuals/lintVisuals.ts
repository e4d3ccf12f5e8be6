import type { LintFinding } from '../lintFinding.ts';
import { jsonPath } from '../model/jsonPath.ts';
import type { ProductModel } from '../model/types.ts';
import { compile } from '../solver/compile.ts';
import { FALSE } from '../solver/mdd.ts';
import { SolverError } from '../solver/SolverError.ts';
import { hiddenMarks } from './hiddenMarks.ts';
import type { VisualLayer } from './types.ts';

/** What `lintVisuals` may look at besides the model. */
export interface LintVisualsOptions {
  /** Whether a layer's image exists (the CLI resolves it under `--images DIR`); unchecked without. */
  imageExists?: (image: string) => boolean;
}

/**
 * Findings of `madeto lint` on a model's pictures: images that are not there (`missing-image`,
 * error), values without a layer in a view where other values of their attribute have one
 * (`value-without-layer`, warning: the picture would not change when the buyer picks it),
 * attributes drawn in some views and not at all in another (`attribute-without-layer`, warning),
 * each unless marked `hiddenIn` that view (on the value, or on the attribute), a mark naming an
 * unknown view (`hidden-unknown-view`, error) or a view its own layers draw in
 * (`hidden-with-layer`, error), and
 * layers no valid configuration shows (`layer-never-shown`, warning: a dead value, or a `when`
 * the constraints contradict). A model too large to compile skips the last check.
 *
 * @example
 * lintVisuals(model, { imageExists: (url) => existsSync(join('public', url)) });
 * // [{ severity: 'error', code: 'missing-image', path: '$.attributes[0].values[1].layers[0].image', … }]
 */
export function lintVisuals(model: ProductModel, options: LintVisualsOptions = {}): LintFinding[] {
  const visuals = model.visuals;
  const findings: LintFinding[] = [];
  const warn = (code: string, path: string, message: string) =>
    findings.push({ severity: 'warning', code, path, message });
  const fail = (code: string, path: string, message: string) =>
    findings.push({ severity: 'error', code, path, message });

  // A `hiddenIn` mark must name a view, and one its value or attribute has no layer in.
  const viewIds = (visuals?.views ?? []).map((v) => v.id);
  for (const mark of hiddenMarks(model.document))
    mark.views.forEach((view, k) => {
      const path = jsonPath([...mark.path, 'hiddenIn', k]);
      const drawn = mark.layers.find((l) => l.layer.view === view);
      if (!viewIds.includes(view))
        fail(
          'hidden-unknown-view',
          path,
          `${mark.what} is marked hidden in view '${view}', which the model does not have (views: ${viewIds.map((v) => `'${v}'`).join(', ') || 'none declared'})`,
        );
      else if (drawn)
        fail(
          'hidden-with-layer',
          path,
          `${mark.what} is marked hidden in view '${view}' but has a layer there (${jsonPath(drawn.path)}): remove the layer or the mark`,
        );
    });
  if (!visuals) return findings;

  if (options.imageExists) {
    const checked = new Map<string, boolean>();
    const reported = new Set<string>();
    for (const layer of visuals.layers) {
      if (reported.has(layer.path)) continue;
      const exists = checked.get(layer.image) ?? options.imageExists(layer.image);
      checked.set(layer.image, exists);
      if (exists) continue;
      reported.add(layer.path);
      findings.push({
        severity: 'error',
        code: 'missing-image',
        path: `${layer.path}.image`,
        message: `image '${layer.image}' of a layer in view '${layer.view}' does not exist`,
      });
    }
  }

  const doc = model.document;
  doc.attributes.forEach((attr, i) => {
    if (attr.type === 'text') return;
    const values = attr.type === 'choice' || attr.type === 'multi' ? attr.values : [];
    const own = 'layers' in attr ? (attr.layers ?? []) : [];
    const drawsIn = (view: string) =>
      own.some((l) => l.view === view) ||
      values.some((v) => v.layers?.some((l) => l.view === view));
    const hidden = (view: string, marks: readonly string[] | undefined) =>
      attr.hiddenIn?.includes(view) === true || marks?.includes(view) === true;
    const views = visuals.views.map((v) => v.id);
    const drawn = views.filter(drawsIn);
    if (drawn.length === 0) return;
    for (const view of views) {
      if (!drawsIn(view)) {
        // Not drawn in this view at all: fine when marked hidden there (on it or on every value).
        const marked =
          hidden(view, undefined) ||
          (values.length > 0 && values.every((v) => hidden(view, v.hiddenIn)));
        if (!marked)
          warn(
            'attribute-without-layer',
            jsonPath(['attributes', i]),
            `'${attr.id}' is drawn in view${drawn.length > 1 ? 's' : ''} ${drawn.map((v) => `'${v}'`).join(', ')} but has no layer in view '${view}': draw it there, or mark it "hiddenIn": ["${view}"] if it cannot be seen from there`,
          );
        continue;
      }
      values.forEach((v, j) => {
        if (v.layers?.some((l) => l.view === view) || hidden(view, v.hiddenIn)) return;
        warn(
          'value-without-layer',
          jsonPath(['attributes', i, 'values', j]),
          `value '${v.id}' of '${attr.id}' has no layer in view '${view}': the picture does not change when it is chosen (draw it, or mark it "hiddenIn": ["${view}"] if it cannot be seen from there)`,
        );
      });
    }
  });

  findings.push(...neverShown(model, visuals.layers));
  return findings;
}

/** Layers (all instances of a module's layer counted together) in no valid configuration. */
function neverShown(model: ProductModel, layers: readonly VisualLayer[]): LintFinding[] {
  const shownByPath = new Map<string, boolean>();
  const verdicts = new Map<string, boolean>();
  try {
    for (const layer of layers) {
      if (shownByPath.get(layer.path)) continue;
      let shown = true;
      if (layer.show) {
        const key = JSON.stringify(layer.show);
        const known = verdicts.get(key);
        if (known !== undefined) shown = known;
        else {
          const restricted: ProductModel = {
            ...model,
            constraints: [
              ...model.constraints,
              { kind: 'rule', id: '__layer', rule: '', expr: layer.show, path: layer.path },
            ],
          };
          shown = compile(restricted).root !== FALSE;
          verdicts.set(key, shown);
        }
      }
      shownByPath.set(layer.path, shown);
    }
  } catch (error) {
    if (error instanceof SolverError && error.code === 'COMPILE_LIMIT') return [];
    throw error;
  }
  return [...shownByPath]
    .filter(([, shown]) => !shown)
    .map(([path]) => ({
      severity: 'warning' as const,
      code: 'layer-never-shown',
      path,
      message: `no valid configuration shows this layer: its value is never chosen or its 'when' contradicts the constraints`,
    }));
}
