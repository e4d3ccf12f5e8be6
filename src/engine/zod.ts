/**
 * The engine's zod: `zod/mini` (tree-shakable, ≈ 18 kB lighter in the browser than `zod`, see
 * embed.md) with the English messages loaded, so every issue reads "Invalid input: expected
 * string, received number" rather than "Invalid input". Import `z` from here, never from `zod`.
 *
 * @example
 * import { z } from '../zod.ts';
 * const Line = z.object({ sku: z.string(), qty: z.int().check(z.positive()) });
 * Line.safeParse({ sku: 1, qty: 0 }).error?.issues[0]?.message; // 'Invalid input: expected string, received number'
 */
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
