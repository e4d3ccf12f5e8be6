/**
 * The German catalogues an embed app left to their own file, by the name the file hands them over
 * under, each with the English catalogue that stands in if the file does not load (filled by
 * `loadCatalogue`). Empty outside the embed apps' builds.
 */
export const deferredCatalogues = new Map<string, { target: object; fallback: object }>();
