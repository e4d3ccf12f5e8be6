// Writes the sample catalogue's 3D desk: a top and four legs on two rails, the top's material
// switchable by KHR_materials_variants ("laminate", "oak", "walnut" and "bamboo", the variant names
// desk.json's `model3d.variants` maps the top materials to), twice:
// - public/catalogue/desk.gltf: glTF 2.0 JSON with its buffer embedded as a data URI (readable);
// - public/catalogue/desk.glb: the same in the binary container, which desk.json uses: loading a
//   data URI is a fetch, which a strict `connect-src 'self'` (the embed's CSP page) refuses.
// Run: `node scripts/desk-gltf.mjs [outDir]`. The output is deterministic (a test compares it with
// the committed files and validates both with gltf-validator).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The 24 vertices (4 per face, so each face has its own normal) and 36 indices of a unit cube. */
function unitBox() {
  const faces = [
    { n: [1, 0, 0], u: [0, 0, -1], v: [0, 1, 0] },
    { n: [-1, 0, 0], u: [0, 0, 1], v: [0, 1, 0] },
    { n: [0, 1, 0], u: [1, 0, 0], v: [0, 0, -1] },
    { n: [0, -1, 0], u: [1, 0, 0], v: [0, 0, 1] },
    { n: [0, 0, 1], u: [1, 0, 0], v: [0, 1, 0] },
    { n: [0, 0, -1], u: [-1, 0, 0], v: [0, 1, 0] },
  ];
  const positions = [];
  const normals = [];
  const indices = [];
  faces.forEach(({ n, u, v }, f) => {
    for (const [a, b] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ]) {
      for (let k = 0; k < 3; k++) positions.push(0.5 * (n[k] + a * u[k] + b * v[k]));
      normals.push(...n);
    }
    const o = f * 4;
    indices.push(o, o + 1, o + 2, o, o + 2, o + 3);
  });
  return { positions, normals, indices };
}

/** A metallic-roughness material of a linear RGB colour. */
const material = (name, [r, g, b], metallic, roughness) => ({
  name,
  pbrMetallicRoughness: {
    baseColorFactor: [r, g, b, 1],
    metallicFactor: metallic,
    roughnessFactor: roughness,
  },
});

/**
 * The glTF document of the desk (an object ready for JSON.stringify) and its binary buffer; the
 * document's buffer has the data URI when `embed` is set, no URI (a GLB's BIN chunk) otherwise.
 */
export function deskGltf(embed = true) {
  const box = unitBox();
  const positions = Buffer.from(new Float32Array(box.positions).buffer);
  const normals = Buffer.from(new Float32Array(box.normals).buffer);
  const indices = Buffer.from(new Uint16Array(box.indices).buffer);
  const buffer = Buffer.concat([positions, normals, indices]);
  const variants = ['laminate', 'oak', 'walnut', 'bamboo'];
  const tops = [
    material('top-laminate', [0.8, 0.8, 0.78], 0, 0.55),
    material('top-oak', [0.62, 0.42, 0.2], 0, 0.6),
    material('top-walnut', [0.24, 0.13, 0.07], 0, 0.5),
    material('top-bamboo', [0.7, 0.55, 0.3], 0, 0.65),
  ];
  const frame = material('frame-steel', [0.04, 0.04, 0.045], 0.9, 0.35);
  const attributes = { POSITION: 0, NORMAL: 1 };
  const legs = [
    [-0.72, -0.3],
    [0.72, -0.3],
    [-0.72, 0.3],
    [0.72, 0.3],
  ];
  return {
    asset: { version: '2.0', generator: 'Madeto scripts/desk-gltf.mjs' },
    extensionsUsed: ['KHR_materials_variants'],
    extensions: { KHR_materials_variants: { variants: variants.map((name) => ({ name })) } },
    scene: 0,
    scenes: [{ name: 'Desk', nodes: [0] }],
    nodes: [
      { name: 'Desk', children: [1, 2, 3, 4, 5, 6, 7] },
      // The top: 1.6 m × 0.8 m, 30 mm thick, its upper face at 0.75 m.
      { name: 'Top', mesh: 0, translation: [0, 0.735, 0], scale: [1.6, 0.03, 0.8] },
      ...legs.map(([x, z], i) => ({
        name: `Leg ${i + 1}`,
        mesh: 1,
        translation: [x, 0.36, z],
        scale: [0.06, 0.72, 0.06],
      })),
      // Two rails under the top join the legs of each side.
      { name: 'Rail left', mesh: 1, translation: [-0.72, 0.7, 0], scale: [0.06, 0.04, 0.66] },
      { name: 'Rail right', mesh: 1, translation: [0.72, 0.7, 0], scale: [0.06, 0.04, 0.66] },
    ],
    meshes: [
      {
        name: 'Top',
        primitives: [
          {
            attributes,
            indices: 2,
            material: 1,
            extensions: {
              KHR_materials_variants: {
                mappings: tops.map((_, i) => ({ material: i, variants: [i] })),
              },
            },
          },
        ],
      },
      { name: 'Frame part', primitives: [{ attributes, indices: 2, material: tops.length }] },
    ],
    materials: [...tops, frame],
    accessors: [
      {
        bufferView: 0,
        componentType: 5126,
        count: 24,
        type: 'VEC3',
        min: [-0.5, -0.5, -0.5],
        max: [0.5, 0.5, 0.5],
      },
      { bufferView: 1, componentType: 5126, count: 24, type: 'VEC3' },
      { bufferView: 2, componentType: 5123, count: 36, type: 'SCALAR' },
    ],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: positions.length, target: 34962 },
      { buffer: 0, byteOffset: positions.length, byteLength: normals.length, target: 34962 },
      {
        buffer: 0,
        byteOffset: positions.length + normals.length,
        byteLength: indices.length,
        target: 34963,
      },
    ],
    buffers: [
      {
        byteLength: buffer.length,
        ...(embed && { uri: `data:application/octet-stream;base64,${buffer.toString('base64')}` }),
      },
    ],
  };
}

/** The chunk `data` padded to 4 bytes with `fill`, behind its length and type (GLB 2.0). */
function chunk(type, data, fill) {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4, fill)]);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(padded.length, 0);
  head.writeUInt32LE(type, 4);
  return Buffer.concat([head, padded]);
}

/** The desk as a GLB: header, JSON chunk, BIN chunk. */
export function deskGlb() {
  const box = unitBox();
  const bin = Buffer.concat([
    Buffer.from(new Float32Array(box.positions).buffer),
    Buffer.from(new Float32Array(box.normals).buffer),
    Buffer.from(new Uint16Array(box.indices).buffer),
  ]);
  const json = chunk(0x4e4f534a, Buffer.from(JSON.stringify(deskGltf(false))), 0x20);
  const body = Buffer.concat([json, chunk(0x004e4942, bin, 0)]);
  const header = Buffer.alloc(12);
  header.writeUInt32LE(0x46546c67, 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + body.length, 8);
  return Buffer.concat([header, body]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = resolve(process.argv[2] ?? join(root, 'public/catalogue'));
  writeFileSync(join(dir, 'desk.gltf'), `${JSON.stringify(deskGltf(), null, 2)}\n`);
  writeFileSync(join(dir, 'desk.glb'), deskGlb());
  console.log(`wrote ${join(dir, 'desk.gltf')} and desk.glb`);
}
