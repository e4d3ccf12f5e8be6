import { describe, expect, it } from 'vitest';
import {
  linePicture,
  parseOrderPayload,
  verifyOrder,
  type OrderPayload,
} from '../../../src/engine/index.ts';
import { desk, deskOrder, deskSelection, models, pricing } from './orderFixture.ts';

const fresh = (): OrderPayload => structuredClone(deskOrder());

describe('the line picture in the order payload', () => {
  it("buildOrderPayload carries every view of the desk, with the selection's layers", () => {
    const picture = fresh().lines[0]!.picture!;
    expect(picture.views.map((v) => [v.view, v.label])).toEqual([
      ['front', 'Front'],
      ['top', 'From above'],
    ]);
    const front = picture.views[0]!;
    expect(front).toMatchObject({ width: 800, height: 560 });
    const images = front.layers.map((l) => l.image);
    const top = String(deskSelection['topMaterial']);
    expect(images).toContain(`/catalogue/img/desk/top-${top}.svg`);
    expect(picture).toEqual(linePicture(desk, deskSelection));
  });

  it('the payload with its picture parses (payload version 1 is kept)', () => {
    const parsed = parseOrderPayload(JSON.parse(JSON.stringify(fresh())));
    expect(parsed.ok).toBe(true);
    expect(fresh().payloadVersion).toBe(1);
  });

  it('a payload without a picture (an older client) is still verified', () => {
    const p = fresh();
    delete p.lines[0]!.picture;
    expect(verifyOrder(models, pricing, undefined, p).differences).toEqual([]);
  });

  it("a picture without the views' names (a client from before they were sent) is still verified", () => {
    const p = fresh();
    for (const v of p.lines[0]!.picture!.views) delete v.label;
    expect(verifyOrder(models, pricing, undefined, p).differences).toEqual([]);
  });

  it.each([
    [
      'a view named otherwise',
      (p: OrderPayload) => (p.lines[0]!.picture!.views[1]!.label = 'Call 555-0100 for a discount'),
    ],
    [
      'a foreign image',
      (p: OrderPayload) =>
        (p.lines[0]!.picture!.views[0]!.layers[0]!.image = 'https://evil.example/x.png'),
    ],
    ['a layer dropped', (p: OrderPayload) => p.lines[0]!.picture!.views[0]!.layers.pop()],
    ['a moved box', (p: OrderPayload) => (p.lines[0]!.picture!.views[1]!.layers[0]!.x += 1)],
  ])('%s is rejected as picture-mismatch at the line', (_name, edit) => {
    const p = fresh();
    edit(p);
    const v = verifyOrder(models, pricing, undefined, p);
    expect(v.status).toBe('rejected');
    expect(v.differences.map((d) => [d.code, d.path])).toEqual([
      ['picture-mismatch', '$.lines[0].picture'],
    ]);
  });

  it('an unknown key inside the picture is refused by the schema, with its path', () => {
    const p = JSON.parse(JSON.stringify(fresh()));
    p.lines[0].picture.views[0].camera = 'iso';
    const parsed = parseOrderPayload(p);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues).toContainEqual(
        expect.objectContaining({ path: '$.lines[0].picture.views[0]' }),
      );
  });
});
