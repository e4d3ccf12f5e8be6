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
const committedGlb = readFileSync(join(root, 'public/catalogue/desk.glb'));

interface Gltf {
  extensionsUsed?: string[];
  extensions?: { KHR_materials_variants?: { variants: { name: string }[] } };
  accessors: Record<string, unknown>[];
}

const validate = (bytes: Uint8Array) => validateBytes(bytes, { uri: 'desk.gltf', format: 'gltf' });

describe('desk.gltf', () => {
  it('is what the committed script writes, with desk.glb', () => {
    const out = mkdtempSync(join(tmpdir(), 'madeto-gltf-'));
    execFileSync(process.execPath, [join(root, 'scripts/desk-gltf.mjs'), out]);
    expect(readFileSync(join(out, 'desk.gltf'), 'utf8')).toBe(committed.toString('utf8'));
    expect(readFileSync(join(out, 'desk.glb')).equals(committedGlb)).toBe(true);
  });

  it('desk.glb (what desk.json shows) is valid too: the same scene in the binary container', async () => {
    const report = await validateBytes(new Uint8Array(committedGlb), {
      uri: 'desk.glb',
      format: 'glb',
    });
    expect(report.issues.messages).toEqual([]);
    expect(report.info?.resources?.map((r) => r.storage)).toEqual(['glb']);
    const json = committedGlb.subarray(20, 20 + committedGlb.readUInt32LE(12)).toString('utf8');
    const gltf = JSON.parse(json) as Gltf;
    const { buffers: _b, ...rest } = gltf as Gltf & { buffers: unknown };
    const { buffers: _c, ...embedded } = JSON.parse(committed.toString('utf8')) as Gltf & {
      buffers: unknown;
    };
    expect(rest).toEqual(embedded);
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
