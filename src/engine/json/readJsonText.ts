import { jsonPath } from '../model/jsonPath.ts';

/** The limits every untrusted JSON text is read within. */
export interface JsonLimits {
  /** The deepest nesting of arrays and objects (the top level is depth 1). */
  maxDepth: number;
}

/** The default limits: 64 levels, far deeper than any catalogue, order or quote. */
export const JSON_LIMITS: JsonLimits = { maxDepth: 64 };

/** Why a JSON text was refused: a stable code, where (a JSON path, or line and column) and why. */
export interface JsonProblem {
  code: 'INVALID_UTF8' | 'MALFORMED_JSON' | 'JSON_TOO_DEEP' | 'JSON_UNSAFE_KEY';
  /** The JSON path of the offending value (depth and unsafe keys). */
  path?: string;
  /** 1-based line and column of a syntax error. */
  line?: number;
  column?: number;
  message: string;
}

/** What `readJsonText` and `readJsonBytes` give back. */
export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

/** Keys that would set an object's prototype when copied with assignment: refused by name. */
const UNSAFE_KEYS = new Set(['__proto__']);

/**
 * Parses untrusted JSON text: a syntax error names its line and column, nesting deeper than
 * `limits.maxDepth` and a `__proto__` key are refused with the JSON path where they are (a
 * `__proto__` key would change an object's prototype once copied by assignment). Never throws,
 * never recurses on the input (a 100,000-deep text is an error, not a stack overflow).
 *
 * @example
 * readJsonText('{"a":}') // { ok: false, problem: { code: 'MALFORMED_JSON', line: 1, column: 6, … } }
 * readJsonText('{"a":{"__proto__":{}}}').ok // false (JSON_UNSAFE_KEY at $.a.__proto__)
 */
export function readJsonText(text: string, limits: JsonLimits = JSON_LIMITS): JsonRead {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, problem: syntaxProblem(text, error as Error) };
  }
  const problem = shapeProblem(value, limits);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/**
 * `readJsonText` of bytes that must be UTF-8: invalid UTF-8 is refused (`INVALID_UTF8`, at its
 * byte offset), never decoded into replacement characters. A leading byte-order mark is skipped.
 *
 * @example
 * readJsonBytes(new Uint8Array([0x22, 0xff, 0x22])).ok // false (INVALID_UTF8)
 */
export function readJsonBytes(bytes: Uint8Array, limits: JsonLimits = JSON_LIMITS): JsonRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: {
        code: 'INVALID_UTF8',
        message: `the text is not valid UTF-8 (first bad byte at offset ${firstBadUtf8(bytes)})`,
      },
    };
  }
  return readJsonText(text, limits);
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstBadUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection (a prefix may end inside a sequence: allow 3 bytes).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** The depth or unsafe-key problem of a parsed value, without recursion; undefined when fine. */
function shapeProblem(value: unknown, limits: JsonLimits): JsonProblem | undefined {
  // One cheap pass; the path of the problem is only built when there is one.
  type Frame = { v: unknown; depth: number; keys: readonly PropertyKey[] | undefined };
  const find = (withPaths: boolean): JsonProblem | undefined => {
    const stack: Frame[] = [{ v: value, depth: 1, keys: withPaths ? [] : undefined }];
    while (stack.length > 0) {
      const { v, depth, keys } = stack.pop()!;
      if (v === null || typeof v !== 'object') continue;
      if (depth > limits.maxDepth)
        return {
          code: 'JSON_TOO_DEEP',
          path: keys ? jsonPath(keys) : '$',
          message: `nested deeper than ${limits.maxDepth} levels`,
        };
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--)
          stack.push({ v: v[i], depth: depth + 1, keys: keys && [...keys, i] });
        continue;
      }
      const own = Object.keys(v);
      for (let i = own.length - 1; i >= 0; i--) {
        const key = own[i]!;
        if (UNSAFE_KEYS.has(key))
          return {
            code: 'JSON_UNSAFE_KEY',
            path: keys ? jsonPath([...keys, key]) : '$',
            message: `the key '${key}' is not allowed (it names an object's prototype)`,
          };
        stack.push({
          v: (v as Record<string, unknown>)[key],
          depth: depth + 1,
          keys: keys && [...keys, key],
        });
      }
    }
    return undefined;
  };
  return find(false) && find(true);
}

/** A syntax error with its line and column (found by `syntaxErrorOffset`). */
function syntaxProblem(text: string, error: Error): JsonProblem {
  const offset = syntaxErrorOffset(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const found =
    offset >= text.length
      ? 'the end of the text'
      : `${JSON.stringify(text.slice(offset, offset + 1))}`;
  const reason = error.message
    .replace(/,? ".*" is not valid JSON$/s, '')
    .replace(/( in JSON)? at position \d+.*$/s, '');
  return {
    code: 'MALFORMED_JSON',
    line,
    column,
    message: `not valid JSON at line ${line}, column ${column} (at ${found}): ${reason}`,
  };
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * The offset of the first character where `text` stops being JSON (RFC 8259), found by one
 * iterative scan; `text.length` when it ends too early.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && WS.has(text[i]!)) i++;
  };
  // What may come next: a value, or within a container a separator or its end.
  const stack: ('[' | '{')[] = [];
  type Want = 'value' | 'key' | 'colon' | 'after' | 'first-value' | 'first-key';
  let want: Want = 'value';
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++) if (text[i + k] !== word[k]) return false;
    i += word.length;
    return true;
  };
  const string = (): boolean => {
    i++; // the opening quote
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return true;
      }
      if (c < ' ') return false;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i += 1;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  for (;;) {
    skip();
    if (i >= n) return n;
    const c = text[i]!;
    if (want === 'value' || want === 'first-value') {
      if (want === 'first-value' && c === ']') {
        stack.pop();
        i++;
        want = 'after';
      } else if (c === '[') {
        stack.push('[');
        i++;
        want = 'first-value';
      } else if (c === '{') {
        stack.push('{');
        i++;
        want = 'first-key';
      } else if (c === '"') {
        if (!string()) return i;
        want = 'after';
      } else if (c === 't' || c === 'f' || c === 'n') {
        if (!literal(c === 't' ? 'true' : c === 'f' ? 'false' : 'null')) return i;
        want = 'after';
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        if (!number()) return i;
        want = 'after';
      } else return i;
    } else if (want === 'key' || want === 'first-key') {
      if (want === 'first-key' && c === '}') {
        stack.pop();
        i++;
        want = 'after';
      } else if (c === '"') {
        if (!string()) return i;
        want = 'colon';
      } else return i;
    } else if (want === 'colon') {
      if (c !== ':') return i;
      i++;
      want = 'value';
    } else {
      const top = stack.at(-1);
      if (top === undefined) return i; // text after the value
      if (c === ',') {
        i++;
        want = top === '[' ? 'value' : 'key';
      } else if ((c === ']' && top === '[') || (c === '}' && top === '{')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
