import { Temporal } from 'temporal-polyfill';
import type { AvailabilityPatch } from '../server/availability/feedPatch.ts';

/** One problem of a CSV file: the file, the row (the header is row 1) and the column. */
export interface CsvIssue {
  file: string;
  row: number;
  column: string;
  message: string;
}

/** The columns of `stock.csv` (required first) and `pos.csv`. */
export const STOCK_COLUMNS = ['item', 'onHand', 'reserved', 'safetyStock'] as const;
export const PO_COLUMNS = ['id', 'item', 'qty', 'expected', 'supplierId', 'received'] as const;
const REQUIRED: Record<string, readonly string[]> = {
  stock: ['item', 'onHand'],
  pos: ['id', 'item', 'qty', 'expected'],
};

/**
 * Splits CSV text (RFC 4180: commas, double-quoted fields with `""` inside, LF or CRLF; a UTF-8
 * byte-order mark is ignored) into rows of fields. An unterminated quote is an issue at its row.
 *
 * @example
 * parseCsv('item,onHand\n"TOP, oak",3\n', 'stock.csv').rows // [['item', 'onHand'], ['TOP, oak', '3']]
 */
export function parseCsv(text: string, file: string): { rows: string[][]; issues: CsvIssue[] } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
      rowStart = line;
    } else field += c;
  }
  if (quoted)
    return {
      rows,
      issues: [{ file, row: rowStart, column: '-', message: 'a quoted field is never closed' }],
    };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines (a trailing newline, a spreadsheet's empty rows) carry nothing.
  return { rows: rows.filter((r) => r.some((f) => f.trim() !== '')), issues: [] };
}

type Cells = Record<string, string>;

/** The header's columns checked, then each data row as cells by column name (with its row number). */
function table(
  text: string,
  file: string,
  kind: 'stock' | 'pos',
  columns: readonly string[],
  issues: CsvIssue[],
): { row: number; cells: Cells }[] {
  const parsed = parseCsv(text, file);
  issues.push(...parsed.issues);
  const [header, ...body] = parsed.rows;
  if (!header) {
    issues.push({
      file,
      row: 1,
      column: '-',
      message: `the file is empty: it needs a header row (${columns.join(',')})`,
    });
    return [];
  }
  const names = header.map((h) => h.trim());
  names.forEach((n, i) => {
    if (!columns.includes(n))
      issues.push({
        file,
        row: 1,
        column: n || `#${i + 1}`,
        message: `unknown column (columns: ${columns.join(', ')})`,
      });
    else if (names.indexOf(n) !== i)
      issues.push({ file, row: 1, column: n, message: 'the column is named twice' });
  });
  for (const r of REQUIRED[kind]!)
    if (!names.includes(r))
      issues.push({ file, row: 1, column: r, message: 'a required column is missing' });
  return body.map((fields, k) => {
    const row = k + 2;
    if (fields.length > names.length)
      issues.push({
        file,
        row,
        column: `#${names.length + 1}`,
        message: `the row has ${fields.length} fields; the header has ${names.length}`,
      });
    const cells: Cells = {};
    // A column named twice: its first occurrence counts (the second is reported above).
    names.forEach((n, i) => {
      if (!(n in cells)) cells[n] = (fields[i] ?? '').trim();
    });
    return { row, cells };
  });
}

const quantity = (
  cells: Cells,
  column: string,
  at: Omit<CsvIssue, 'column' | 'message'>,
  issues: CsvIssue[],
  required: boolean,
): number | undefined => {
  const text = cells[column] ?? '';
  if (text === '') {
    if (required) issues.push({ ...at, column, message: 'a value is required' });
    return undefined;
  }
  // A decimal point, never a thousands separator: "1,000" or "1.000,5" are refused.
  if (!/^\d+(\.\d+)?$/.test(text)) {
    issues.push({
      ...at,
      column,
      message: `'${text}' is not a quantity ≥ 0 (digits, a decimal point)`,
    });
    return undefined;
  }
  return Number(text);
};

const isRealDate = (d: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  try {
    Temporal.PlainDate.from(d, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
};

/**
 * Reads `stock.csv` (columns `item,onHand[,reserved][,safetyStock]`) and `pos.csv` (columns
 * `id,item,qty,expected[,supplierId][,received]`; `expected` a date `YYYY-MM-DD`, `received`
 * `true`/`false`/empty) into an availability patch: stock levels set, POs added or changed, POs
 * marked `received: true` received. Every problem is an issue naming the file, row (the header is
 * row 1) and column; an item or PO id twice in one file is one.
 *
 * @example
 * availabilityCsv({ file: 'stock.csv', text: 'item,onHand\nTOP-OAK,3\n' }, { file: 'pos.csv', text: 'id,item,qty,expected\n' })
 * // { patch: { stock: { 'TOP-OAK': { onHand: 3 } }, inbound: { upsert: [], received: [] } }, issues: [] }
 */
export function availabilityCsv(
  stock: { file: string; text: string },
  pos: { file: string; text: string },
): { patch: AvailabilityPatch; issues: CsvIssue[] } {
  const issues: CsvIssue[] = [];
  const levels: NonNullable<AvailabilityPatch['stock']> = {};
  const seenItem = new Map<string, number>();
  for (const { row, cells } of table(stock.text, stock.file, 'stock', STOCK_COLUMNS, issues)) {
    const at = { file: stock.file, row };
    const item = cells['item'] ?? '';
    if (item === '') issues.push({ ...at, column: 'item', message: 'a value is required' });
    else if (seenItem.has(item))
      issues.push({
        ...at,
        column: 'item',
        message: `item '${item}' is also in row ${seenItem.get(item)}`,
      });
    const onHand = quantity(cells, 'onHand', at, issues, true);
    const reserved = quantity(cells, 'reserved', at, issues, false);
    const safetyStock = quantity(cells, 'safetyStock', at, issues, false);
    if (item === '' || seenItem.has(item) || onHand === undefined) continue;
    seenItem.set(item, row);
    levels[item] = {
      onHand,
      ...(reserved !== undefined && { reserved }),
      ...(safetyStock !== undefined && { safetyStock }),
    };
  }
  const upsert: NonNullable<NonNullable<AvailabilityPatch['inbound']>['upsert']> = [];
  const received: string[] = [];
  const seenPo = new Map<string, number>();
  for (const { row, cells } of table(pos.text, pos.file, 'pos', PO_COLUMNS, issues)) {
    const at = { file: pos.file, row };
    const id = cells['id'] ?? '';
    const item = cells['item'] ?? '';
    const expected = cells['expected'] ?? '';
    if (id === '') issues.push({ ...at, column: 'id', message: 'a value is required' });
    else if (seenPo.has(id))
      issues.push({
        ...at,
        column: 'id',
        message: `purchase order '${id}' is also in row ${seenPo.get(id)}`,
      });
    if (item === '') issues.push({ ...at, column: 'item', message: 'a value is required' });
    const qty = quantity(cells, 'qty', at, issues, true);
    if (!isRealDate(expected))
      issues.push({
        ...at,
        column: 'expected',
        message: expected === '' ? 'a value is required' : `'${expected}' is not a date YYYY-MM-DD`,
      });
    const flag = (cells['received'] ?? '').toLowerCase();
    if (!['', 'true', 'false'].includes(flag))
      issues.push({
        ...at,
        column: 'received',
        message: `'${cells['received']}' is not true, false or empty`,
      });
    if (id === '' || seenPo.has(id) || item === '' || qty === undefined || !isRealDate(expected))
      continue;
    seenPo.set(id, row);
    const supplierId = cells['supplierId'] ?? '';
    upsert.push({ id, item, qty, expected, ...(supplierId !== '' && { supplierId }) });
    if (flag === 'true') received.push(id);
  }
  return { patch: { stock: levels, inbound: { upsert, received } }, issues };
}
