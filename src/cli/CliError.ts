/** Exit codes of the `madeto` CLI (model.md): 0 ok, 1 invalid input, 2 usage. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** An expected CLI failure: printed as one clear message (never a stack trace) with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
