import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { madeto } from '../cli/run.ts';
import { mutate, mutations, RUNS } from './mutate.ts';

// Issue 16: mutated catalogue files through the real CLI: exit 0, or exit 1 with a message naming
// the file and a JSON path; never an internal error. Each run spawns the compiled CLI, so a few.

const dir = new URL('../../public/catalogue/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'madeto-cli-property-'));

describe('properties: madeto lint on mutated files', () => {
  it('exits 0, or 1 naming a JSON path, never with an internal error', () => {
    const files = ['desk.json', 'pricing.json', 'availability.json'] as const;
    const docs = files.map(read);
    let n = 0;
    fc.assert(
      fc.property(fc.nat(2), mutations, (which, ms) => {
        const file = join(tmp, `mutated-${n++}.json`);
        writeFileSync(file, JSON.stringify(mutate(docs[which], ms)));
        const args = [
          which === 0 ? file : 'public/catalogue/desk.json',
          ...['--pricing', which === 1 ? file : 'public/catalogue/pricing.json'],
          ...['--snapshot', which === 2 ? file : 'public/catalogue/availability.json'],
        ];
        const r = madeto('lint', ...args);
        expect(r.stderr).not.toContain('internal error');
        expect([0, 1]).toContain(r.code);
        if (r.code === 1) expect(`${r.stdout}${r.stderr}`).toMatch(/\$/);
      }),
      { ...RUNS, numRuns: 8 },
    );
  });
});
