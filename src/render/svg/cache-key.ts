// The SVG cache key: a hash of the Mermaid text, the Mermaid version and topodoc's renderer
// version, written as the SVG's first line so a build can skip unchanged diagrams without a browser.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/** Bump when anything that changes the SVG for the same Mermaid text changes (options, post-processing). */
export const RENDERER_VERSION = '3';

const require = createRequire(import.meta.url);

/** The version of the Mermaid package that renders the SVG. */
export const MERMAID_VERSION: string = (require('mermaid/package.json') as { version: string }).version;

const KEY_LINE = /^<!-- topodoc-cache-key: ([0-9a-f]{64}) -->\n/;

export function svgCacheKey(mermaidText: string): string {
  return createHash('sha256')
    .update(`topodoc-svg\0${RENDERER_VERSION}\0mermaid ${MERMAID_VERSION}\0`)
    .update(mermaidText)
    .digest('hex');
}

/** Prefixes the SVG with the cache-key comment line. */
export function withCacheKey(svg: string, key: string): string {
  return `<!-- topodoc-cache-key: ${key} -->\n${svg}`;
}

/** The cache key written in an SVG's first line, or undefined when it has none. */
export function readSvgCacheKey(svgText: string): string | undefined {
  return KEY_LINE.exec(svgText)?.[1];
}
