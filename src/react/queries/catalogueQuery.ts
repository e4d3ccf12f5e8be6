import { queryOptions } from '@tanstack/react-query';
import { z } from '../../engine/zod.ts';
import { fetchJson } from './fetchJson.ts';

/** The catalogue index (public/catalogue/index.json): the products and where their data lives. */
export const catalogueSchema = z.object({
  products: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.optional(z.string()),
        model: z.string(),
        image: z.optional(z.string()),
      }),
    )
    .check(z.minLength(1)),
  pricing: z.optional(z.string()),
  availability: z.optional(z.string()),
});

export type Catalogue = z.output<typeof catalogueSchema>;

/** The react-query options for the catalogue index at `url`, parsed with zod at the boundary. */
export function catalogueQuery(url: string) {
  return queryOptions({
    queryKey: ['madeto', 'catalogue', url],
    queryFn: async ({ signal }) => catalogueSchema.parse(await fetchJson(url, signal)),
    staleTime: 5 * 60_000,
  });
}
