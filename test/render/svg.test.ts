// The SVG stage without a browser: browser discovery, the sanitizer, the cache key, and the
// finishing of serialized markup (cache-key first line, LF, one final newline).

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BROWSER_INSTALL_HINT,
  findBrowser,
  isHeadlessShell,
  lookUpBrowser,
} from '../../src/render/svg/browser.js';
import {
  MERMAID_VERSION,
  readSvgCacheKey,
  svgCacheKey,
  withCacheKey,
} from '../../src/render/svg/cache-key.js';
import { MERMAID_CONFIG } from '../../src/render/svg/page-script.js';
import {
  finishSvg,
  mermaidModuleFile,
  refuseOversizedDiagram,
  SvgRenderError,
} from '../../src/render/svg/renderer.js';
import { findUnsafeSvg, sanitizeSvg } from '../../src/render/svg/safe-svg.js';

const temp = mkdtempSync(join(tmpdir(), 'topodoc-svg-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A file in a fresh folder, executable unless told otherwise. */
function fakeFile(folder: string, name: string, executable = true): string {
  const dir = join(temp, folder);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

describe('findBrowser', () => {
  const onPath = fakeFile('path-a', 'chromium');
  const pathA = join(temp, 'path-a');

  it('prefers the configured path, then PUPPETEER_EXECUTABLE_PATH, then PATH', () => {
    const configured = fakeFile('config', 'my-chrome');
    const fromEnv = fakeFile('env', 'env-chrome');
    const env = { PATH: pathA, PUPPETEER_EXECUTABLE_PATH: fromEnv };
    expect(findBrowser({ browser: configured }, env)).toBe(configured);
    expect(findBrowser({}, env)).toBe(fromEnv);
    expect(findBrowser({}, { PATH: pathA })).toBe(onPath);
  });

  it('skips an explicit path that is missing or not executable', () => {
    const notExecutable = fakeFile('plain', 'chrome', false);
    const env = { PATH: pathA, PUPPETEER_EXECUTABLE_PATH: join(temp, 'missing') };
    expect(findBrowser({ browser: notExecutable }, env)).toBe(onPath);
    expect(findBrowser({ browser: join(temp, 'config') }, env)).toBe(onPath);
  });

  it('names each explicit setting it skipped, up to the first usable one', () => {
    const notExecutable = fakeFile('plain', 'chrome', false);
    const missing = join(temp, 'missing');
    expect(lookUpBrowser({ browser: notExecutable }, { PUPPETEER_EXECUTABLE_PATH: missing }).skipped).toEqual(
      [
        `the config key svg.browser names ${notExecutable}, which is not an executable file, so it was not used`,
        `PUPPETEER_EXECUTABLE_PATH names ${missing}, which is not an executable file, so it was not used`,
      ],
    );
    expect(lookUpBrowser({ browser: onPath }, { PUPPETEER_EXECUTABLE_PATH: missing }).skipped).toEqual([]);
    expect(lookUpBrowser({}, { PATH: pathA }).skipped).toEqual([]);
  });

  it('looks for a headless shell, then chromium, chromium-browser and google-chrome on PATH, in that order', () => {
    const chrome = fakeFile('path-b', 'google-chrome');
    const chromiumBrowser = fakeFile('path-c', 'chromium-browser');
    const pathB = join(temp, 'path-b');
    const pathC = join(temp, 'path-c');
    expect(findBrowser({}, { PATH: [pathB, pathC].join(delimiter) })).toBe(chromiumBrowser);
    expect(findBrowser({}, { PATH: pathB })).toBe(chrome);
    expect(findBrowser({}, { PATH: [pathB, pathA].join(delimiter) })).toBe(onPath);
    const chromeShell = fakeFile('path-d', 'chrome-headless-shell');
    const chromiumShell = fakeFile('path-e', 'chromium-headless-shell');
    const pathD = join(temp, 'path-d');
    const pathE = join(temp, 'path-e');
    expect(findBrowser({}, { PATH: [pathA, pathD].join(delimiter) })).toBe(chromeShell);
    expect(findBrowser({}, { PATH: [pathA, pathD, pathE].join(delimiter) })).toBe(chromiumShell);
  });

  it("starts a headless shell in puppeteer's shell mode, judged by its file name", () => {
    expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/opt/chrome-headless-shell/linux-131/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('C:\\shell\\chrome-headless-shell.exe')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/opt/headless-shell/chrome')).toBe(false);
  });

  it('returns undefined when there is none, and the hint says how to get one', () => {
    expect(findBrowser({}, { PATH: join(temp, 'empty') })).toBeUndefined();
    expect(findBrowser({}, {})).toBeUndefined();
    expect(BROWSER_INSTALL_HINT).toMatch(/apt-get install chromium/);
    expect(BROWSER_INSTALL_HINT).toMatch(/PUPPETEER_EXECUTABLE_PATH/);
  });
});

describe('sanitizeSvg and findUnsafeSvg', () => {
  const safe =
    '<svg xmlns="http://www.w3.org/2000/svg" id="d"><style>#d .node>rect{fill:#fff}</style>' +
    '<g class="node"><rect/><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><span>a &lt;b&gt; &amp; c<br/></span>' +
    '</div></foreignObject><a href="https://example.com/x"><text>link</text></a>' +
    '<image href="data:image/png;base64,AAAA"/></g></svg>';

  it('leaves safe markup byte for byte', () => {
    expect(findUnsafeSvg(safe)).toEqual([]);
    expect(sanitizeSvg(safe)).toBe(safe);
  });

  const cases: [string, string, string][] = [
    ['<svg><script>alert(1)</script><g/></svg>', '<svg><g/></svg>', '<script> element'],
    ['<svg><SCRIPT type="x">a<b</SCRIPT></svg>', '<svg></svg>', '<SCRIPT> element'],
    ['<svg><svg:script>x</svg:script></svg>', '<svg></svg>', '<svg:script> element'],
    [
      '<svg><g onclick="alert(1)" id="a"/></svg>',
      '<svg><g id="a"/></svg>',
      'event handler attribute onclick',
    ],
    ['<svg><image ONERROR=alert(1) /></svg>', '<svg><image /></svg>', 'event handler attribute ONERROR'],
    ['<svg><a href="javascript:alert(1)">x</a></svg>', '<svg><a>x</a></svg>', 'script-capable URL in href'],
    [
      '<svg><a xlink:href=" jav&#x09;ascript:x">x</a></svg>',
      '<svg><a>x</a></svg>',
      'script-capable URL in xlink:href',
    ],
    ['<svg><a href="&#106;avascript:x">x</a></svg>', '<svg><a>x</a></svg>', 'script-capable URL in href'],
    [
      '<svg><use href="data:image/svg+xml,&lt;svg&gt;"/></svg>',
      '<svg><use/></svg>',
      'script-capable URL in href',
    ],
    ['<svg><iframe src="x"></iframe></svg>', '<svg></svg>', '<iframe> element'],
    ['<svg><set attributeName="href" to="javascript:x"/></svg>', '<svg></svg>', '<set> element'],
    ['<svg><animate attributeName="href" values="javascript:x"/></svg>', '<svg></svg>', '<animate> element'],
    [
      '<svg><text>a <svg/onload=alert(1)> b</text></svg>',
      '<svg><text>a &lt;svg/onload=alert(1)> b</text></svg>',
      'malformed markup',
    ],
    [
      '<svg><a href="&#99999999;javascript:x">x</a></svg>',
      '<svg><a>x</a></svg>',
      'script-capable URL in href',
    ],
  ];
  for (const [input, output, problem] of cases) {
    it(`removes ${problem}: ${input}`, () => {
      expect(findUnsafeSvg(input)).toEqual([problem]);
      expect(sanitizeSvg(input)).toBe(output);
      expect(findUnsafeSvg(sanitizeSvg(input))).toEqual([]);
    });
  }
});

describe('cache key', () => {
  it('is a SHA-256 of the Mermaid text, the renderer version and the Mermaid version', () => {
    expect(svgCacheKey('flowchart LR\n')).toMatch(/^[0-9a-f]{64}$/);
    expect(svgCacheKey('flowchart LR\n')).toBe(svgCacheKey('flowchart LR\n'));
    expect(svgCacheKey('flowchart LR\n')).not.toBe(svgCacheKey('flowchart TB\n'));
    expect(MERMAID_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('is read back from the first line only', () => {
    const key = svgCacheKey('x');
    expect(readSvgCacheKey(withCacheKey('<svg/>', key))).toBe(key);
    expect(readSvgCacheKey(`<svg/>\n${withCacheKey('<svg/>', key)}`)).toBeUndefined();
    expect(readSvgCacheKey('<!-- topodoc-cache-key: nothex -->\n<svg/>')).toBeUndefined();
  });
});

describe('finishSvg', () => {
  it('puts the cache key first, uses LF and ends with one newline', () => {
    const key = svgCacheKey('flowchart LR\n');
    const svg = finishSvg('<svg>\r\n<g/>\r\n</svg>\n\n', key);
    expect(svg).toBe(`<!-- topodoc-cache-key: ${key} -->\n<svg>\n<g/>\n</svg>\n`);
    expect(readSvgCacheKey(svg)).toBe(key);
  });

  it('sanitizes as the last step', () => {
    const svg = finishSvg('<svg><g onload="x()"/><script>x()</script></svg>', svgCacheKey(''));
    expect(svg.split('\n')[1]).toBe('<svg><g/></svg>');
  });
});

describe("the page's module server", () => {
  it("serves Mermaid's .mjs files and nothing outside its dist folder", () => {
    const base = 'https://topodoc.invalid/mermaid/';
    expect(mermaidModuleFile(`${base}mermaid.esm.min.mjs`)).toMatch(
      /node_modules\/mermaid\/dist\/mermaid\.esm\.min\.mjs$/,
    );
    expect(mermaidModuleFile(`${base}chunks/mermaid.esm.min/x.mjs`)).toMatch(
      /dist\/chunks\/mermaid\.esm\.min\/x\.mjs$/,
    );
    for (const url of [
      `${base}../package.json`,
      `${base}..%2F..%2Fyaml%2Fdist%2Findex.mjs`,
      `${base}%2E%2E/%2E%2E/x.mjs`,
      `${base}mermaid.min.js`,
      'https://example.com/mermaid/mermaid.esm.min.mjs',
      'file:///etc/passwd.mjs',
    ]) {
      expect(mermaidModuleFile(url)).toBeUndefined();
    }
  });
});

describe("a diagram past Mermaid's text limit", () => {
  it("is refused with a message, never rendered as Mermaid's error box", () => {
    const limit = MERMAID_CONFIG.maxTextSize;
    expect(() => refuseOversizedDiagram('x'.repeat(limit))).not.toThrow();
    expect(() => refuseOversizedDiagram('x'.repeat(limit + 1))).toThrow(SvgRenderError);
    expect(() => refuseOversizedDiagram('x'.repeat(limit + 1))).toThrow(
      /^The diagram is 200,001 characters of Mermaid, more than the 200,000 Mermaid renders;/,
    );
  });
});
