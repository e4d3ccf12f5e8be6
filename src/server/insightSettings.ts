import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_INSIGHT_SETTINGS,
  parseInsightSettings,
  type InsightSettings,
} from '../engine/index.ts';

/**
 * The shop's insight settings from `insights.json` in the catalogue directory
 * (`DEFAULT_INSIGHT_SETTINGS` when there is none), read with the engine's `insightSettingsSchema`.
 * Throws (code `CATALOGUE_UNREADABLE`) naming the file and each problem's JSON path, so a server
 * with a wrong setting does not start.
 *
 * @example
 * loadInsightSettings('public/catalogue').winRate.prior // { won: 1, lost: 1 }
 */
export function loadInsightSettings(dir: string): InsightSettings {
  const file = join(dir, 'insights.json');
  if (!existsSync(file)) return DEFAULT_INSIGHT_SETTINGS;
  const fail = (message: string) =>
    Object.assign(new Error(`${file}: ${message}`), { code: 'CATALOGUE_UNREADABLE' });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw fail((error as Error).message);
  }
  const parsed = parseInsightSettings(json);
  if (!parsed.ok) throw fail(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return parsed.settings;
}
