/**
 * One seeded random click of a walk over a boolean model: a variable not chosen yet, set to one
 * of its still available values. `domains` is a `domains` answer (id → value key → state).
 *
 * @example
 * selection = { ...selection, ...randomBooleanClick(domains(diagram, selection), selection, random) };
 */
export function randomBooleanClick(
  domains: Readonly<Record<string, Readonly<Record<string, string>>>>,
  selection: Readonly<Record<string, unknown>>,
  random: () => number,
): Record<string, boolean> {
  const open = Object.entries(domains).flatMap(([id, values]) =>
    id in selection
      ? []
      : Object.entries(values).flatMap(([key, state]) =>
          state === 'available' ? [[id, key === 'true'] as const] : [],
        ),
  );
  const [id, value] = open[Math.floor(random() * open.length)]!;
  return { [id]: value };
}
