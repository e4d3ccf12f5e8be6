import type { ConstraintDocument, ModelDocument } from '../model/schema.ts';
import { ImportError } from './ImportError.ts';

/**
 * Imports a CNF formula in DIMACS format (`p cnf V C`, clauses of non-zero literals ending with 0,
 * possibly spanning lines) as a product model document. Each variable N becomes a required
 * `boolean` attribute `xN`, labelled by a `c N name` comment when there is one; each clause becomes
 * a rule constraint `cK` such as `x1 = true or x2 = false`. A line `%` ends the clauses (SATLIB).
 * Unreadable input throws an `ImportError` (code `IMPORT_INVALID`) naming the line.
 *
 * @example
 * const doc = importDimacs('c 1 engine\np cnf 2 1\n1 -2 0\n');
 * doc.constraints[0]?.rule; // 'x1 = true or x2 = false'
 */
export function importDimacs(text: string, options: { name?: string } = {}): ModelDocument {
  const fail = (line: number, detail: string): never => {
    throw new ImportError('dimacs', line, detail);
  };
  const labels = new Map<number, string>();
  let header: { variables: number; clauses: number; line: number } | undefined;
  const clauses: { literals: number[]; line: number }[] = [];
  let current: number[] = [];
  let currentLine = 0;

  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('c')) {
      const named = /^c\s+([0-9]+)\$?\s+(\S.*)$/.exec(line);
      if (named) labels.set(Number(named[1]), named[2]!.trim());
      continue;
    }
    if (line.startsWith('%')) break;
    if (line.startsWith('p')) {
      if (header) fail(lineNo, `a second problem line (the first is on line ${header.line})`);
      const match = /^p\s+cnf\s+([0-9]+)\s+([0-9]+)$/.exec(line);
      if (!match)
        fail(lineNo, `malformed problem line '${line}' (expected 'p cnf <variables> <clauses>')`);
      header = { variables: Number(match![1]), clauses: Number(match![2]), line: lineNo };
      continue;
    }
    if (!header) fail(lineNo, "a clause before the problem line 'p cnf <variables> <clauses>'");
    const { variables } = header!;
    for (const token of line.split(/\s+/)) {
      if (!/^-?[0-9]+$/.test(token)) fail(lineNo, `'${token}' is not an integer literal`);
      const literal = Number(token);
      if (literal === 0) {
        clauses.push({ literals: current, line: currentLine || lineNo });
        current = [];
        currentLine = 0;
        continue;
      }
      if (Math.abs(literal) > variables)
        fail(
          lineNo,
          `literal ${literal}: variable ${Math.abs(literal)} exceeds the ${variables} declared`,
        );
      if (current.length === 0) currentLine = lineNo;
      current.push(literal);
    }
  }
  if (!header) return fail(lines.length, "no problem line 'p cnf <variables> <clauses>'");
  if (current.length > 0) fail(currentLine, 'the last clause does not end with 0');
  if (clauses.length !== header.clauses)
    fail(
      header.line,
      `the problem line declares ${header.clauses} clauses but the file has ${clauses.length}`,
    );
  if (header.variables === 0) fail(header.line, 'the problem line declares no variable');

  const constraints: ConstraintDocument[] = clauses.map((clause, k) => ({
    id: `c${k + 1}`,
    message: `clause ${k + 1} (line ${clause.line})`,
    rule:
      clause.literals.length === 0
        ? 'false'
        : clause.literals.map((l) => `x${Math.abs(l)} = ${l > 0 ? 'true' : 'false'}`).join(' or '),
  }));
  const name = options.name ?? 'DIMACS formula';
  return {
    schemaVersion: 1,
    id: name.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^(?![A-Za-z_])/, 'm_'),
    version: '1',
    name,
    plantId: 'default',
    category: 'imported',
    groups: [{ id: 'variables', label: 'Variables' }],
    modules: [],
    attributes: Array.from({ length: header.variables }, (_, i) => ({
      id: `x${i + 1}`,
      label: labels.get(i + 1) ?? `x${i + 1}`,
      group: 'variables',
      type: 'boolean' as const,
    })),
    constraints,
    bom: [],
    routing: [],
  };
}
