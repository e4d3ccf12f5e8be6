import { parseArgs, single } from '../args.ts';
import { CliError, EXIT } from '../CliError.ts';
import { readJson } from '../readJson.ts';
import type { Command } from '../main.ts';
import { parseModel, ModelError, parsePricing, price, PricingError } from '../../engine/index.ts';

/**
 * `madeto price --pricing P --request R [--model M ...]`: prices a request (pricing.md) and prints
 * the result as JSON. Products without a model are priced from the price book alone. An invalid
 * file prints every problem with the file and its JSON path (exit 1); a missing option exits 2.
 */
export const run: Command = ({ args, stdout }) => {
  const parsed = parseArgs(args, { valued: ['pricing', 'request', 'model'] });
  const pricingFile = single(parsed, 'pricing');
  const requestFile = single(parsed, 'request');
  if (!pricingFile || !requestFile || parsed.positionals.length > 0)
    throw new CliError('usage: madeto price --pricing P --request R [--model M ...]', EXIT.usage);

  const models = (parsed.options.get('model') ?? []).map((file) => {
    try {
      return parseModel(readJson(file));
    } catch (error) {
      if (error instanceof ModelError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
  });
  const read = <T>(file: string, parse: (json: unknown) => T): T => {
    try {
      return parse(readJson(file));
    } catch (error) {
      if (error instanceof PricingError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
  };
  const pricing = read(pricingFile, (json) => parsePricing(json, models));
  const result = read(requestFile, (json) => price(json, { pricing, models }));
  stdout(JSON.stringify(result, null, 2));
  return EXIT.ok;
};
