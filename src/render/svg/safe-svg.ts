// The last step of SVG output: removes scripts, embedding elements, on* handler attributes and
// script-capable URLs from serialized SVG markup, and reports any that are present.

/** Elements dropped together with their content (`set`/`animate` can rewrite an href to a script URL). */
const DANGEROUS_ELEMENTS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'applet',
  'base',
  'set',
  'animate',
]);
/** Attributes that hold a URL. */
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data']);
/** Browsers ignore whitespace and control characters inside a URL scheme. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f]/g;
/** Only images may come from a data: URL. */
const SAFE_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp);/;

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<\/?[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;
/** In text, a `<` that a browser could read as the start of a tag, comment or instruction. */
const STRAY_MARKUP = /<[A-Za-z/!?]/;
const ATTRIBUTE = /\s+([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

function localName(qualifiedName: string): string {
  const name = qualifiedName.toLowerCase();
  return name.slice(name.indexOf(':') + 1);
}

function codePointText(codePoint: number): string {
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => codePointText(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => codePointText(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/&amp;/gi, '&');
}

function isUnsafeUrl(rawValue: string): boolean {
  const unquoted = rawValue.replace(/^["']|["']$/g, '');
  const url = decodeEntities(unquoted).replace(IGNORED_IN_SCHEME, '').toLowerCase();
  if (url.startsWith('javascript:') || url.startsWith('vbscript:')) return true;
  return url.startsWith('data:') && !SAFE_DATA_URL.test(url);
}

/** Why an attribute is unsafe, or undefined when it is fine. */
function unsafeAttribute(name: string, value: string | undefined): string | undefined {
  const local = localName(name);
  if (local.startsWith('on')) return `event handler attribute ${name}`;
  if (value !== undefined && URL_ATTRIBUTES.has(name.toLowerCase()) && isUnsafeUrl(value)) {
    return `script-capable URL in ${name}`;
  }
  return undefined;
}

interface ScanResult {
  text: string;
  problems: string[];
}

/** Text between tags: a `<` that starts something the tag pattern did not read is escaped. */
function cleanText(text: string, problems: string[]): string {
  if (!STRAY_MARKUP.test(text)) return text;
  problems.push('malformed markup');
  return text.replace(/</g, '&lt;');
}

function scan(svg: string): ScanResult {
  const problems: string[] = [];
  let output = '';
  let last = 0;
  /** The element being dropped (with its nesting depth), if any. */
  let dropping: { name: string; depth: number } | undefined;
  for (const match of svg.matchAll(TOKEN)) {
    const token = match[0];
    const before = svg.slice(last, match.index);
    last = match.index + token.length;
    if (dropping === undefined) output += cleanText(before, problems);
    const tagName = /^<\/?([^\s/>!?]+)/.exec(token)?.[1];
    if (tagName === undefined) {
      if (dropping === undefined) output += token;
      continue;
    }
    const name = localName(tagName);
    const closing = token.startsWith('</');
    const selfClosing = token.endsWith('/>');
    if (dropping !== undefined) {
      if (name === dropping.name && !selfClosing) dropping.depth += closing ? -1 : 1;
      if (dropping.depth === 0) dropping = undefined;
      continue;
    }
    if (DANGEROUS_ELEMENTS.has(name)) {
      if (!closing) problems.push(`<${tagName}> element`);
      if (!closing && !selfClosing) dropping = { name, depth: 1 };
      continue;
    }
    output += closing ? token : cleanTag(token, problems);
  }
  if (dropping === undefined) output += cleanText(svg.slice(last), problems);
  return { text: output, problems };
}

function cleanTag(tag: string, problems: string[]): string {
  return tag.replace(ATTRIBUTE, (whole, name: string, value: string | undefined) => {
    const problem = unsafeAttribute(name, value);
    if (problem === undefined) return whole;
    problems.push(problem);
    return '';
  });
}

/** Every unsafe construct in the markup (empty when the SVG is safe). */
export function findUnsafeSvg(svg: string): string[] {
  return scan(svg).problems;
}

/** The markup without scripts, embedding elements, handler attributes or script-capable URLs. */
export function sanitizeSvg(svg: string): string {
  return scan(svg).text;
}

/** LF line endings, no trailing whitespace at the end, exactly one final newline. */
export function normalizeNewlines(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').trimEnd()}\n`;
}
