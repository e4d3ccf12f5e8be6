import { Temporal } from 'temporal-polyfill';
import { parseArgs, single } from '../args.ts';
import type { Command } from '../main.ts';
import { readJson } from '../readJson.ts';
import {
  loadSolverInput,
  maxNodesOption,
  parseSelections,
  pathNote,
  solverCall,
} from '../selectArgs.ts';
import {
  optimalCompletion,
  OptimizeError,
  parsePricing,
  parseSnapshot,
  PricingError,
  SnapshotError,
  type Pricing,
  type ProductModel,
  type Snapshot,
} from '../../engine/index.ts';
import { CliError, EXIT } from '../CliError.ts';

const USAGE =
  'madeto complete <model.json|.xml|.dimacs|compiled.json> [--model M] [--select a=v ...] [--max-nodes N] [--objective cheapest|fastest --pricing P [--snapshot S] [--quantity N] [--currency C] [--customer ID] [--date D | --now ISO]]';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `madeto complete <model.json|compiled.json> [--select a=v ...]`: a complete valid configuration
 * extending the selection, as JSON (a compiled file with `--model`, as the other solver commands). Without `--objective`, the defaults completion (defaults first, then the
 * first value that fits) prints the selection. With `--objective cheapest` (needs `--pricing`)
 * or `fastest` (needs `--snapshot`; `--pricing` breaks ties by price) it prints
 * `{ objective, selection, total, currency, deliveryDate }` of the exact optimum for
 * `--quantity` units (default 1), priced in `--currency` (default the pricing's base currency)
 * for `--customer`, on `--date` (default the plant's day of `--now`) and promised at `--now`
 * (default the start of `--date` in the plant's zone, else the real clock).
 */
export const run: Command = ({ args, stdout, stderr }) => {
  const parsed = parseArgs(args, {
    valued: [
      'max-nodes',
      'select',
      'model',
      'objective',
      'pricing',
      'snapshot',
      'quantity',
      'currency',
      'customer',
      'date',
      'now',
    ],
  });
  const { model, compiled, engine } = loadSolverInput(
    parsed.positionals[0],
    USAGE,
    single(parsed, 'model'),
  );
  const objective = single(parsed, 'objective');
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  if (objective === undefined) {
    for (const option of ['pricing', 'snapshot', 'quantity', 'currency', 'customer', 'date', 'now'])
      if (parsed.options.has(option))
        throw new CliError(
          `--${option} needs --objective cheapest|fastest (usage: ${USAGE})`,
          EXIT.usage,
        );
    const answering = engine(maxNodesOption(single(parsed, 'max-nodes')));
    stderr(pathNote(answering));
    stdout(
      JSON.stringify(
        solverCall(() => answering.complete(selection)),
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  if (objective !== 'cheapest' && objective !== 'fastest')
    throw new CliError(`unknown --objective '${objective}' (cheapest, fastest)`, EXIT.usage);
  const pricingFile = single(parsed, 'pricing');
  const snapshotFile = single(parsed, 'snapshot');
  if (objective === 'cheapest' && !pricingFile)
    throw new CliError('--objective cheapest needs a price book (--pricing P)', EXIT.usage);
  if (objective === 'fastest' && !snapshotFile)
    throw new CliError(
      '--objective fastest needs an availability snapshot (--snapshot S)',
      EXIT.usage,
    );

  const quantityText = single(parsed, 'quantity') ?? '1';
  const quantity = Number(quantityText);
  if (!/^\d+$/.test(quantityText) || quantity < 1)
    throw new CliError(
      `--quantity: '${quantityText}' is not a whole number of at least 1`,
      EXIT.usage,
    );
  const pricing = pricingFile ? readPricing(pricingFile) : undefined;
  const snapshot = snapshotFile ? readSnapshot(snapshotFile, model) : undefined;
  const { date, now } = clock(single(parsed, 'date'), single(parsed, 'now'), snapshot, model);
  const currency =
    single(parsed, 'currency') ?? pricing?.baseCurrency ?? pricing?.priceBooks[0]?.currency;
  const customerId = single(parsed, 'customer');

  try {
    const result = solverCall(() =>
      optimalCompletion({
        compiled: compiled(),
        selection,
        quantity,
        objective,
        ...(pricing &&
          currency !== undefined && { pricing: { pricing, currency, date, customerId } }),
        ...(snapshot && { availability: { snapshot, now } }),
      }),
    );
    stdout(
      JSON.stringify(
        {
          objective,
          selection: result.selection,
          ...(result.total !== undefined && { total: result.total, currency }),
          ...(result.deliveryDate !== undefined && { deliveryDate: result.deliveryDate }),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof OptimizeError) throw new CliError(error.message, EXIT.usage);
    if (error instanceof PricingError && pricingFile)
      throw new CliError(`${pricingFile}: ${error.message}`);
    if (error instanceof SnapshotError && snapshotFile)
      throw new CliError(`${snapshotFile}: ${error.message}`);
    throw error;
  }
};

/** The pricing file, checked on its own (its other products' attributes are not in this model). */
function readPricing(file: string): Pricing {
  try {
    return parsePricing(readJson(file));
  } catch (error) {
    if (error instanceof PricingError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

function readSnapshot(file: string, model: ProductModel): Snapshot {
  try {
    return parseSnapshot(readJson(file), [model]);
  } catch (error) {
    if (error instanceof SnapshotError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/**
 * The pricing date and the promise's instant: `--now` gives both (the date is the plant's day of
 * it); `--date` alone promises from the start of that day in the plant's zone; neither reads the
 * real clock (the CLI is the edge).
 */
function clock(
  dateText: string | undefined,
  nowText: string | undefined,
  snapshot: Snapshot | undefined,
  model: ProductModel,
): { date: string; now: string } {
  if (dateText !== undefined && nowText !== undefined)
    throw new CliError('give --date or --now, not both', EXIT.usage);
  const zone = snapshot?.plants[model.plantId]?.timeZone ?? 'UTC';
  if (dateText !== undefined) {
    if (!DATE.test(dateText) || !validDate(dateText))
      throw new CliError(`--date: '${dateText}' is not a date YYYY-MM-DD`, EXIT.usage);
    const start = Temporal.PlainDate.from(dateText).toZonedDateTime({ timeZone: zone });
    return { date: dateText, now: start.toString({ timeZoneName: 'never' }) };
  }
  let instant: Temporal.Instant;
  try {
    instant = nowText === undefined ? Temporal.Now.instant() : Temporal.Instant.from(nowText);
  } catch {
    throw new CliError(
      `--now: '${nowText}' is not an ISO-8601 instant with an offset (e.g. 2026-12-07T09:00:00+01:00)`,
      EXIT.usage,
    );
  }
  return {
    date: instant.toZonedDateTimeISO(zone).toPlainDate().toString(),
    now: instant.toString(),
  };
}

function validDate(text: string): boolean {
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString() === text;
  } catch {
    return false;
  }
}
