/**
 * Thrown by the importers (`importXcsp`, `importDimacs`) for input they cannot read. The message
 * names the 1-based line and what is wrong there; `line` carries the same number for programs.
 */
export class ImportError extends Error {
  readonly code = 'IMPORT_INVALID';
  constructor(
    readonly format: 'xcsp' | 'dimacs',
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${format === 'xcsp' ? 'XCSP' : 'DIMACS'} line ${line}: ${detail}`);
    this.name = 'ImportError';
  }
}
