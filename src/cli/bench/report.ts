import type { BenchFigure } from './suites.ts';

const show = (x: number | string | undefined): string => (x === undefined ? '' : String(x));

/**
 * The figures as a plain-text table (figure, value or median / p95, runs, target, ok) followed by
 * one JSON line per figure, prefixed `BENCH ` so scripts can pick them out.
 *
 * @example
 * formatReport([{ name: 'renault small: compile', unit: 'ms', value: 80 }]);
 */
export function formatReport(figures: readonly BenchFigure[]): string {
  const rows = figures.map((f) => [
    f.name,
    f.median === undefined ? `${show(f.value)} ${f.unit}`.trim() : `${f.median} ${f.unit}`,
    f.p95 === undefined ? '' : `${f.p95} ${f.unit}`,
    show(f.runs),
    show(f.target),
    f.meets === undefined ? '' : f.meets ? 'yes' : 'NO',
    show(f.note),
  ]);
  const head = ['figure', 'value / median', 'p95', 'runs', 'target', 'met', 'note'];
  const widths = head.map((h, c) =>
    Math.min(c === 6 ? 200 : 60, Math.max(h.length, ...rows.map((r) => r[c]!.length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    ...figures.map((f) => `BENCH ${JSON.stringify(f)}`),
  ].join('\n');
}
