import { readFileSync } from 'node:fs';
import { readJsonBytes } from '../engine/index.ts';
import { CliError } from './CliError.ts';

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the file (${code ?? (error as Error).message})`);
  }
}

/** Reads a text file; a missing or unreadable file is a CliError naming the file and why. */
export function readText(file: string): string {
  const bytes = readBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file}: the file is not valid UTF-8`);
  }
}

/**
 * Reads and parses a JSON file as the server reads a request body (`readJsonBytes`): invalid
 * UTF-8, a syntax error (with its line and column), nesting deeper than 64 levels or a
 * `__proto__` key is a CliError naming the file and where.
 */
export function readJson(file: string): unknown {
  const read = readJsonBytes(readBytes(file));
  if (read.ok) return read.value;
  const { path, message } = read.problem;
  throw new CliError(`${file}: ${path === undefined ? '' : `${path}: `}${message}`);
}
