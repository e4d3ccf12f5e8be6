import { parseArgs, single } from '../args.ts';
import { CliError, EXIT } from '../CliError.ts';
import { readJson } from '../readJson.ts';
import type { Command } from '../main.ts';
import {
  parsePromiseRequest,
  parseSnapshot,
  SnapshotError,
  PromiseInputError,
  promise,
  type PromiseOptions,
  type ValidAlternatives,
  priceDeltaHook,
  parsePricing,
  PricingError,
  type Pricing,
  parseModel,
  type ProductModel,
  type SelectionValue,
  compile,
  type CompiledModel,
  domains,
} from '../../engine/index.ts';
/** The solver's valid alternatives: values whose state is `available` under the selection. */
function solverAlternatives(models: readonly ProductModel[]): ValidAlternatives {
  const compiled = new Map<string, CompiledModel>();
  return (productId, selection, attribute) => {
    const model = models.find((m) => m.id === productId);
    if (!model) return [];
    let c = compiled.get(productId);
    if (!c) compiled.set(productId, (c = compile(model)));
    const rest = { ...selection };
    delete rest[attribute];
    const states = domains(c, rest)[attribute] ?? {};
    const attr = model.attributes.find((a) => a.id === attribute);
    const out: SelectionValue[] = [];
    for (const [key, state] of Object.entries(states)) {
      if (state !== 'available' && state !== 'selected') continue;
      out.push(attr?.type === 'boolean' ? key === 'true' : key);
    }
    return out;
  };
}

/**
 * `madeto promise --snapshot S --request R --model M ... [--pricing P]`: promises ship and
 * delivery dates (lead-time.md) and prints the result as JSON. Option swaps are checked with the
 * solver and priced with the pricing engine when `--pricing` is given (in the pricing's base
 * currency, or its first book's, on the date of `now`).
 */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['snapshot', 'request', 'model', 'pricing'] });
  const snapshotFile = single(parsed, 'snapshot');
  const requestFile = single(parsed, 'request');
  const modelFiles = parsed.options.get('model') ?? [];
  if (!snapshotFile || !requestFile || modelFiles.length === 0)
    throw new CliError(
      'promise needs --snapshot S --request R and at least one --model M',
      EXIT.usage,
    );
  const models = modelFiles.map((f) => {
    try {
      return parseModel(readJson(f));
    } catch (error) {
      if (error instanceof Error && 'issues' in error) throw new CliError(`${f}: ${error.message}`);
      throw error;
    }
  });
  try {
    const snapshot = parseSnapshot(readJson(snapshotFile), models);
    const request = parsePromiseRequest(readJson(requestFile));
    const options: PromiseOptions = {
      snapshot,
      models,
      validAlternatives: solverAlternatives(models),
    };
    const pricingFile = single(parsed, 'pricing');
    if (pricingFile) {
      let pricing: Pricing;
      try {
        pricing = parsePricing(readJson(pricingFile), models);
      } catch (error) {
        if (error instanceof PricingError) throw new CliError(`${pricingFile}: ${error.message}`);
        throw error;
      }
      const currency = pricing.baseCurrency ?? pricing.priceBooks[0]!.currency;
      options.priceDelta = priceDeltaHook(
        { pricing, models },
        { currency, date: request.now.slice(0, 10) },
      );
    }
    stdout(JSON.stringify(promise(request, options), null, 2));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SnapshotError) {
      const file = error.code === 'SNAPSHOT_INVALID' ? snapshotFile : requestFile;
      throw new CliError(`${file}: ${error.message}`);
    }
    if (error instanceof PromiseInputError) throw new CliError(`${requestFile}: ${error.message}`);
    throw error;
  }
};
