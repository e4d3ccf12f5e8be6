/** The embed's version, shown as `Madeto.version` (the package version; replaced at build time). */
export const VERSION: string =
  typeof __MADETO_VERSION__ === 'string' ? __MADETO_VERSION__ : '0.0.0-dev';

declare global {
  /** Set by the embed build (`define`); absent when the sources run unbundled (tests). */
  var __MADETO_VERSION__: string | undefined;
}
