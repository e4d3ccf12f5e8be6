import { CliError, EXIT } from './CliError.ts';
import { ModelError } from '../engine/index.ts';

/** What a subcommand gets: its arguments and where to write. It returns the exit code. */
export interface CommandContext {
  args: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
export type Command = (ctx: CommandContext) => Promise<number> | number;

/**
 * The subcommands of model.md, loaded lazily so `madeto lint` does not load the solver. Each module
 * exports `run: Command`. Later issues add their commands here.
 */
const commands = new Map<string, { summary: string; load: () => Promise<{ run: Command }> }>(
  Object.entries({
    lint: {
      summary:
        'lint <model.json...> [--pricing P] [--snapshot S] [--images DIR]  schema, reference and picture checks',
      load: () => import('./commands/lint.ts'),
    },
    compile: {
      summary: 'compile <model.json> -o <compiled.json>  the compiled decision diagram',
      load: () => import('./commands/compile.ts'),
    },
    count: {
      summary: 'count <model.json> [--select a=v ...]  the exact number of valid configurations',
      load: () => import('./commands/count.ts'),
    },
    domains: {
      summary: 'domains <model.json> [--select a=v ...]  the state of every value',
      load: () => import('./commands/domains.ts'),
    },
    explain: {
      summary: 'explain <model.json> [--select a=v ...] --why a=v  why a value is not available',
      load: () => import('./commands/explain.ts'),
    },
    complete: {
      summary:
        'complete <model.json|compiled.json> [--model M] [--select a=v ...] [--objective cheapest|fastest --pricing P [--snapshot S] [--quantity N] [--currency C] [--customer ID] [--date D | --now ISO]]  a valid configuration; with an objective, the exact cheapest (lowest total) or fastest (earliest delivery, then cheaper)',
      load: () => import('./commands/complete.ts'),
    },
    promise: {
      summary:
        'promise --snapshot S --request R --model M ... [--pricing P]  ship and delivery dates',
      load: () => import('./commands/promise.ts'),
    },
    price: {
      summary: 'price --pricing P --request R [--model M ...]  the pricing result (pricing.md)',
      load: () => import('./commands/price.ts'),
    },
    serve: {
      summary: 'serve [--port N] [--db FILE] [--origin URL ...]  the reference backend (orders.md)',
      load: () => import('./commands/serve.ts'),
    },
    users: {
      summary:
        'users add --role rep|manager|admin|integration --name N --email E [--db FILE]  a person who signs in (password from stdin, or generated)',
      load: () => import('./commands/users.ts'),
    },
    availability: {
      summary:
        'availability import <stock.csv> <pos.csv> [--db FILE] [--catalogue DIR]  stock levels and purchase orders into the backend (a new version)',
      load: () => import('./commands/availability.ts'),
    },
    import: {
      summary: 'import <file> --format xcsp|dimacs [-o out.json]  a model from XCSP 2.1 or DIMACS',
      load: () => import('./commands/import.ts'),
    },
    bench: {
      summary: 'bench <model.json|.xml|.dimacs> [--replay F] | bench --all  per-click timings',
      load: () => import('./commands/bench.ts'),
    },
  }),
);

/**
 * A command whose packages are not installed (`madeto serve` needs the server's: they are
 * optional peer dependencies of the widget's npm package), as a CliError saying what to install.
 */
function missingPackage(name: string, error: unknown): CliError | undefined {
  const e = error as { code?: string; message?: string };
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const pkg = /Cannot find package '([^']+)'/.exec(e.message ?? '')?.[1];
  if (!pkg) return undefined;
  return new CliError(
    `the package '${pkg}' is not installed; madeto ${name} needs it` +
      (name === 'serve'
        ? ' (the reference backend: npm i fastify @fastify/cors kysely better-sqlite3, and pg for PostgreSQL)'
        : ''),
  );
}

function usage(): string {
  return [
    'usage: madeto <command> [options]',
    '',
    ...[...commands.values()].map((c) => `  madeto ${c.summary}`),
  ].join('\n');
}

/**
 * Runs the CLI with `argv` (without node and the script). Expected failures print one message on
 * stderr and return 1 (invalid input) or 2 (usage); they never print a stack trace.
 */
export async function main(
  argv: readonly string[],
  io: Pick<CommandContext, 'stdout' | 'stderr'> = {
    stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  },
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.get(name); // a Map: `madeto constructor` is an unknown command
  if (!command) {
    io.stderr(`madeto: unknown command '${name}'\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    const { run } = await command.load().catch((error: unknown) => {
      throw missingPackage(name, error) ?? error;
    });
    return await run({ args, ...io });
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`madeto ${name}: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof ModelError) {
      io.stderr(`madeto ${name}: ${error.message}`);
      return EXIT.invalid;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`madeto ${name}: internal error: ${message}`);
    return EXIT.invalid;
  }
}
