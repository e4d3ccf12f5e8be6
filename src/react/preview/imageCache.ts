/**
 * Layer images, each fetched and decoded once per page (module-level: every widget on the page and
 * every view switch share them). A failed image is remembered too: the picture is drawn without
 * it instead of waiting forever.
 */
const cache = new Map<string, Promise<boolean>>();
/** Images whose load has finished (either way). */
const settled = new Set<string>();

/** Resolves `true` once `url` is decoded (ready to paint), `false` if it failed to load. */
export function loadImage(url: string): Promise<boolean> {
  let entry = cache.get(url);
  if (!entry) {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    entry = img.decode().then(
      () => true,
      () => false,
    );
    entry.finally(() => settled.add(url));
    cache.set(url, entry);
  }
  return entry;
}

/** Whether every image of `urls` has finished loading (no wait, no skeleton). */
export function allLoaded(urls: readonly string[]): boolean {
  return urls.every((u) => settled.has(u));
}

/** Loads all `urls`; resolves when each has loaded or failed. */
export async function loadAll(urls: readonly string[]): Promise<void> {
  await Promise.all(urls.map(loadImage));
}
