// Test helper: the token-soup fuzz corpus of the formatter tests, text joined from tokens that
// parse alone, in any order, so most texts have syntax errors and some parse.

import fc from 'fast-check';

/** The corpus's tokens: keywords, names, values, punctuation, whitespace and comments. */
export const TOKENS = [
  'machine',
  'pod',
  'container',
  'process',
  'group',
  'volume',
  'cluster',
  'm',
  'p',
  'c',
  'kind',
  'listen',
  'connect',
  'image',
  'doc',
  'note',
  'ip',
  '80',
  '53/udp',
  '10.0.0.1',
  'a.b:80',
  '"s"',
  '"""\n  x\n   y\n  """',
  '{',
  '}',
  ';',
  ',',
  '\n',
  '\n\n',
  ' ',
  '\t',
  '# c',
  '// d',
  '# topodoc-disable-next-line image-unpinned -- r',
];

export const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join(' '));
