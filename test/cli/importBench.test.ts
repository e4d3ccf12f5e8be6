import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import { madeto } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'madeto-import-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const cnf = write('tiny.dimacs', 'c 1 engine\np cnf 2 1\n1 -2 0\n');
const xml = write(
  'tiny.xml',
  '<instance>\n<domains><domain name="D">0..2</domain></domains>\n<variables><variable name="a" domain="D"/><variable name="b" domain="D"/></variables>\n<relations><relation name="R" arity="2" semantics="conflicts">0 0|1 1</relation></relations>\n<constraints><constraint name="C" scope="a b" reference="R"/></constraints>\n</instance>\n',
);

describe('madeto import', () => {
  it.each([
    [cnf, 'dimacs', 2, 1],
    [xml, 'xcsp', 2, 1],
  ])('%s --format %s prints a valid model', (file, format, attributes, constraints) => {
    const r = madeto('import', file, '--format', format);
    expect(r.code).toBe(0);
    const model = parseModel(JSON.parse(r.stdout));
    expect([model.attributes.length, model.constraints.length]).toEqual([attributes, constraints]);
  });

  it('writes -o and takes the format from the extension', () => {
    const out = join(dir, 'out.json');
    const r = madeto('import', cnf, '-o', out);
    expect(r.code).toBe(0);
    expect(parseModel(JSON.parse(readFileSync(out, 'utf8'))).attributes[0]?.label).toBe('engine');
  });

  it.each([
    [
      ['import', write('bad.dimacs', 'p cnf 2 1\n1 3 0\n')],
      1,
      /bad\.dimacs: DIMACS line 2: literal 3/,
    ],
    [['import', cnf, '--format', 'csv'], 2, /--format must be xcsp or dimacs/],
    [['import'], 2, /expected one file/],
    [['import', join(dir, 'missing.xml')], 1, /cannot read the file/],
  ])('madeto %j exits %i with a clear message', (args, code, message) => {
    const r = madeto(...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

describe('madeto bench <model>', () => {
  it('prints compile, count, per-click and peer figures as a table and JSON lines', () => {
    const r = madeto('bench', xml);
    expect(r.code).toBe(0);
    const figures = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('BENCH '))
      .map(
        (l) =>
          JSON.parse(l.slice(6)) as { name: string; unit?: string; value?: unknown; runs?: number },
      );
    const byName = (suffix: string) => figures.find((f) => f.name.endsWith(suffix));
    expect(byName(': count')?.value).toBe('7'); // 3 × 3 minus the conflicts (0,0) and (1,1)
    expect(byName(': domains per click (choose)')?.runs).toBeGreaterThan(0);
    expect(byName(': peak memory')?.unit).toBe('MB');
    expect(byName('per click')).toBeDefined();
    expect(byName(': engine speed-up over the peer')).toBeDefined();
    expect(r.stdout).toMatch(/^figure\s+value \/ median/);
  });

  it('takes --reorder (a model the static orders compile is compiled by them: same count)', () => {
    const r = madeto('bench', cnf, '--reorder');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /BENCH \{"name":"tiny\.dimacs: count","unit":"configurations","value":"3"/,
    );
  });
});
