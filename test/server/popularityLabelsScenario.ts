import { expect } from 'vitest';
import { MANAGER_TOKEN } from './serverProcess.ts';

type Json = Record<string, unknown>;

/** Completed shop configurations of `productId` in June 2025 (no other scenario's month). */
const completions = (batchId: string, productId: string, selections: Json[]) => ({
  batchId,
  events: selections.map((selection, i) => ({
    type: 'completed',
    at: `2025-06-0${i + 1}T09:00:00Z`,
    session: `sess-labels-${productId}-${i}`,
    productId,
    channel: 'shop',
    selection,
    promisedDays: 14,
  })),
});

/**
 * Option popularity of number and boolean attributes in the model's words, in the API and its
 * CSV, on a running server (SQLite or PostgreSQL), counted by hand. Three desks: width 1600 mm
 * twice and 1200 mm once, the cable tray (a boolean) chosen twice and left off once; two bikes:
 * tyres 35 mm both, the e-assist (a boolean) off both. Before the labels a number read "1600"
 * and a boolean "true" / "false".
 */
export async function popularityLabelsScenario(base: string): Promise<void> {
  const post = async (body: unknown) =>
    (
      await fetch(`${base}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).status;
  const get = async (path: string) => {
    const r = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${MANAGER_TOKEN}` },
    });
    expect(r.status).toBe(200);
    return r;
  };
  expect(
    await post(
      completions('batch-labels-desk', 'DESK', [
        { frame: 'steel', width: 1600, cableTray: true },
        { frame: 'steel', width: 1600, cableTray: false },
        { frame: 'steel', width: 1200, cableTray: true },
      ]),
    ),
  ).toBe(201);
  expect(
    await post(
      completions('batch-labels-bike', 'BIKE', [
        { tyreWidth: 35, eAssist: false },
        { tyreWidth: 35, eAssist: false },
      ]),
    ),
  ).toBe(201);

  const june = 'from=2025-06-01&to=2025-06-30&channel=shop';
  const rows = async (productId: string) =>
    (
      (
        (await (
          await get(`/api/insights/popularity?${june}&productId=${productId}`)
        ).json()) as Json
      )['rows'] as Json[]
    ).map((r) => [r['attributeLabel'], r['value'], r['valueLabel'], r['count'], r['share']]);
  expect(await rows('DESK')).toEqual([
    ['Cable tray under the top', 'true', 'yes', 2, 0.6667],
    ['Cable tray under the top', 'false', 'no', 1, 0.3333],
    ['Frame', 'steel', 'Steel, 3-stage columns', 3, 1],
    ['Width', '1600', '1600 mm', 2, 0.6667],
    ['Width', '1200', '1200 mm', 1, 0.3333],
  ]);
  expect(await rows('BIKE')).toEqual([
    ['MAHLE X20 e-assist', 'false', 'no', 2, 1],
    ['Tyre width', '35', '35 mm', 2, 1],
  ]);

  // The CSV the dashboard downloads: the same words beside the stored values.
  const csv = await (
    await get(`/api/insights/popularity?${june}&productId=DESK&format=csv`)
  ).text();
  expect(csv.split('\r\n')).toEqual([
    'productId,attributeId,attributeLabel,value,valueLabel,count,share,firstDay,lastDay',
    'DESK,cableTray,Cable tray under the top,true,yes,2,0.6667,2025-06-01,2025-06-03',
    'DESK,cableTray,Cable tray under the top,false,no,1,0.3333,2025-06-02,2025-06-02',
    'DESK,frame,Frame,steel,"Steel, 3-stage columns",3,1,2025-06-01,2025-06-03',
    'DESK,width,Width,1600,1600 mm,2,0.6667,2025-06-01,2025-06-02',
    'DESK,width,Width,1200,1200 mm,1,0.3333,2025-06-03,2025-06-03',
    '',
  ]);
}
