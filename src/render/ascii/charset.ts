// The characters each charset draws with: boxen border styles, tree connectors and the note arrow.
// `ascii` keeps to `+`, `-` and `|` for every line it draws (boxes and tree): `|-- ` for an entry
// with later siblings (├── ), `+-- ` for the last entry (└── ), `|` for guides (│), `<-` for `←`, and `->`, `x`, `-` for the `→`, `×`, `·` of text.

import type { Charset } from './options.js';

/** The eight characters of a box border, as boxen's custom `borderStyle` object takes them. */
export interface BorderChars {
  topLeft: string;
  top: string;
  topRight: string;
  right: string;
  bottomRight: string;
  bottom: string;
  bottomLeft: string;
  left: string;
}

export interface Glyphs {
  border: BorderChars;
  /** Tree connector for an entry with later siblings, for the last entry, and the guides under them. */
  branch: string;
  lastBranch: string;
  guide: string;
  noGuide: string;
  /** Bare vertical guide drawn on spacer lines and before a wrapped entry's continuation. */
  bar: string;
  /** Points from an entry to its note (`← just Linux processes`). */
  noteArrow: string;
  /** In text: where traffic goes (`80 → 8080`), a replica count (`× 3`), a separator (`a · b`). */
  arrow: string;
  times: string;
  dot: string;
}

const UNICODE: Glyphs = {
  border: {
    topLeft: '┌',
    top: '─',
    topRight: '┐',
    right: '│',
    bottomRight: '┘',
    bottom: '─',
    bottomLeft: '└',
    left: '│',
  },
  branch: '├── ',
  lastBranch: '└── ',
  guide: '│   ',
  noGuide: '    ',
  bar: '│',
  noteArrow: '←',
  arrow: '→',
  times: '×',
  dot: '·',
};

const ASCII: Glyphs = {
  border: {
    topLeft: '+',
    top: '-',
    topRight: '+',
    right: '|',
    bottomRight: '+',
    bottom: '-',
    bottomLeft: '+',
    left: '|',
  },
  branch: '|-- ',
  lastBranch: '+-- ',
  guide: '|   ',
  noGuide: '    ',
  bar: '|',
  noteArrow: '<-',
  arrow: '->',
  times: 'x',
  dot: '-',
};

export function glyphsFor(charset: Charset): Glyphs {
  return charset === 'ascii' ? ASCII : UNICODE;
}
