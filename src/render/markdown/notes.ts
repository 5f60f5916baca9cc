// The `doc` strings of entities without a section of their own (groups, processes, containers,
// volumes): a list under their machine's or pod's table, each item led by the entity's name.

import type { BlockContent, List, ListItem } from 'mdast';
import { userMarkdown } from './user-text.js';

interface Documented {
  name: string;
  doc?: { value: string };
}

export function docNotes(entities: readonly Documented[]): List[] {
  const items = entities.flatMap((entity): ListItem[] => {
    const blocks = entity.doc === undefined ? [] : userMarkdown(entity.doc.value);
    if (blocks.length === 0) return [];
    return [{ type: 'listItem', spread: blocks.length > 1, children: withName(entity.name, blocks) }];
  });
  return items.length === 0 ? [] : [{ type: 'list', ordered: false, spread: false, children: items }];
}

/** Puts `name:` before the first paragraph, or in a paragraph of its own. */
function withName(name: string, blocks: BlockContent[]): BlockContent[] {
  const [first, ...rest] = blocks;
  const lead = [
    { type: 'inlineCode' as const, value: name },
    { type: 'text' as const, value: ': ' },
  ];
  if (first?.type === 'paragraph') return [{ ...first, children: [...lead, ...first.children] }, ...rest];
  return [{ type: 'paragraph', children: lead }, ...blocks];
}
