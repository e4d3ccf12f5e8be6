import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../catalogue.ts';
import { HttpError } from '../httpError.ts';

/**
 * The public read endpoints: `GET /api/catalogue`, `/api/models/:id`, `/api/pricing` (the files
 * the widget loads, from the catalogue the server verifies with). Availability is fed and served
 * by `availabilityRoutes` (seeded from the catalogue's `availability.json`).
 */
export function catalogueRoutes(app: FastifyInstance, catalogue: Catalogue): void {
  app.get('/api/catalogue', async () => catalogue.index);
  app.get<{ Params: { id: string } }>('/api/models/:id', async (request) => {
    const json = catalogue.modelJson.get(request.params.id);
    if (json === undefined)
      throw new HttpError(
        404,
        'MODEL_NOT_FOUND',
        `no product model '${request.params.id}' (models: ${[...catalogue.modelJson.keys()].join(', ')})`,
      );
    return json;
  });
  app.get('/api/pricing', async () => catalogue.pricingJson);
}
