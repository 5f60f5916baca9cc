// User text in the document: labels become one clean line; `doc`/`description` Markdown keeps
// paragraphs, lists, quotes and inline formatting, anything else (headings, code, HTML) stays literal text.

import type { BlockContent, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { parseMarkdown, tameForParser } from './parse.js';

// C0 and C1 controls (except tab and line breaks, handled as whitespace), DEL and bidirectional
// overrides ("Trojan source"): none of them belongs in a document.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Link and image targets allowed in user Markdown: relative references, http(s) and mailto. */
const SAFE_SCHEME = /^(?:https?|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** User text for one line (a heading, a table cell): controls removed, whitespace runs one space. */
export function inlineText(value: string): string {
  return value.replace(UNPRINTABLE, '').replace(/\s+/g, ' ').trim();
}

/** User Markdown as block nodes that cannot change the document's outline. */
export function userMarkdown(source: string): BlockContent[] {
  const clean = tameForParser(source.replace(/\r\n?/g, '\n').replace(UNPRINTABLE, ''));
  const tree = parseMarkdown(clean);
  return tree.children.flatMap((node) => safeBlock(node, clean));
}

function literal(node: RootContent, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

function literalParagraph(node: RootContent, source: string): Paragraph[] {
  const text = literal(node, source).trim();
  return text === '' ? [] : [{ type: 'paragraph', children: [{ type: 'text', value: text }] }];
}

function safeBlock(node: RootContent, source: string): BlockContent[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', children: safePhrasing(node.children, source) }];
    case 'blockquote':
      return [{ type: 'blockquote', children: node.children.flatMap((child) => safeBlock(child, source)) }];
    case 'list':
      return [
        {
          type: 'list',
          ordered: node.ordered ?? false,
          start: node.ordered ? (node.start ?? 1) : null,
          spread: node.spread ?? false,
          children: node.children.map((item) => ({
            type: 'listItem',
            spread: item.spread ?? false,
            checked: item.checked ?? null,
            children: item.children.flatMap((child) => safeBlock(child, source)),
          })),
        },
      ];
    default:
      // Headings, code, HTML, tables, thematic breaks, definitions, footnotes: shown as written.
      return literalParagraph(node, source);
  }
}

function safePhrasing(nodes: readonly PhrasingContent[], source: string): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'break':
        return [{ ...node }];
      case 'emphasis':
      case 'strong':
      case 'delete':
        return [{ type: node.type, children: safePhrasing(node.children, source) }];
      case 'link':
        if (!isSafeUrl(node.url)) return safePhrasing(node.children, source);
        return [
          {
            type: 'link',
            url: node.url,
            title: node.title ?? null,
            children: safePhrasing(node.children, source),
          },
        ];
      case 'image':
        if (!isSafeUrl(node.url)) return [{ type: 'text', value: node.alt ?? '' }];
        return [{ type: 'image', url: node.url, alt: node.alt ?? '', title: node.title ?? null }];
      default:
        // Inline HTML, references to definitions, footnote references: shown as written.
        return [{ type: 'text', value: literal(node, source) }];
    }
  });
}

function isSafeUrl(url: string): boolean {
  return !ANY_SCHEME.test(url) || SAFE_SCHEME.test(url);
}
