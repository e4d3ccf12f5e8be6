import type { Selection, SelectionValue } from '../../engine/model/types.ts';
import type { CompiledModel } from '../../engine/solver/compile.ts';
import { count } from '../../engine/solver/count.ts';
import { domains } from '../../engine/solver/domains.ts';

/** How "Complete for me" chooses: model defaults, the lowest price delta, the shortest lead time. */
export type CompletionObjective = 'defaults' | 'cheapest' | 'fastest';

/** Per attribute and value key, a cost to minimise (a price delta, extra days); lower is better. */
export type ValueCosts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Finishes a partial selection, attribute by attribute in model order: an unassigned attribute
 * takes its default when that is available, else the available value of least cost (`costs`,
 * for cheapest/fastest), else the first available one. Exact: every step keeps the selection
 * extendable, so the result is valid. Optional attributes without a default stay unassigned.
 */
export function completeSelection(
  compiled: CompiledModel,
  selection: Selection,
  objective: CompletionObjective,
  costs: ValueCosts = {},
): Selection {
  const next: Record<string, SelectionValue> = { ...selection };
  for (const attr of compiled.attributes) {
    if (attr.id in next) continue;
    const model = compiled.model.attributes[attr.modelIndex]!;
    const states = domains(compiled, next)[attr.id] ?? {};
    const def = model.default === undefined ? undefined : String(model.default);
    const cost = (key: string) => costs[attr.id]?.[key] ?? 0;
    const available = attr.keys.filter((k) => states[k] === 'available');
    // Cheapest/fastest: least cost first; ties keep the default, then model order.
    const ranked =
      objective === 'defaults'
        ? available
        : [...available].sort((a, b) => cost(a) - cost(b) || Number(b === def) - Number(a === def));
    if (attr.type === 'multi') {
      const tries = [model.type === 'multi' && model.default ? model.default : [], []];
      let chosen = tries.find((t) => count(compiled, { ...next, [attr.id]: t }) > 0n);
      if (!chosen) {
        const picked: string[] = [];
        for (const key of ranked) {
          picked.push(key);
          if (count(compiled, { ...next, [attr.id]: picked }) > 0n) break;
        }
        chosen = attr.keys.filter((k) => picked.includes(k));
      }
      next[attr.id] = chosen;
      continue;
    }
    if (def === undefined && model.required === false) continue;
    const key =
      objective === 'defaults' && def !== undefined && available.includes(def) ? def : ranked[0];
    if (key === undefined) continue;
    next[attr.id] = attr.values[attr.keys.indexOf(key)]!;
  }
  return next;
}
