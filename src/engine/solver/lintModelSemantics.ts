import type { LintFinding } from '../lintFinding.ts';
import type { CompiledModel } from './compile.ts';
import type { SolverAttribute } from './encoding.ts';
import { FALSE } from './mdd.ts';

/** The JSON path of an attribute in the model document (module instances: their template). */
function attributePath(compiled: CompiledModel, attr: SolverAttribute): string {
  const parsed = compiled.model.attributes[attr.modelIndex]!;
  const docId = parsed.instanceOf?.attribute ?? attr.id;
  const i = compiled.model.document?.attributes?.findIndex((a) => a.id === docId) ?? -1;
  return i >= 0 ? `$.attributes[${i}]` : `$.attributes[?(@.id=='${attr.id}')]`;
}

/**
 * Semantic findings of `madeto lint` from the compiled model: an unsatisfiable model (`error`,
 * code `unsatisfiable`), and as warnings: attributes never relevant (`never-relevant`), values in
 * no valid configuration (`dead-value`), and values every valid configuration has (`forced-value`:
 * the only possible value of an attribute that is always set, or a multi value always chosen).
 *
 * @example
 * lintModelSemantics(compile(model));
 * // [{ severity: 'warning', code: 'dead-value', path: '$.attributes[0].values[2]', message: "…" }]
 */
export function lintModelSemantics(compiled: CompiledModel): LintFinding[] {
  if (compiled.root === FALSE)
    return [
      {
        severity: 'error',
        code: 'unsatisfiable',
        path: '$.constraints',
        message: `model '${compiled.model.id}' has no valid configuration: its constraints contradict each other`,
      },
    ];
  const findings: LintFinding[] = [];
  for (const attr of compiled.attributes) {
    const path = attributePath(compiled, attr);
    const valuePath = (i: number) =>
      attr.type === 'choice' || attr.type === 'multi' ? `${path}.values[${i}]` : path;
    if (attr.type === 'multi') {
      attr.levels.forEach((level, i) => {
        const [outOk, inOk] = compiled.baseSupport[level]!;
        if (inOk !== 1)
          findings.push(
            warning(
              'dead-value',
              valuePath(i),
              `value '${attr.keys[i]}' of '${attr.id}' is in no valid configuration`,
            ),
          );
        else if (outOk !== 1)
          findings.push(
            warning(
              'forced-value',
              valuePath(i),
              `value '${attr.keys[i]}' of '${attr.id}' is chosen in every valid configuration`,
            ),
          );
      });
      continue;
    }
    const support = compiled.baseSupport[attr.levels[0]!]!;
    const possible = attr.keys.map((_, i) => support[i] === 1);
    const noneOk = attr.hasNone && support[attr.values.length] === 1;
    if (!possible.some(Boolean)) {
      findings.push(
        warning(
          'never-relevant',
          path,
          `attribute '${attr.id}' never applies: no valid configuration sets it`,
        ),
      );
      continue;
    }
    possible.forEach((ok, i) => {
      if (!ok)
        findings.push(
          warning(
            'dead-value',
            valuePath(i),
            `value '${attr.keys[i]}' of '${attr.id}' is in no valid configuration`,
          ),
        );
    });
    const only = possible.filter(Boolean).length === 1 ? possible.indexOf(true) : -1;
    if (only >= 0 && !noneOk && attr.keys.length > 1)
      findings.push(
        warning(
          'forced-value',
          valuePath(only),
          `'${attr.id}' is '${attr.keys[only]}' in every valid configuration (its other values are dead)`,
        ),
      );
  }
  return findings;
}

function warning(code: string, path: string, message: string): LintFinding {
  return { severity: 'warning', code, path, message };
}
