/**
 * Rows as CSV (RFC 4180, CRLF, a header line): fields with a comma, quote or line break are
 * quoted; a text starting with `=`, `+`, `-` or `@` gets a leading `'` so a spreadsheet does not
 * run it as a formula (numbers are written as they are).
 *
 * @example
 * toCsv([{ item: 'RED', total: 2 }], ['item', 'total']) // 'item,total\r\nRED,2\r\n'
 */
export function toCsv<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): string {
  const field = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    let s =
      typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : JSON.stringify(v);
    if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))]
    .map((l) => `${l}\r\n`)
    .join('');
}
