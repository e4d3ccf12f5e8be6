import {
  type Selection,
  type SelectionValue,
  type CompiledModel,
  domains,
  hasValidCompletion,
  seededRandom,
  shuffled,
} from '../../engine/index.ts';
import { CliError } from '../CliError.ts';

/** A click sequence source: the selection after each click, in order. */
export interface Replay {
  /** Where the clicks come from, for the report. */
  source: string;
  selections: Selection[];
  /** Per selection: whether its click chose a value or took one back (absent: all choose). */
  kinds?: ('choose' | 'unchoose')[];
}

/** The selections after each click of `order` (attribute ids) towards `target`. */
function prefixes(
  target: Readonly<Record<string, SelectionValue>>,
  order: readonly string[],
): Selection[] {
  const out: Selection[] = [];
  const selection: Record<string, SelectionValue> = {};
  for (const id of order) {
    selection[id] = target[id]!;
    out.push({ ...selection });
  }
  return out;
}

/**
 * Clicks from a BR4CP sales history (`brut.csv`: a header of attribute ids, a first frequency
 * column, -1 for "not applicable"): rows whose values all exist and that extend to a valid
 * configuration (cells of -1 left open), up to `rows` of them drawn with `seed`, each clicked
 * cell by cell in a random order.
 */
export function salesReplay(
  compiled: CompiledModel,
  csv: string,
  options: { rows?: number; seed?: number } = {},
): Replay & { consistentRows: number; totalRows: number } {
  const lines = csv.trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const first = /^v[0-9]/.test(header[0] ?? '') ? 0 : 1;
  const random = seededRandom(options.seed ?? 1);
  const consistent: Record<string, string>[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map((c) => c.trim());
    const selection: Record<string, string> = {};
    let known = true;
    header.slice(first).forEach((id, j) => {
      const cell = cells[first + j] ?? '';
      if (cell === '-1') return;
      if (!compiled.byId.get(id)?.keys.includes(cell)) known = false;
      selection[id] = cell;
    });
    if (known && hasValidCompletion(compiled, selection)) consistent.push(selection);
  }
  const picked = shuffled(consistent, random).slice(0, options.rows ?? 200);
  const selections: Selection[] = [];
  const kinds: ('choose' | 'unchoose')[] = [];
  for (const row of picked) {
    // Each row is clicked cell by cell, then taken back cell by cell in another random order.
    const chosen = prefixes(row, shuffled(Object.keys(row), random));
    selections.push(...chosen);
    kinds.push(...chosen.map(() => 'choose' as const));
    const left: Record<string, SelectionValue> = { ...row };
    for (const id of shuffled(Object.keys(row), random).slice(0, -1)) {
      delete left[id];
      selections.push({ ...left });
      kinds.push('unchoose');
    }
  }
  return {
    source: `${picked.length} of ${consistent.length} consistent sold rows (of ${lines.length - 1}), chosen then un-chosen`,
    selections,
    kinds,
    consistentRows: consistent.length,
    totalRows: lines.length - 1,
  };
}

/** Clicks from a JSON-lines file: one selection object a line, clicked in its key order. */
export function jsonlReplay(text: string, file: string): Replay {
  const selections: Selection[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new CliError(`${file}:${i + 1}: not valid JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new CliError(`${file}:${i + 1}: expected a selection object such as {"frame":"steel"}`);
    const target = parsed as Record<string, SelectionValue>;
    selections.push(...prefixes(target, Object.keys(target)));
  });
  return { source: `${file}: ${selections.length} clicks`, selections };
}

/**
 * Seeded random buyers: each walks the attributes in a random order and clicks a random
 * `available` value of each, up to `clicks` clicks — never a dead end, by the engine's promise.
 */
export function randomReplay(
  compiled: CompiledModel,
  options: { walks?: number; clicks?: number; seed?: number } = {},
): Replay {
  const random = seededRandom(options.seed ?? 7);
  const walks = options.walks ?? 5;
  const selections: Selection[] = [];
  for (let w = 0; w < walks; w++) {
    const selection: Record<string, SelectionValue> = {};
    const order = shuffled(compiled.attributes, random).slice(0, options.clicks ?? 40);
    for (const attr of order) {
      if (attr.type === 'multi') continue;
      const states = domains(compiled, selection)[attr.id] ?? {};
      const open = Object.keys(states).filter((k) => states[k] === 'available');
      const key = open[Math.floor(random() * open.length)];
      if (key === undefined) continue;
      selection[attr.id] = attr.values[attr.keys.indexOf(key)]!;
      selections.push({ ...selection });
    }
  }
  return { source: `${walks} seeded random walks, ${selections.length} clicks`, selections };
}
