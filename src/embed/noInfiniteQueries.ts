/**
 * What the embed apps have in place of TanStack Query's `infiniteQueryBehavior.js` (`build.ts`
 * resolves it here): `Query` imports it for infinite queries (`useInfiniteQuery`, paged lists),
 * which no widget uses, so the bundler could not leave its paging code out (≈ 0.5 kB gzipped).
 * An infinite query in these builds fails with this message instead of silently misbehaving.
 */
export function infiniteQueryBehavior(): never {
  throw new Error('infinite queries are not part of the Madeto embed build');
}

/** No pages: infinite queries are not part of this build. */
export function hasNextPage(): boolean {
  return false;
}

/** No pages: infinite queries are not part of this build. */
export function hasPreviousPage(): boolean {
  return false;
}
