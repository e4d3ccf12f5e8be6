import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateBytes } from 'gltf-validator';
import { describe, expect, it } from 'vitest';

/**
 * The sample catalogue's 3D desk (public/catalogue/desk.gltf): written by scripts/desk-gltf.mjs,
 * valid glTF 2.0 by Khronos' validator, with the material variants desk.json's `model3d` names.
 */
const root = join(import.meta.dirname, '../..');
const committed = readFileSync(join(root, 'public/catalogue/desk.gltf'));

interface Gltf {
  extensionsUsed?: string[];
  extensions?: { KHR_materials_variants?: { variants: { name: string }[] } };
  accessors: Record<string, unknown>[];
}

const validate = (bytes: Uint8Array) => validateBytes(bytes, { uri: 'desk.gltf', format: 'gltf' });

describe('desk.gltf', () => {
  it('is what the committed script writes', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'madeto-gltf-')), 'desk.gltf');
    execFileSync(process.execPath, [join(root, 'scripts/desk-gltf.mjs'), out]);
    expect(readFileSync(out, 'utf8')).toBe(committed.toString('utf8'));
  });

  it('passes the glTF validator with no error, warning or hint, its buffer embedded', async () => {
    const report = await validate(new Uint8Array(committed));
    expect(report.issues.messages).toEqual([]);
    expect(report.issues.numErrors + report.issues.numWarnings + report.issues.numHints).toBe(0);
    expect(report.info?.resources?.map((r) => r.storage)).toEqual(['data-uri']);
  });

  it('declares KHR_materials_variants with the oak and walnut variants among others', () => {
    const gltf = JSON.parse(committed.toString('utf8')) as Gltf;
    expect(gltf.extensionsUsed).toContain('KHR_materials_variants');
    const names = gltf.extensions?.KHR_materials_variants?.variants.map((v) => v.name);
    expect(names).toEqual(['laminate', 'oak', 'walnut', 'bamboo']);
  });

  it('the validator does fail a broken copy (a position accessor without its bounds)', async () => {
    const gltf = JSON.parse(committed.toString('utf8')) as Gltf;
    delete gltf.accessors[0]!.min;
    const report = await validate(new TextEncoder().encode(JSON.stringify(gltf)));
    expect(report.issues.numErrors).toBeGreaterThan(0);
    expect(report.issues.messages.map((m) => m.code)).toContain(
      'MESH_PRIMITIVE_POSITION_ACCESSOR_WITHOUT_BOUNDS',
    );
  });
});
