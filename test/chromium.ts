import type { Browser } from 'playwright';

/** Debian's Chromium (`apt-get install chromium`); no browser download happens anywhere. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Flags for headless Chromium here: without the network ones it hangs on refused connections
 * (background networking, component updates, sync).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches that Chromium through Playwright (the end-to-end tests). Playwright is imported here,
 * not at the top, so vite.config.ts can read the constants without loading it.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
