import { SolverError } from './SolverError.ts';
import { isCompiledFile, type SerializedCompiled } from './serialize.ts';

/** The first four bytes of a binary compiled file: `MDTC`. */
const MAGIC = [0x4d, 0x44, 0x54, 0x43] as const;

/** A compiled file read from bytes: the JSON form's fields, with the node arrays as typed arrays. */
export type DecodedCompiled = Omit<SerializedCompiled, 'level' | 'kids'> & {
  level: Int32Array;
  kids: Int32Array;
};

const littleEndian = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/**
 * Whether `bytes` are a binary compiled file (by its first four bytes, `MDTC`).
 *
 * @example
 * isCompiledBinary(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 */
export function isCompiledBinary(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The binary form of a compiled file (what the browser loads: no JSON parse of a million
 * numbers): `MDTC`, the byte length of a JSON header (uint32, little-endian), the header — every
 * field of `serializeCompiled`'s answer but the node arrays, plus `nodes` and `slots` — padded to
 * four bytes, then `level` and `kids` as little-endian int32. Compress it for the wire (gzip or
 * brotli); `decodeCompiled` reads it back.
 *
 * @example
 * const bytes = encodeCompiled(serializeCompiled(compile(model), model.document));
 * deserializeCompiled(decodeCompiled(bytes), model);
 */
export function encodeCompiled(serialized: SerializedCompiled): Uint8Array {
  const { level, kids, ...rest } = serialized;
  const header = new TextEncoder().encode(
    JSON.stringify({ ...rest, nodes: level.length, slots: kids.length }),
  );
  const start = 8 + Math.ceil(header.length / 4) * 4;
  const out = new Uint8Array(start + 4 * (level.length + kids.length));
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, header.length, true);
  out.set(header, 8);
  let at = start;
  for (const values of [level, kids])
    for (const v of values) {
      view.setInt32(at, v, true);
      at += 4;
    }
  return out;
}

function bad(path: string, message: string): never {
  throw new SolverError('BAD_COMPILED', message, path);
}

/**
 * Reads a binary compiled file (`encodeCompiled`) into the form `deserializeCompiled` takes.
 * Throws `BAD_COMPILED` naming what is wrong when the bytes are not one, or are cut short.
 *
 * @example
 * const compiled = deserializeCompiled(decodeCompiled(bytes), model);
 */
export function decodeCompiled(bytes: Uint8Array): DecodedCompiled {
  if (!isCompiledBinary(bytes)) bad('$', 'not a binary madeto compiled file (no MDTC header)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(4, true);
  if (8 + length > bytes.length) bad('$', 'the file is cut short (in its header)');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
  } catch {
    bad('$', 'the header is not JSON');
  }
  if (!isCompiledFile(header))
    bad('$.format', 'not a madeto compiled model (format "madeto-compiled")');
  const { nodes, slots } = header as unknown as { nodes: unknown; slots: unknown };
  if (
    !Number.isInteger(nodes) ||
    !Number.isInteger(slots) ||
    (nodes as number) < 0 ||
    (slots as number) < 0
  )
    bad('$.nodes', 'expected the node and slot counts');
  const start = 8 + Math.ceil(length / 4) * 4;
  const n = nodes as number;
  const k = slots as number;
  if (start + 4 * (n + k) !== bytes.length)
    bad(
      '$.kids',
      `expected ${n} nodes and ${k} child slots (${start + 4 * (n + k)} bytes), found ${bytes.length} bytes`,
    );
  const ints = (at: number, count: number): Int32Array => {
    if (littleEndian && (bytes.byteOffset + at) % 4 === 0)
      return new Int32Array(bytes.buffer, bytes.byteOffset + at, count);
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getInt32(at + 4 * i, true);
    return out;
  };
  const {
    nodes: _n,
    slots: _s,
    ...rest
  } = header as SerializedCompiled & { nodes: number; slots: number };
  return { ...rest, level: ints(start, n), kids: ints(start + 4 * n, k) };
}
