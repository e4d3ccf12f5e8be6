import { readFileSync } from 'node:fs';
import { CliError } from './CliError.ts';

/** Reads a text file; a missing or unreadable file is a CliError naming the file and why. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the file (${code ?? (error as Error).message})`);
  }
}

/** Reads and parses a JSON file; a missing file or bad JSON is a CliError naming the file. */
export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}
