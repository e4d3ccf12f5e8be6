import {
  DEFAULT_INSIGHT_SETTINGS,
  parseInsightSettings,
  type InsightSettings,
} from '../engine/index.ts';
import { readCatalogueFile } from './catalogueFile.ts';

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
  return readCatalogueFile(dir, 'insights.json', DEFAULT_INSIGHT_SETTINGS, (json) => {
    const parsed = parseInsightSettings(json);
    return parsed.ok ? { ok: true, value: parsed.settings } : parsed;
  });
}
