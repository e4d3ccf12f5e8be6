import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium (Skia/PDF) prints it, for tests, with no dependency: objects and
 * their streams are read from the file, Flate streams inflated (node:zlib), each font's ToUnicode
 * CMap parsed (`bfchar` and `bfrange`), and the strings of `Tj`, `TJ`, `'` and `"` in every content
 * stream decoded through the CMap of the font selected by `Tf`. Text objects (`BT … ET`) and moves
 * to another line become line breaks; a wide gap inside `TJ` becomes a space; ligatures ("ﬁ")
 * are spelt out ("fi"). Encrypted PDFs,
 * object streams and fonts without a ToUnicode map are not handled (Chromium writes none of them).
 */
export function pdfText(pdf: Uint8Array): string {
  const file = Buffer.from(pdf).toString('latin1');
  if (!file.startsWith('%PDF-')) throw new Error('pdfText: not a PDF (no %PDF- header)');
  const objects = readObjects(file);
  const cmaps = new Map<string, Map<number, string>>(); // font resource name → CMap
  for (const o of objects.values())
    for (const [, name, ref] of [...o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)].flatMap((m) => [
      ...(m[1] ?? '').matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g),
    ])) {
      const font = objects.get(Number(ref));
      const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font?.dict ?? '')?.[1];
      const cmap = toUnicode && objects.get(Number(toUnicode))?.stream;
      if (name && cmap !== undefined && cmap !== '') cmaps.set(name, parseCMap(cmap));
    }
  const pages: string[] = [];
  for (const o of objects.values())
    if (o.stream && /\bBT\b/.test(o.stream) && /\bT[jJ]\b|'|"/.test(o.stream))
      pages.push(showText(o.stream, cmaps));
  // A ligature glyph maps to its presentation form ("ﬁ", U+FB01): spelt out as the letters.
  return pages.join('\n').replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'));
}

/**
 * Every colour a PDF paints with (`r g b rg` fills and `RG` strokes in any content stream, form
 * XObjects included), as lower-case `#rrggbb`: Chromium prints a vector drawing (an SVG picture)
 * with its own colours, so a drawing's colours on paper say the drawing is there.
 */
export function pdfColours(pdf: Uint8Array): Set<string> {
  const file = Buffer.from(pdf).toString('latin1');
  if (!file.startsWith('%PDF-')) throw new Error('pdfColours: not a PDF (no %PDF- header)');
  const hex = (n: string) =>
    Math.round(Math.min(1, Math.max(0, Number(n))) * 255)
      .toString(16)
      .padStart(2, '0');
  const colours = new Set<string>();
  for (const o of readObjects(file).values())
    for (const [, r, g, b] of o.stream.matchAll(
      /(?<![\w.])([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(?:rg|RG)\b/g,
    ))
      colours.add(`#${hex(r!)}${hex(g!)}${hex(b!)}`);
  return colours;
}

interface PdfObject {
  dict: string;
  /** The decoded stream ('' without one). */
  stream: string;
}

function readObjects(file: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+0\s+obj\b/g;
  for (let m = header.exec(file); m; m = header.exec(file)) {
    const start = m.index + m[0].length;
    const streamAt = file.indexOf('stream', start);
    const endAt = file.indexOf('endobj', start);
    if (endAt < 0) break;
    if (streamAt < 0 || streamAt > endAt) {
      objects.set(Number(m[1]), { dict: file.slice(start, endAt), stream: '' });
      continue;
    }
    const dict = file.slice(start, streamAt);
    let from = streamAt + 'stream'.length;
    if (file[from] === '\r') from += 1;
    if (file[from] === '\n') from += 1;
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
    const end = direct !== undefined ? from + Number(direct) : file.indexOf('endstream', from);
    const raw = Buffer.from(file.slice(from, end), 'latin1');
    const data = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    objects.set(Number(m[1]), { dict, stream: data.toString('latin1') });
    header.lastIndex = file.indexOf('endobj', end);
  }
  return objects;
}

const utf16 = (hex: string): string =>
  String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** The `bfchar` and `bfrange` entries of a ToUnicode CMap: code → text. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(parseInt(code!, 16), utf16(text!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst, list] of (block[1] ?? '').matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g,
    )) {
      const [from, to] = [parseInt(lo!, 16), parseInt(hi!, 16)];
      const targets =
        list === undefined ? [] : [...list.matchAll(/<([0-9a-fA-F]*)>/g)].map((t) => t[1]!);
      for (let code = from; code <= to; code += 1) {
        if (list !== undefined) {
          const t = targets[code - from];
          if (t !== undefined) map.set(code, utf16(t));
          continue;
        }
        // The last UTF-16 unit of the destination counts up through the range.
        const base = utf16(dst!);
        map.set(
          code,
          base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - from),
        );
      }
    }
  return map;
}

type Token =
  | { kind: 'op'; value: string }
  | { kind: 'string'; bytes: number[] }
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'array'; items: Token[] };

function literalBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i]!;
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const n = s[(i += 1)] ?? '';
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i))![0];
      out.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else if (n === '\n' || n === '\r') continue;
    else out.push(escapes[n] ?? n.charCodeAt(0));
  }
  return out;
}

/** Tokenizes a content stream (enough of it for text: strings, numbers, names, arrays, operators). */
function tokenize(content: string): Token[] {
  const stack: Token[][] = [[]];
  const push = (t: Token) => stack[stack.length - 1]!.push(t);
  const re =
    /\s+|%[^\r\n]*|<([0-9a-fA-F\s]*)>|\((?:[^()\\]|\\[\s\S]|\((?:[^()\\]|\\[\s\S])*\))*\)|\/[^\s/<>[\]()]*|[+-]?(?:\d+\.?\d*|\.\d+)|\[|\]|<<|>>|[^\s/<>[\]()%]+/g;
  for (const m of content.matchAll(re)) {
    const t = m[0];
    if (/^\s|^%/.test(t) || t === '<<' || t === '>>') continue;
    if (t === '[') stack.push([]);
    else if (t === ']') {
      const items = stack.pop() ?? [];
      push({ kind: 'array', items });
    } else if (t.startsWith('<')) {
      const hex = (m[1] ?? '').replace(/\s/g, '');
      push({
        kind: 'string',
        bytes: (hex.padEnd(Math.ceil(hex.length / 2) * 2, '0').match(/../g) ?? []).map((h) =>
          parseInt(h, 16),
        ),
      });
    } else if (t.startsWith('(')) push({ kind: 'string', bytes: literalBytes(t.slice(1, -1)) });
    else if (t.startsWith('/')) push({ kind: 'name', value: t.slice(1) });
    else if (/^[+-]?[\d.]/.test(t)) push({ kind: 'number', value: Number(t) });
    else push({ kind: 'op', value: t });
  }
  return stack[0]!;
}

/** Runs the text operators of a content stream and returns what they show. */
function showText(content: string, cmaps: Map<string, Map<number, string>>): string {
  let cmap: Map<number, string> | undefined;
  let out = '';
  const decode = (bytes: number[]) => {
    if (!cmap) return String.fromCharCode(...bytes);
    let text = '';
    // Chromium's Type0 fonts use two-byte codes (Identity-H); a simple font one byte each.
    const two = [...cmap.keys()].some((k) => k > 0xff) || bytes.length % 2 === 0;
    for (let i = 0; i < bytes.length; i += two ? 2 : 1)
      text += cmap.get(two ? bytes[i]! * 256 + (bytes[i + 1] ?? 0) : bytes[i]!) ?? '';
    return text;
  };
  const newline = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  let operands: Token[] = [];
  for (const t of tokenize(content)) {
    if (t.kind !== 'op') {
      operands.push(t);
      continue;
    }
    switch (t.value) {
      case 'Tf': {
        const name = operands.find((o) => o.kind === 'name');
        cmap = name?.kind === 'name' ? cmaps.get(name.value) : undefined;
        break;
      }
      case 'Tj':
      case "'":
      case '"': {
        if (t.value !== 'Tj') newline();
        const s = operands.at(-1);
        if (s?.kind === 'string') out += decode(s.bytes);
        break;
      }
      case 'TJ': {
        const a = operands.at(-1);
        if (a?.kind === 'array')
          for (const item of a.items)
            if (item.kind === 'string') out += decode(item.bytes);
            else if (item.kind === 'number' && item.value < -200 && !out.endsWith(' ')) out += ' ';
        break;
      }
      case 'BT':
      case 'ET':
      case 'T*':
        newline();
        break;
      case 'Td':
      case 'TD': {
        const ty = operands.at(-1);
        if (ty?.kind === 'number' && ty.value !== 0) newline();
        break;
      }
      default:
        break;
    }
    operands = [];
  }
  return out;
}
