import { z } from '../zod.ts';
import { LIMITS } from '../limits.ts';

/**
 * The picture of one configured line, as production, the rep's document and the customer's page
 * redraw it without the model: per view its stage and the layer images with their boxes (stage
 * units) and tints, bottom first. An optional addition to orders.md's line (payload version 1
 * stays: readers that do not know it ignore it; `verifyOrder` recomputes it).
 */
export const linePictureSchema = z.strictObject({
  views: z
    .array(
      z.strictObject({
        view: z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength)),
        /** The view's name in the model (`Front`, `From above`), shown beside it on documents. */
        label: z.optional(z.string().check(z.maxLength(LIMITS.textLength))),
        width: z.number().check(z.positive()),
        height: z.number().check(z.positive()),
        layers: z
          .array(
            z.strictObject({
              image: z.string().check(z.minLength(1), z.maxLength(2000)),
              x: z.number(),
              y: z.number(),
              width: z.number(),
              height: z.number(),
              tint: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{3,8}$/))),
            }),
          )
          .check(z.maxLength(1000)),
      }),
    )
    .check(z.maxLength(20)),
});

/** A line's picture (see `linePictureSchema`). */
export type LinePicture = z.output<typeof linePictureSchema>;

export { linePicture } from './linePicture.ts';
