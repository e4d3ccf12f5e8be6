import { page } from 'vitest/browser';

/** The element's pixels as Chromium paints them (an element screenshot, decoded in the page). */
export async function pixelsOf(element: Element): Promise<ImageData> {
  const base64 = await page.screenshot({ element, save: false, base64: true });
  const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** How many pixels differ (any channel by more than 8) between two same-sized pictures. */
export function differingPixels(a: ImageData, b: ImageData): number {
  if (a.width !== b.width || a.height !== b.height)
    return Math.max(a.data.length, b.data.length) / 4;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (
      Math.abs(a.data[i]! - b.data[i]!) > 8 ||
      Math.abs(a.data[i + 1]! - b.data[i + 1]!) > 8 ||
      Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 8
    )
      n++;
  return n;
}
