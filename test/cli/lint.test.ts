import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { madeto } from './run.ts';
import { visualModel } from '../engine/visuals/fixture.ts';

const fixture = 'test/fixtures/minimal/desk.json';

function tempModel(edit: (m: any) => void): string {
  const model = JSON.parse(readFileSync(fixture, 'utf8'));
  edit(model);
  const file = join(mkdtempSync(join(tmpdir(), 'madeto-lint-')), 'model.json');
  writeFileSync(file, JSON.stringify(model));
  return file;
}

describe('madeto lint', () => {
  it('a valid model: exit 0, JSON report on stdout', () => {
    const r = madeto('lint', fixture);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.models).toEqual(['MINIDESK']);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('the sample catalogue lints clean with its pricing, snapshot and images', () => {
    const dir = 'public/catalogue';
    const r = madeto(
      'lint',
      `${dir}/desk.json`,
      `${dir}/bike.json`,
      `${dir}/sofa.json`,
      '--pricing',
      `${dir}/pricing.json`,
      '--snapshot',
      `${dir}/availability.json`,
      '--images',
      'public',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      models: ['DESK', 'BIKE', 'SOFA'],
      findings: [],
    });
    expect(r.code).toBe(0);
  });

  it('an invalid model: exit 1, each problem with its file and JSON path', () => {
    const file = tempModel((m) => {
      m.constraints[0].rule = "drive = 'dual' -> frame =";
      m.attributes[1].values[0].bom[0].qtyPer = -1;
    });
    const r = madeto('lint', file);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'error',
          code: 'schema',
          file,
          path: '$.attributes[1].values[0].bom[0].qtyPer',
        }),
      ]),
    );
  });

  it('a rule syntax error names the constraint and the column', () => {
    const file = tempModel((m) => (m.constraints[0].rule = "drive = 'dual' -> frame ="));
    const report = JSON.parse(madeto('lint', file).stdout);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        path: '$.constraints[0].rule',
        message: expect.stringContaining(
          "constraint 'dual-needs-steel': syntax error at column 26",
        ),
      }),
    );
  });

  it.each([
    [['lint', 'no/such/model.json'], 1, /no\/such\/model\.json: cannot read the file \(ENOENT\)/],
    [['lint', 'package-lock.json', '--bogus'], 2, /unknown option --bogus/],
    [['lint'], 2, /lint needs at least one model file/],
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
  ])('bad input %j: exit %i, one clear message, no stack trace', (args, code, message) => {
    const r = madeto(...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file that is not JSON is named with the parse problem', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'madeto-lint-')), 'broken.json');
    writeFileSync(file, '{ "id": ');
    const r = madeto('lint', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: not valid JSON`);
  });

  it('--images DIR: a missing layer image is an error naming its path; visuals warnings listed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madeto-lint-img-'));
    const model = visualModel();
    model.attributes[0].values[1].layers.shift(); // alu: no front layer
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
    mkdirSync(join(dir, 'public', 'img'), { recursive: true });
    const all = JSON.stringify(model).match(/\/img\/[a-z-]+\.(?:svg|png|webp|avif)/g)!;
    for (const image of new Set(all))
      if (image !== '/img/lamp.avif') writeFileSync(join(dir, 'public', image), '<svg/>');
    const r = madeto('lint', join(dir, 'model.json'), '--images', join(dir, 'public'));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: any) => [f.severity, f.code, f.path])).toEqual([
      ['error', 'missing-image', '$.attributes[4].layers[0].image'],
      ['warning', 'value-without-layer', '$.attributes[0].values[1]'],
    ]);
    // Without --images nothing is looked up: only the warning.
    const plain = JSON.parse(madeto('lint', join(dir, 'model.json')).stdout);
    expect(plain.findings.map((f: any) => f.code)).toEqual(['value-without-layer']);
    expect(madeto('lint', join(dir, 'model.json'), '--images', join(dir, 'nope')).code).toBe(2);
  });
});
