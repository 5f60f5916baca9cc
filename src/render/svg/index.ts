// Public SVG API: browser discovery, the batch renderer and the cache key.

export { BROWSER_INSTALL_HINT, findBrowser } from './browser.js';
export { MERMAID_VERSION, RENDERER_VERSION, readSvgCacheKey, svgCacheKey } from './cache-key.js';
export { SvgRenderError, SvgRenderer, type SvgRendererOptions } from './renderer.js';
export { findUnsafeSvg } from './safe-svg.js';
