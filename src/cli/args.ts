import { CliError, EXIT } from './CliError.ts';

/** Parsed command-line arguments: positionals, and options (repeatable ones keep every value). */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/**
 * Parses `args` for one subcommand. `valued` names options that take a value (`--model M`,
 * `--model=M`, repeatable); `booleans` names flags. Anything else is a usage error.
 *
 * @example
 * parseArgs(['m.json', '--select', 'frame=steel'], { valued: ['select'] })
 * // { positionals: ['m.json'], options: Map { 'select' => ['frame=steel'] }, flags: Set {} }
 */
export function parseArgs(
  args: readonly string[],
  spec: {
    valued?: readonly string[];
    booleans?: readonly string[];
    short?: Record<string, string>;
  },
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = spec.short?.[rawName] ?? rawName.replace(/^--?/, '');
    if (spec.booleans?.includes(name)) {
      flags.add(name);
      continue;
    }
    if (!spec.valued?.includes(name)) {
      const known = [...(spec.valued ?? []), ...(spec.booleans ?? [])].map((n) => `--${n}`);
      throw new CliError(
        `unknown option ${rawName}${known.length ? ` (known: ${known.join(', ')})` : ''}`,
        EXIT.usage,
      );
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new CliError(`option --${name} needs a value`, EXIT.usage);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positionals, options, flags };
}

/** The single value of an option, or undefined; a usage error when it was given twice. */
export function single(parsed: ParsedArgs, name: string): string | undefined {
  const values = parsed.options.get(name) ?? [];
  if (values.length > 1)
    throw new CliError(`option --${name} was given more than once`, EXIT.usage);
  return values[0];
}
