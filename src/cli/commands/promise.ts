import { parseArgs, single } from '../args.ts';
import { CliError, EXIT } from '../CliError.ts';
import { readJson } from '../readJson.ts';
import type { Command } from '../main.ts';
import {
  parsePromiseRequest,
  parseSnapshot,
  SnapshotError,
} from '../../engine/leadtime/parseSnapshot.ts';
import { PromiseInputError } from '../../engine/leadtime/planOrder.ts';
import { promise, type PromiseOptions } from '../../engine/leadtime/promise.ts';
import type { PriceDelta, ValidAlternatives } from '../../engine/leadtime/suggestions.ts';
import { parseModel } from '../../engine/model/parseModel.ts';
import type { ProductModel, SelectionValue } from '../../engine/model/types.ts';
import { compile, type CompiledModel } from '../../engine/solver/compile.ts';
import { domains } from '../../engine/solver/domains.ts';
/**
 * The part of the pricing engine (`src/engine/pricing/`) this command uses, loaded only for
 * `--pricing` (so `promise` works, and typechecks, without it).
 */
interface PricingEngine {
  parsePricing: (json: unknown, models: readonly ProductModel[]) => Pricing;
  price: (
    request: unknown,
    data: { pricing: Pricing; models: readonly ProductModel[] },
  ) => {
    lines: { unit: string }[];
  };
  PricingError: new (...args: never[]) => Error;
}
/** A parsed pricing file, opaque here but for the currency of its books. */
interface Pricing {
  baseCurrency?: string;
  priceBooks: { currency: string }[];
}

const PRICING_MODULES = ['price.ts', 'parsePricing.ts', 'PricingError.ts'];

async function loadPricing(): Promise<PricingEngine> {
  const parts = await Promise.all(
    PRICING_MODULES.map(
      (m) => import(/* @vite-ignore */ `../../engine/pricing/${m}`) as Promise<object>,
    ),
  );
  return Object.assign({}, ...parts) as PricingEngine;
}

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

/** The pricing engine's unit-price change of a swap, in the pricing's base (or first) currency. */
function pricingDelta(
  engine: PricingEngine,
  pricing: Pricing,
  models: readonly ProductModel[],
  date: string,
): PriceDelta {
  const { price, PricingError } = engine;
  const currency = pricing.baseCurrency ?? pricing.priceBooks[0]!.currency;
  return (productId, from, to, quantity) => {
    try {
      const unit = (selection: typeof from) =>
        price(
          { date, currency, lines: [{ lineId: 'L', productId, quantity, selection }] },
          { pricing, models },
        ).lines[0]!.unit;
      return subtract(unit(to), unit(from));
    } catch (error) {
      if (error instanceof PricingError) return undefined;
      throw error;
    }
  };
}

/** `a − b` for decimal strings, exactly (via scaled bigints). */
function subtract(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const big = (s: string) => {
    const [int, frac = ''] = s.split('.');
    return BigInt(`${int}${frac.padEnd(scale, '0')}`);
  };
  const d = big(a) - big(b);
  const neg = d < 0n;
  const digits = (neg ? -d : d).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return `${neg ? '-' : ''}${text}`;
}

/**
 * `madeto promise --snapshot S --request R --model M ... [--pricing P]`: promises ship and
 * delivery dates (lead-time.md) and prints the result as JSON. Option swaps are checked with the
 * solver and priced with the pricing engine when `--pricing` is given.
 */
export const run: Command = async ({ args, stdout }) => {
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
      const engine = await loadPricing();
      let pricing: Pricing;
      try {
        pricing = engine.parsePricing(readJson(pricingFile), models);
      } catch (error) {
        if (error instanceof engine.PricingError)
          throw new CliError(`${pricingFile}: ${error.message}`);
        throw error;
      }
      options.priceDelta = pricingDelta(engine, pricing, models, request.now.slice(0, 10));
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
