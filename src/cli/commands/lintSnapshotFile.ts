import { readJson } from '../readJson.ts';
import {
  type LintFinding,
  lintSnapshot,
  parseSnapshot,
  SnapshotError,
  type ProductModel,
} from '../../engine/index.ts';

/**
 * The lead-time part of `madeto lint --snapshot S`: the snapshot's own schema and reference
 * problems (code `schema`), then `lintSnapshot` against the models (unknown BOM items, missing
 * work centres, items with no source), each finding naming its file.
 */
export function lintSnapshotFile(
  snapshotFile: string,
  models: readonly ProductModel[],
  modelFiles: readonly string[],
): LintFinding[] {
  const json = readJson(snapshotFile);
  let snapshot;
  try {
    snapshot = parseSnapshot(json);
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    return error.issues.map((i) => ({
      severity: 'error',
      code: 'schema',
      file: snapshotFile,
      path: i.path,
      message: i.message,
    }));
  }
  const files: Record<string, string> = {};
  for (const file of modelFiles) {
    const doc = readJson(file);
    if (doc && typeof doc === 'object' && 'id' in doc && typeof doc.id === 'string')
      files[doc.id] = file;
  }
  return lintSnapshot(snapshot, models, { snapshot: snapshotFile, models: files });
}
