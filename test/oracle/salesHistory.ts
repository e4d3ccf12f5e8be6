import type { Selection } from '../../src/engine/model/types.ts';
import type { Restriction } from './backtrack.ts';
import type { FiniteCsp } from './finiteCsp.ts';

/** One sold configuration of a BR4CP sales history: attribute id → integer cell ('-1': none). */
export interface SoldRow {
  /** 1-based line in the CSV file. */
  line: number;
  cells: [attribute: string, value: string][];
}

/**
 * Reads a BR4CP sales history (`brut.csv`: a header of variable names, an optional first column
 * with the frequency, one configuration per row, -1 for "not applicable").
 */
export function readSalesHistory(text: string): SoldRow[] {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.trim());
  // The frequency column is `vfreq` (small) or `nombre` (medium); set0_exemples.csv has none.
  const first = /^v[0-9]/.test(header[0] ?? '') ? 0 : 1;
  return lines.slice(1).map((line, k) => {
    const cells = line.split(',').map((c) => c.trim());
    return {
      line: k + 2,
      cells: header.slice(first).map((h, j) => [h, cells[first + j] ?? ''] as [string, string]),
    };
  });
}

/**
 * The oracle restriction of a row. `exact`: every cell fixes its attribute, -1 meaning "not
 * assigned" (the reading that gives the known 564 / 4,684 consistent rows); `free`: -1 cells are
 * left open, which is what a selection can say. Undefined when a cell is outside its domain.
 */
export function rowRestriction(
  csp: FiniteCsp,
  row: SoldRow,
  mode: 'exact' | 'free',
): Restriction | undefined {
  const out: (number[] | undefined)[] = [];
  for (const [id, cell] of row.cells) {
    const v = csp.attributes.indexOf(id);
    if (v < 0) return undefined;
    if (cell === '-1' && mode === 'free') continue;
    const i = csp.domains[v]!.indexOf(cell === '-1' ? null : cell);
    if (i < 0) return undefined;
    out[v] = [i];
  }
  return out;
}

/** The selection of a row: its cells other than -1 (which stay unassigned). */
export function rowSelection(row: SoldRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, cell] of row.cells) if (cell !== '-1') out[id] = cell;
  return out;
}

/** A complete configuration from an oracle solution (attributes left "none" are omitted). */
export function solutionSelection(csp: FiniteCsp, solution: readonly number[]): Selection {
  const out: Record<string, string | boolean> = {};
  csp.attributes.forEach((id, v) => {
    const key = csp.domains[v]![solution[v]!];
    if (key === null || key === undefined) return;
    out[id] = csp.booleans[v] ? key === 'true' : key;
  });
  return out;
}

/** The oracle restriction of a selection (choice ids or booleans); throws on an unknown value. */
export function selectionRestriction(csp: FiniteCsp, selection: Selection): Restriction {
  const out: (number[] | undefined)[] = [];
  for (const [id, value] of Object.entries(selection)) {
    const v = csp.attributes.indexOf(id);
    const i = v < 0 ? -1 : csp.domains[v]!.indexOf(String(value));
    if (i < 0) throw new Error(`oracle: unknown selection ${id}=${String(value)}`);
    out[v] = [i];
  }
  return out;
}
