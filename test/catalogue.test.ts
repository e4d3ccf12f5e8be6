import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../src/engine/model/parseModel.ts';
import { lintVisuals } from '../src/engine/visuals/lintVisuals.ts';
import { composeView, type ComposedLayer } from '../src/engine/visuals/composeView.ts';
import { deskSelection } from './engine/orders/orderFixture.ts';
import { pictureSelection } from '../src/react/preview/peekStore.ts';
import type { BomLine, ModelDocument } from '../src/engine/model/schema.ts';
import { ModelError, type ModelIssue, type Selection } from '../src/engine/model/types.ts';
import {
  documents,
  index,
  modelOf,
  pricingJson,
  products,
  sitePath,
  snapshotJson,
} from './catalogueFiles.ts';

/**
 * The sample catalogue in public/catalogue: the index, every file it names, and how the files fit
 * together (models ↔ pricing ↔ availability snapshot ↔ images on disk). The engines' verdicts on
 * the same files are in `catalogue-engines.test.ts`.
 */

function issuesOf(json: unknown): ModelIssue[] {
  try {
    parseModel(json);
  } catch (error) {
    if (error instanceof ModelError) return error.issues;
    throw error;
  }
  return [];
}

/** Every BOM line a model can produce: values, number and boolean attributes, the model itself. */
function bomLines(doc: ModelDocument): { line: BomLine; where: string }[] {
  const out: { line: BomLine; where: string }[] = (doc.bom ?? []).map((line) => ({
    line,
    where: 'bom',
  }));
  for (const attr of doc.attributes) {
    if (attr.type === 'number' || attr.type === 'boolean')
      for (const line of attr.bom ?? []) out.push({ line, where: attr.id });
    if (attr.type === 'choice' || attr.type === 'multi')
      for (const v of attr.values)
        for (const line of v.bom ?? []) out.push({ line, where: `${attr.id}=${v.id}` });
  }
  return out;
}

const attributeTypes = ['choice', 'multi', 'number', 'text', 'boolean'] as const;
const constraintKinds = ['rule', 'allowed', 'forbidden'] as const;

describe('catalogue index', () => {
  it('lists the three sample products with distinct ids', () => {
    expect(products).toEqual(['DESK', 'BIKE', 'SOFA']);
  });

  it.each(index.products)('$id: the model file carries the id and image the index names', (p) => {
    const doc = documents.get(p.id)!;
    expect(doc.id).toBe(p.id);
    expect(doc.image).toBe(p.image);
  });
});

/**
 * What each model marks `hiddenIn` a view (no layer there by intent, which the picture lint then
 * accepts): from above, a desk's top hides its feet (the frame's plan layers draw them), drive and
 * cable tray and the accessories under it (the monitor arms stand on it and are drawn), and a
 * sofa's seats hide its legs.
 */
const HIDDEN_IN_A_VIEW: Record<string, string[]> = {
  DESK: [
    'legStyle top',
    'drive top',
    'cableTray top',
    'accessories=cpu-holder top',
    'accessories=cable-spine top',
    'accessories=drawer top',
    'accessories=power-strip top',
    'accessories=castors top',
  ],
  SOFA: ['legFinish top'],
};

describe.each(products)('model %s', (id) => {
  const doc = documents.get(id)!;

  it('parses with no issues', () => {
    expect(issuesOf(doc)).toEqual([]);
  });

  it.each(attributeTypes)('has a %s attribute', (type) => {
    expect(doc.attributes.some((a) => a.type === type)).toBe(true);
  });

  it.each(constraintKinds)('has a %s constraint', (kind) => {
    const all = [
      ...(doc.constraints ?? []),
      ...(doc.modules ?? []).flatMap((m) => m.constraints ?? []),
    ];
    const found = all.some((c) =>
      kind === 'rule' ? c.rule !== undefined : c.table?.[kind] !== undefined,
    );
    expect(found).toBe(true);
  });

  it('has BOM lines on every choice and multi value', () => {
    const bare = doc.attributes.flatMap((a) =>
      a.type === 'choice' || a.type === 'multi'
        ? a.values.filter((v) => (v.bom ?? []).length === 0).map((v) => `${a.id}=${v.id}`)
        : [],
    );
    expect(bare).toEqual([]);
  });

  it('has a relevantWhen attribute and swatches', () => {
    expect(doc.attributes.some((a) => a.relevantWhen !== undefined)).toBe(true);
    const swatches = doc.attributes.flatMap((a) =>
      a.type === 'choice' || a.type === 'multi' ? a.values.filter((v) => v.swatch) : [],
    );
    expect(swatches.length).toBeGreaterThanOrEqual(4);
  });

  it('names only images that exist on disk', () => {
    const images = [
      doc.image,
      ...doc.attributes.flatMap((a) =>
        a.type === 'choice' || a.type === 'multi' ? a.values.map((v) => v.image) : [],
      ),
    ].filter((p): p is string => p !== undefined);
    expect(images.length).toBeGreaterThan(1);
    expect(images.filter((p) => !existsSync(sitePath(p)))).toEqual([]);
  });

  it('lints its pictures clean: every layer file on disk, a layer per value in each view, none never shown', () => {
    const findings = lintVisuals(parseModel(doc), { imageExists: (p) => existsSync(sitePath(p)) });
    expect(findings.map((f) => `${f.code} ${f.path}: ${f.message}`)).toEqual([]);
  });

  it('marks hidden in a view exactly the parts that view cannot see', () => {
    const marked = doc.attributes.flatMap((a) => [
      ...('hiddenIn' in a ? (a.hiddenIn ?? []) : []).map((v) => `${a.id} ${v}`),
      ...('values' in a ? a.values : []).flatMap((value) =>
        (value.hiddenIn ?? []).map((v) => `${a.id}=${value.id} ${v}`),
      ),
    ]);
    expect(marked).toEqual(HIDDEN_IN_A_VIEW[id] ?? []);
  });

  it('has every BOM item, and every make item’s parts, in the availability snapshot', () => {
    const items = snapshotJson.items as Record<string, { bom?: BomLine[] }>;
    const missing = bomLines(doc)
      .filter(({ line }) => !(line.item in items))
      .map(({ line, where }) => `${where}: ${line.item}`);
    for (const { line } of bomLines(doc))
      for (const sub of items[line.item]?.bom ?? [])
        if (!(sub.item in items)) missing.push(`${line.item}: ${sub.item}`);
    expect(missing).toEqual([]);
  });

  it('runs on a plant and work centres of the snapshot', () => {
    expect(Object.keys(snapshotJson.plants)).toContain(doc.plantId);
    const centres = (doc.routing ?? []).map((op) => op.workCenter);
    expect(centres.filter((wc) => !(wc in snapshotJson.workCenters))).toEqual([]);
  });

  it('prices every value and every number attribute in the EUR list book', () => {
    const model = modelOf(id);
    const book = (pricingJson.priceBooks as any[]).find((b) => b.id === 'EUR-LIST-2026');
    expect(book.products[id]?.list).toMatch(/^\d+\.\d{2}$/);
    const adjustments = (book.adjustments as any[]).filter((a) => a.product === id);
    const priced = (attr: string, value: unknown) =>
      adjustments.some(
        (a) => a.attribute === attr && a.value === value && ['amount', 'percent'].includes(a.type),
      );
    const unpriced: string[] = [];
    for (const attr of model.attributes) {
      switch (attr.type) {
        case 'choice':
        case 'multi':
          for (const v of attr.values)
            if (!priced(attr.id, v.id)) unpriced.push(`${attr.id}=${v.id}`);
          break;
        case 'boolean':
          if (!priced(attr.id, true)) unpriced.push(`${attr.id}=true`);
          break;
        case 'number':
          if (!adjustments.some((a) => a.attribute === attr.id && a.type === 'amountTimesValue'))
            unpriced.push(attr.id);
          break;
        case 'text':
          break;
        default:
          attr satisfies never;
      }
    }
    expect(unpriced).toEqual([]);
  });
});

/** WCAG contrast ratio of two `#rrggbb` colours (1 … 21). */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((k) => {
      const c = parseInt(hex.slice(k, k + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('bike: the e-assist battery in the front view', () => {
  it('its cover stands out (3:1) against every frame colour: a dark body, a light edge', () => {
    const bike = documents.get('BIKE') as ModelDocument;
    const colour = bike.attributes.find((a) => a.id === 'colour')!;
    const swatches = 'values' in colour ? colour.values.map((v) => [v.id, v.swatch!]) : [];
    expect(swatches.length).toBeGreaterThan(5);
    const weak: string[] = [];
    for (const file of ['front-battery-internal.svg', 'front-battery-extender.svg']) {
      const svg = readFileSync(sitePath(`/catalogue/img/bike/${file}`), 'utf8');
      // The cover's outline: the first shape drawn, its fill and its stroke.
      const cover = /<rect\b[^>]*>/.exec(svg)![0];
      const colours = [...cover.matchAll(/\b(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)].map(
        (m) => m[1]!,
      );
      for (const [id, swatch] of swatches) {
        const best = Math.max(...colours.map((c) => contrast(c, swatch!)));
        if (best < 3) weak.push(`${file} on ${id} (${best.toFixed(2)}:1)`);
      }
    }
    expect(weak).toEqual([]);
  });
});

describe('bike: the e-assist battery in the side view', () => {
  const bike = documents.get('BIKE') as ModelDocument;
  /**
   * Every pack a drawing shows as an outline stroke with its body along the same segment (the
   * battery's cover; the range extender's pack too): each segment, outline width and colours.
   */
  const packsOf = (file: string) => {
    const svg = readFileSync(sitePath(`/catalogue/img/bike/${file}`), 'utf8');
    const packs = [
      ...svg.matchAll(
        /<path d="M([\d.]+) ([\d.]+) L([\d.]+) ([\d.]+)" stroke="(#[0-9a-f]{6})" stroke-width="([\d.]+)"[^>]*\/><path d="M\1 \2 L\3 \4" stroke="(#[0-9a-f]{6})"/g,
      ),
    ].map((m) => {
      const [x1, y1, x2, y2, , width] = m.slice(1, 7).map(Number) as number[];
      return { a: [x1!, y1!], b: [x2!, y2!], width: width!, colours: [m[5]!, m[7]!] };
    });
    expect(
      packs.length,
      `${file}: an outline stroke, then the cover's body along the same segment`,
    ).toBeGreaterThan(0);
    return packs;
  };
  /** The distance from point p to the segment a–b. */
  const distance = (p: number[], a: number[], b: number[]) => {
    const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
    const t = Math.max(
      0,
      Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy)),
    );
    return Math.hypot(p[0]! - a[0]! - t * dx, p[1]! - a[1]! - t * dy);
  };
  const files = [
    ['battery-internal.svg', 1],
    ['battery-extender.svg', 2],
  ] as const;

  it.each(files)(
    '%s: each pack (the cover; the range extender) sits clear of both tyres at the widest tyre of each wheel size',
    (file, count) => {
      const packs = packsOf(file);
      expect(packs.length).toBe(count);
      const tyreWidth = bike.attributes.find((a) => a.id === 'tyreWidth')!;
      const widest = tyreWidth.type === 'number' ? tyreWidth.max : NaN;
      const wheelSize = bike.attributes.find((a) => a.id === 'wheelSize')!;
      const tyres = ('values' in wheelSize ? wheelSize.values : []).flatMap((v) =>
        (v.layers ?? []).filter((l) => l.view === 'side' && l.image.endsWith('/tyre.svg')),
      );
      expect(tyres.length).toBe(4);
      for (const t of tyres)
        for (const [i, pack] of packs.entries()) {
          const size = t.width as { offset: number; scale: number };
          const radius = (size.offset + size.scale * widest) / 2;
          const clear = distance([t.x as number, t.y as number], pack.a, pack.b) - pack.width / 2;
          expect(clear, `pack ${i + 1}, tyre at ${t.x},${t.y}`).toBeGreaterThan(radius);
        }
    },
  );

  it('the range extender takes the seat tube bottle cage: that bottle is not drawn with it', () => {
    const model = parseModel(bike);
    const defaults = Object.fromEntries(
      bike.attributes.flatMap((a) =>
        'default' in a && a.default !== undefined ? [[a.id, a.default]] : [],
      ),
    ) as Selection;
    const side = (battery: string) =>
      composeView(
        model,
        { ...defaults, eAssist: true, battery, accessories: ['bottle-cages'] },
        'side',
      )!.layers.map((l) => l.image.replace('/catalogue/img/bike/', ''));
    expect(side('internal-236')).toEqual(
      expect.arrayContaining(['acc-bottle.svg', 'acc-bottle-seat.svg']),
    );
    expect(side('range-extender')).toContain('acc-bottle.svg');
    expect(side('range-extender')).not.toContain('acc-bottle-seat.svg');
  });

  it.each(files)('%s: each pack stands out (3:1) against every frame colour', (file) => {
    const colour = bike.attributes.find((a) => a.id === 'colour')!;
    const swatches = 'values' in colour ? colour.values.map((v) => [v.id, v.swatch!]) : [];
    for (const { colours } of packsOf(file)) {
      const weak = swatches.filter(
        ([, swatch]) => Math.max(...colours.map((c) => contrast(c, swatch!))) < 3,
      );
      expect(weak).toEqual([]);
    }
  });
});

describe('desk: the monitor arms from above', () => {
  it.each([
    ['monitor-arm', 'plan-monitor-single.svg', 600],
    ['monitor-arm', 'plan-monitor-single.svg', 900],
    ['dual-monitor-arm', 'plan-monitor-dual.svg', 600],
    ['dual-monitor-arm', 'plan-monitor-dual.svg', 900],
  ])(
    '%s: drawn over the top, clamped at its back edge, inside the stage (depth %i)',
    (arm, file, depth) => {
      const desk = modelOf('DESK');
      const top = composeView(desk, { ...deskSelection, depth, accessories: [arm] }, 'top')!;
      const board = top.layers.find((l) => l.image.includes('plan-top-'))!;
      const drawn = top.layers.find((l) => l.image.endsWith(`/${file}`));
      expect(drawn, top.layers.map((l) => l.image).join(', ')).toBeDefined();
      expect(drawn!.z).toBeGreaterThan(board.z);
      // The clamp overhangs the back edge a little; the screens stand on the top.
      expect(drawn!.y).toBeLessThan(board.y);
      expect(drawn!.y).toBeGreaterThan(board.y - 20);
      expect(drawn!.y + drawn!.height).toBeLessThan(board.y + board.height);
      expect(drawn!.x).toBeGreaterThanOrEqual(0);
      expect(drawn!.x + drawn!.width).toBeLessThanOrEqual(top.view.width);
    },
  );

  const widths = Array.from({ length: 11 }, (_, i) => 1000 + 100 * i);
  it.each([
    ['monitor-arm', 'monitor-single.svg', 'front'],
    ['monitor-arm', 'plan-monitor-single.svg', 'top'],
    ['dual-monitor-arm', 'monitor-dual.svg', 'front'],
    ['dual-monitor-arm', 'plan-monitor-dual.svg', 'top'],
  ])(
    "%s: within the top from side to side at every width, 1000–2000 mm, below the stage's top edge (%s, %s view)",
    (arm, file, view) => {
      const desk = modelOf('DESK');
      const overhangs: string[] = [];
      for (const width of widths) {
        const drawn = composeView(desk, { ...deskSelection, width, accessories: [arm] }, view)!;
        const board = drawn.layers.find((l) => /\/(plan-)?top-[a-z]+\.svg$/.test(l.image))!;
        const arms = drawn.layers.filter((l) => l.image.endsWith(`/${file}`));
        expect(arms, `${width} mm`).toHaveLength(1);
        const a = arms[0]!;
        // In front, clear of the stage's top edge too (the screens stood against it).
        if (view === 'front' && a.y < 10) overhangs.push(`${width} mm: top at ${a.y}`);
        if (a.x < board.x || a.x + a.width > board.x + board.width)
          overhangs.push(
            `${width} mm: ${a.x}–${a.x + a.width} on a top ${board.x}–${board.x + board.width}`,
          );
      }
      expect(overhangs).toEqual([]);
    },
  );

  it.each([
    ['drawer', 'drawer'],
    ['power-strip', 'power-strip'],
    ['cpu-holder', 'cpu-holder'],
    ['cable-spine', 'cable-spine'],
  ])(
    '%s: between the columns in front at every width, 1000–2000 mm, on either frame',
    (accessory, drawing) => {
      const desk = modelOf('DESK');
      const overlaps: string[] = [];
      for (const frame of ['steel', 'aluminium'])
        for (const width of widths) {
          const front = composeView(
            desk,
            { ...deskSelection, frame, width, accessories: [accessory] },
            'front',
          )!;
          const columns = front.layers.filter((l) => /\/column-[a-z]+\.svg$/.test(l.image));
          expect(columns).toHaveLength(2);
          const [left, right] = columns.sort((a, b) => a.x - b.x) as [ComposedLayer, ComposedLayer];
          const drawn = front.layers.filter((l) => l.image.includes(`/${drawing}`));
          expect(drawn, `${frame} ${width} mm`).toHaveLength(1);
          const d = drawn[0]!;
          if (d.x < left.x + left.width || d.x + d.width > right.x)
            overlaps.push(
              `${frame} ${width} mm: ${d.x}–${d.x + d.width} between ${left.x + left.width} and ${right.x}`,
            );
        }
      expect(overlaps).toEqual([]);
    },
  );

  it('the power strip is left out in front exactly where the drawer would hide it whole', () => {
    const desk = modelOf('DESK');
    const front = (width: number, accessories: string[]) =>
      composeView(desk, { ...deskSelection, width, accessories }, 'front')!.layers;
    const strip = (layers: ComposedLayer[]) => layers.find((l) => l.image.includes('/power-strip'));
    for (const width of widths) {
      const alone = strip(front(width, ['power-strip']))!;
      const both = front(width, ['drawer', 'power-strip']);
      const drawer = both.find((l) => l.image.includes('/drawer'))!;
      const hidden =
        alone.x >= drawer.x &&
        alone.x + alone.width <= drawer.x + drawer.width &&
        alone.y >= drawer.y &&
        alone.y + alone.height <= drawer.y + drawer.height &&
        drawer.z > alone.z;
      expect(strip(both) === undefined, `${width} mm`).toBe(hidden);
    }
  });

  it('the accessories under the top are not drawn from above (marked hidden there)', () => {
    const desk = modelOf('DESK');
    const under = ['cpu-holder', 'cable-spine', 'drawer', 'power-strip'];
    const plain = composeView(desk, deskSelection, 'top')!.layers.map((l) => l.image);
    const withAll = composeView(desk, { ...deskSelection, accessories: under }, 'top')!;
    expect(withAll.layers.map((l) => l.image)).toEqual(plain);
  });
});

describe('sofa: the picture stays on its stage', () => {
  it.each([2, 3, 4, 5])(
    '%i seats with both armrests and every extra: every part (but the shadow) inside each view, every module',
    (count) => {
      const sofa = modelOf('SOFA');
      const outside: string[] = [];
      for (const seatType of ['standard', 'chaise', 'recliner', 'corner']) {
        const selection: Record<string, Selection[string]> = {
          'seat.count': count,
          arms: 'both',
          extras: ['scatter-pillows', 'bolsters', 'ottoman'],
        };
        for (let i = 1; i <= count; i++) selection[`seat[${i}].seatType`] = seatType;
        for (const view of sofa.visuals!.views) {
          const drawn = composeView(sofa, pictureSelection(sofa, selection), view.id)!;
          for (const l of drawn.layers)
            if (
              !l.image.includes('shadow') &&
              (l.x < 0 || l.y < 0 || l.x + l.width > view.width || l.y + l.height > view.height)
            )
              outside.push(
                `${seatType} ${view.id}: ${l.image} at ${l.x},${l.y} ${l.width}×${l.height}`,
              );
        }
      }
      expect(outside).toEqual([]);
    },
  );
});

describe('sofa: a repeated seat module', () => {
  it('expands 2–5 seats with per-instance constraints', () => {
    const sofa = modelOf('SOFA');
    expect(sofa.attributes.find((a) => a.id === 'seat.count')).toMatchObject({ min: 2, max: 5 });
    expect(sofa.attributes.filter((a) => a.instanceOf?.attribute === 'seatType')).toHaveLength(5);
    expect(sofa.constraints.filter((c) => c.id.startsWith('recliner-headrest['))).toHaveLength(5);
  });

  it('offers at least twelve covers (a dropdown in the widget)', () => {
    const fabric = documents.get('SOFA')!.attributes.find((a) => a.id === 'fabric');
    expect(fabric?.type === 'choice' ? fabric.values.length : 0).toBeGreaterThanOrEqual(12);
  });
});

describe('availability snapshot', () => {
  const items = snapshotJson.items as Record<string, any>;

  it('has at least one make item with its own BOM and routing', () => {
    const makes = Object.values(items).filter((i) => i.makeOrBuy === 'make');
    expect(makes.length).toBeGreaterThan(0);
    for (const m of makes) {
      expect(m.bom.length).toBeGreaterThan(0);
      expect(m.routing.length).toBeGreaterThan(0);
    }
  });

  it('buys every buy item from at least one supplier', () => {
    const orphans = Object.entries(items)
      .filter(([, i]) => i.makeOrBuy === 'buy' && (i.suppliers ?? []).length === 0)
      .map(([k]) => k);
    expect(orphans).toEqual([]);
  });

  it('refers only to known items, calendars and work centres', () => {
    const unknown: string[] = [];
    for (const key of Object.keys(snapshotJson.stock))
      if (!(key in items)) unknown.push(`stock ${key}`);
    for (const po of snapshotJson.inbound)
      if (!(po.item in items)) unknown.push(`inbound ${po.id}`);
    for (const c of snapshotJson.commitments)
      if (!(c.item in items)) unknown.push(`commitment ${c.id}`);
    for (const [id, plant] of Object.entries<any>(snapshotJson.plants)) {
      if (!(plant.calendarId in snapshotJson.calendars)) unknown.push(`plant ${id} calendar`);
      if (!(plant.carrier.calendarId in snapshotJson.calendars))
        unknown.push(`plant ${id} carrier`);
    }
    for (const [id, item] of Object.entries(items))
      for (const op of item.routing ?? [])
        if (!(op.workCenter in snapshotJson.workCenters)) unknown.push(`${id} ${op.op}`);
    expect(unknown).toEqual([]);
  });

  it('has an overdue inbound purchase order', () => {
    const today = String(snapshotJson.snapshotAt).slice(0, 10);
    expect(snapshotJson.inbound.some((po: any) => !po.received && po.expected < today)).toBe(true);
  });
});
