// What runs inside the browser page: Mermaid's one-time configuration and the per-diagram render
// that serializes the SVG as XML on a white background. Functions here are sent to the page by
// puppeteer and must not use anything from their Node scope.

/** Mermaid options for every SVG: strict security, deterministic ids, fixed theme and font. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  deterministicIds: true,
  deterministicIDSeed: 'topodoc',
  theme: 'default',
  // Boxes are measured with the first of these the rendering machine has: Liberation Sans has
  // Arial's metrics; the usual fallback, DejaVu Sans, is wider. Either way labels fit under Arial.
  fontFamily: 'arial, "Liberation Sans", sans-serif',
  // HTML labels (in <foreignObject>): the SVG-text labels of Mermaid 11 print entity codes such as
  // `#35;` literally, while HTML labels decode them; Mermaid sanitizes them (DOMPurify, strict) and
  // sanitizeSvg checks the serialized result again.
  htmlLabels: true,
  // Labels wrap at 500 px rather than Mermaid's 200: an image name such as
  // `registry.k8s.io/kube-controller-manager:v1.31.0` stays on one line instead of breaking at a
  // hyphen, and a pod's content is then about as wide as its one-line title (Mermaid widens a
  // subgraph to its title after layout, which pushed narrow pods out of their machine).
  flowchart: { htmlLabels: true, useMaxWidth: false, wrappingWidth: 500 },
  maxTextSize: 200_000,
  maxEdges: 5_000,
} as const;

interface PageMermaid {
  initialize(config: unknown): void;
  render(id: string, text: string, container?: unknown): Promise<{ svg: string }>;
}

interface PageElement {
  innerHTML: string;
  querySelector(selector: string): (PageElement & { style: { backgroundColor: string } }) | null;
  remove(): void;
}

interface PageGlobals {
  mermaid: PageMermaid;
  document: {
    createElement(tag: string): PageElement;
    body: { appendChild(element: PageElement): void };
    fonts: { ready: Promise<unknown> };
  };
  XMLSerializer: new () => { serializeToString(node: unknown): string };
}

/**
 * The expression that imports Mermaid's ES module build from `moduleUrl` into the page as
 * `globalThis.mermaid`: a string, because a bundler or test runner may rewrite `import()` in code.
 */
export function importMermaidInPage(moduleUrl: string): string {
  return `import(${JSON.stringify(moduleUrl)}).then((module) => { globalThis.mermaid = module.default; })`;
}

/** Runs in the page once, after Mermaid is imported. */
export async function initializeInPage(config: unknown): Promise<void> {
  const page = globalThis as unknown as PageGlobals;
  page.mermaid.initialize(config);
  await page.document.fonts.ready;
}

/** Runs in the page per diagram: renders, sets a white background, returns XML. */
export async function renderInPage(id: string, text: string): Promise<string> {
  const page = globalThis as unknown as PageGlobals;
  const container = page.document.createElement('div');
  page.document.body.appendChild(container);
  try {
    const { svg } = await page.mermaid.render(id, text, container);
    container.innerHTML = svg;
    const root = container.querySelector('svg');
    if (root === null) throw new Error('Mermaid returned no <svg> element');
    root.style.backgroundColor = 'white';
    return new page.XMLSerializer().serializeToString(root);
  } finally {
    container.remove();
  }
}
