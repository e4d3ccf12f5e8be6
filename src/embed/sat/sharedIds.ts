/**
 * The modules the apps' SAT fallback file (`madeto-sat.<hash>.js`) takes from the app instead of
 * bundling its own copy: the engine's `SolverError`, whose class the widget's error handling tests
 * (`instanceof`, by `code`). The solver helpers the fallback shares with the diagram (masks,
 * `quickXplain`, repair's ranking, `validate`…) are bundled in the file: the app's copies are
 * tree-shaken to what the diagram uses. `build.ts` leaves the shared ones out of the file;
 * `satModules.ts` hands them over.
 */
export const SAT_SHARED_IDS = ['src/engine/solver/SolverError.ts'] as const;

/** One of `SAT_SHARED_IDS`. */
export type SatSharedId = (typeof SAT_SHARED_IDS)[number];
