// The shape of topodoc.config.json (or the "topodoc" key of package.json) after validation and defaults.

import { ASCII_VIEWS } from './schema.js';

export type RuleSetting = 'off' | 'warn' | 'error';
export type Charset = 'unicode' | 'ascii';
export type AsciiView = (typeof ASCII_VIEWS)[number];
export type SvgMode = 'auto' | 'required' | 'off';

export interface TopodocConfig {
  /** Rule id → severity; rules not named keep their default. */
  rules: Record<string, RuleSetting>;
  /** Output directory of `build`, relative to the config file (default `out`). */
  outDir: string;
  ascii: { width: number; charset: Charset };
  /** Which ASCII views the generated document and `render` include (default all). */
  views: AsciiView[];
  svg: {
    mode: SvgMode;
    /** Browser executable; else PUPPETEER_EXECUTABLE_PATH, then chromium/chromium-browser/google-chrome. */
    browser?: string;
    /** Per-diagram render timeout in milliseconds. */
    timeoutMs: number;
  };
  /** Absolute path of the file the config came from; undefined when defaults are used. */
  source?: string;
}

export const DEFAULT_CONFIG: TopodocConfig = {
  rules: {},
  outDir: 'out',
  ascii: { width: 80, charset: 'unicode' },
  views: [...ASCII_VIEWS],
  svg: { mode: 'auto', timeoutMs: 30_000 },
};
