import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import { count } from '../../src/engine/solver/count.ts';
import { deserializeCompiled } from '../../src/engine/solver/serialize.ts';
import { validate } from '../../src/engine/solver/validate.ts';
import { enumerateValid, fixture } from '../engine/solver/bruteForce.ts';
import { madeto } from './run.ts';

const DESK = 'test/fixtures/models/desk.json';
const desk = fixture('desk');
const valid = enumerateValid(desk);

describe('madeto count', () => {
  const cases: { args: string[]; expected: number }[] = [
    { args: [], expected: valid.length },
    {
      args: ['--select', 'frame=steel'],
      expected: valid.filter((c) => c.get('frame') === 'steel').length,
    },
    {
      args: [
        '--select',
        'accessories=rack,hook',
        '--select',
        'width=1400',
        '--select',
        'motor=false',
      ],
      expected: valid.filter(
        (c) =>
          JSON.stringify(c.get('accessories')) === '["rack","hook"]' &&
          c.get('width') === 1400 &&
          c.get('motor') === false,
      ).length,
    },
  ];
  it.each(cases)('count $args', ({ args, expected }) => {
    const r = madeto('count', DESK, ...args);
    expect(r.stderr).toBe('answered by the decision diagram\n');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(String(expected));
  });
});

describe('madeto selection errors', () => {
  const cases: { args: string[]; code: number; message: RegExp }[] = [
    {
      args: ['count', DESK, '--select', 'frme=steel'],
      code: 1,
      message: /unknown attribute 'frme' \(attributes: frame, top/,
    },
    {
      args: ['count', DESK, '--select', 'frame=gold'],
      code: 1,
      message: /unknown value 'gold' for attribute 'frame' \(values: steel, aluminium, wood\)/,
    },
    {
      args: ['domains', DESK, '--select', 'width=1250'],
      code: 1,
      message: /unknown value '1250' for attribute 'width' \(values: 1000\.\.1400 by 100\)/,
    },
    { args: ['count', DESK, '--select', 'motor=yes'], code: 1, message: /values: true, false/ },
    { args: ['count', DESK, '--select', 'frame'], code: 2, message: /attribute=value/ },
    { args: ['explain', DESK], code: 2, message: /--why/ },
    {
      args: ['complete', DESK, '--objective', 'cheapest'],
      code: 2,
      message: /cheapest needs a price book/,
    },
    {
      args: ['complete', DESK, '--objective', 'fastest'],
      code: 2,
      message: /fastest needs an availability snapshot/,
    },
    {
      args: ['complete', DESK, '--select', 'frame=wood', '--select', 'top=glass'],
      code: 1,
      message: /UNSATISFIABLE/,
    },
    { args: ['count'], code: 2, message: /missing the model file/ },
  ];
  it.each(cases)('$args → exit $code', ({ args, code, message }) => {
    const r = madeto(...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('madeto domains, explain, complete, compile', () => {
  it('domains prints every value state as JSON', () => {
    const r = madeto('domains', DESK, '--select', 'frame=wood');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Record<string, Record<string, string>>;
    expect(d.frame).toEqual({ steel: 'available', aluminium: 'available', wood: 'selected' });
    expect(d.top!.glass).toBe('conflict');
    expect(d.width!['1000']).toBe('impossible');
    expect(d.note).toBeUndefined();
  });

  it('explain prints the minimal reason', () => {
    const r = madeto('explain', DESK, '--select', 'frame=wood', '--why', 'top=glass');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      attribute: 'top',
      value: 'glass',
      constraints: [{ id: 'glass-not-wood', message: 'Glass tops do not go on wood.' }],
      selections: ['frame'],
    });
  });

  it('complete prints a valid configuration that keeps the selection', () => {
    const r = madeto('complete', DESK, '--select', 'frame=aluminium', '--select', 'note=Hi');
    expect(r.code).toBe(0);
    const selection = JSON.parse(r.stdout) as Record<string, never>;
    expect(selection.frame).toBe('aluminium');
    expect(selection.note).toBe('Hi');
    expect(validate(desk, selection)).toEqual([]);
  });

  it('compile writes a file that loads back', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'madeto-')), 'desk.compiled.json');
    const r = madeto('compile', DESK, '-o', out);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: 'SOLVERDESK', file: out });
    const model = parseModel(JSON.parse(readFileSync(DESK, 'utf8')));
    const loaded = deserializeCompiled(JSON.parse(readFileSync(out, 'utf8')), model);
    expect(count(loaded)).toBe(BigInt(valid.length));
  });

  it('lint adds the semantic findings', () => {
    const ok = madeto('lint', 'test/fixtures/models/lintme.json');
    expect(ok.code).toBe(0);
    const codes = (JSON.parse(ok.stdout) as { findings: { code: string }[] }).findings.map(
      (f) => f.code,
    );
    expect(codes).toEqual(['dead-value', 'dead-value', 'forced-value', 'never-relevant']);
    const bad = madeto('lint', 'test/fixtures/models/unsat.json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      findings: [{ severity: 'error', code: 'unsatisfiable' }],
    });
  });
});

describe('compiled files in the query commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'madeto-compiled-'));
  const compiledFile = join(dir, 'desk.compiled.json');
  madeto('compile', DESK, '-o', compiledFile);
  const binaryFile = join(dir, 'desk.compiled.bin.gz');
  madeto('compile', DESK, '-o', binaryFile);

  it.each([
    ['domains', '--select', 'frame=wood'],
    ['count', '--select', 'frame=steel'],
    ['explain', '--select', 'frame=wood', '--why', 'top=glass'],
    ['complete', '--select', 'frame=aluminium'],
  ])('%s answers from the compiled file as from the model', (command, ...rest) => {
    const fromModel = madeto(command, DESK, ...rest);
    const fromCompiled = madeto(command, compiledFile, ...rest);
    expect(fromCompiled.stderr).toBe('answered by the decision diagram\n');
    expect(fromCompiled.code).toBe(0);
    expect(fromCompiled.stdout).toBe(fromModel.stdout);
    const fromBinary = madeto(command, binaryFile, ...rest);
    expect(fromBinary.code).toBe(0);
    expect(fromBinary.stdout).toBe(fromModel.stdout);
  });

  it('the binary form is gzipped bytes, not JSON, and smaller', () => {
    const bytes = readFileSync(binaryFile);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(bytes.length).toBeLessThan(readFileSync(compiledFile).length);
  });

  it('rejects a compiled file made from other content under the same version', () => {
    const document = JSON.parse(readFileSync(DESK, 'utf8')) as Record<string, unknown>;
    const edited = join(dir, 'desk-edited.json');
    writeFileSync(
      edited,
      JSON.stringify({ ...document, name: `${String(document.name)} (edited)` }),
    );
    for (const file of [compiledFile, binaryFile]) {
      const r = madeto('domains', file, '--model', edited);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/BAD_COMPILED: .*compiled from other content of SOLVERDESK@/);
    }
  });

  it.each([
    ['domains', '--select', 'frame=wood'],
    ['explain', '--select', 'frame=wood', '--why', 'top=glass'],
    ['complete', '--select', 'frame=aluminium'],
    ['count', '--select', 'frame=steel', '--select', 'motor=false', '--select', 'top=oak'],
  ])('%s past --max-nodes: the SAT fallback answers the same, and says so', (command, ...rest) => {
    const fromDiagram = madeto(command, DESK, ...rest);
    const fromSat = madeto(command, DESK, ...rest, '--max-nodes', '3');
    expect(fromSat.stderr).toMatch(/^answered by the SAT fallback/);
    expect(fromSat.code).toBe(0);
    expect(fromSat.stdout).toBe(fromDiagram.stdout);
  });

  it('rejects a compiled file made for another model version, naming both', () => {
    const document = JSON.parse(readFileSync(DESK, 'utf8')) as Record<string, unknown>;
    const other = join(dir, 'desk-v9.json');
    writeFileSync(other, JSON.stringify({ ...document, version: '9' }));
    const r = madeto('domains', compiledFile, '--model', other);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/BAD_COMPILED: .*compiled for SOLVERDESK@\S+, not SOLVERDESK@9/);
  });

  it('asks for --model when an older compiled file has no model inside', () => {
    const stored = JSON.parse(readFileSync(compiledFile, 'utf8')) as Record<string, unknown>;
    const old = join(dir, 'old.compiled.json');
    writeFileSync(old, JSON.stringify({ ...stored, version: 1, document: undefined }));
    const missing = madeto('count', old);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no model inside .*--model <model.json>/);
    const given = madeto('count', old, '--model', DESK);
    expect(given.stdout.trim()).toBe(String(valid.length));
  });

  it('rejects a compiled file of an unknown version clearly', () => {
    const stored = JSON.parse(readFileSync(compiledFile, 'utf8')) as Record<string, unknown>;
    const future = join(dir, 'future.compiled.json');
    writeFileSync(future, JSON.stringify({ ...stored, version: 99 }));
    const r = madeto('count', future);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/version 99 is not supported .*compile the model again/);
  });
});
