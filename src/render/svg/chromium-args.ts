// The command line topodoc starts Chromium with: puppeteer's defaults for a headless browser (so
// pages render as under puppeteer.launch), topodoc's own flags, and a DevTools pipe.

import { isHeadlessShell } from './browser.js';

/**
 * Chromium flags. --no-sandbox: Chromium's sandbox cannot start as root or in most containers and
 * CI runners (no user namespaces), where topodoc runs; the page it would protect is confined
 * instead (renderer.ts: only Mermaid's own modules load, every other request is aborted, the
 * diagram text renders with Mermaid's strict security level and the SVG is sanitized). The rest
 * keep the browser from calling home.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

/**
 * puppeteer's default arguments for a headless browser (`puppeteer.defaultArgs()` without the
 * headless flag and the first page's URL), so the browser renders as under `puppeteer.launch`;
 * a test compares them with the installed puppeteer's.
 */
export const PUPPETEER_DEFAULT_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
] as const;

/** The command line: the headless shell runs in its own mode, a full Chromium in new headless. */
export function chromiumArguments(executablePath: string, profileDir: string): string[] {
  return [
    ...PUPPETEER_DEFAULT_ARGS,
    isHeadlessShell(executablePath) ? '--headless' : '--headless=new',
    ...CHROMIUM_ARGS,
    '--remote-debugging-pipe',
    `--user-data-dir=${profileDir}`,
    'about:blank',
  ];
}
