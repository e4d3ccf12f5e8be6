import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const script = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(dir, 'scripts/module-stories.mjs'), ...args], {
    encoding: 'utf8',
  });

/** A copy of the script, the catalogue and the stories to change without touching the tree. */
const copy = mkdtempSync(join(tmpdir(), 'madeto-module-stories-'));
for (const dir of ['scripts', 'public/catalogue', 'stories'])
  cpSync(join(root, dir), join(copy, dir), { recursive: true });
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the generated module stories', () => {
  it('are up to date with the catalogue (one story per attribute that draws layers)', () => {
    const result = script(root, '--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const sofa = readFileSync(join(root, 'stories/SofaModules.stories.tsx'), 'utf8');
    expect(sofa).toContain("export const SeatType = moduleStory(product, 'seatType');");
    expect(sofa).not.toContain("'firmness'"); // no layers of its own
  });

  it('the check names a stories file that a new module leaves behind; writing fixes it', () => {
    const file = join(copy, 'public/catalogue/sofa.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      attributes: { id: string; layers?: unknown[] }[];
    };
    doc.attributes.find((a) => a.id === 'stainGuard')!.layers = [
      {
        view: 'front',
        image: '/catalogue/img/sofa/throw.svg',
        z: 1,
        x: 0,
        y: 0,
        width: 10,
        height: 10,
      },
    ];
    writeFileSync(file, JSON.stringify(doc));
    const stale = script(copy, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('stories/SofaModules.stories.tsx');
    expect(script(copy).status).toBe(0);
    expect(readFileSync(join(copy, 'stories/SofaModules.stories.tsx'), 'utf8')).toContain(
      "export const StainGuard = moduleStory(product, 'stainGuard');",
    );
    expect(script(copy, '--check').status).toBe(0);
  });
});
