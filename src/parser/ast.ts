// The syntax tree of one `.topo` file: what was written, with offsets, before any resolution.
// The grammar is generic (block statements and property statements); which block may nest where
// and which property belongs to which block is decided by the model (src/model), not here.

import type { SourceText } from '../diagnostics.js';

/**
 * Where a node was written: 0-based offsets into its file's text (without a BOM), `end` exclusive.
 * Line and column come from the document's `source` when a position is shown.
 */
export interface NodeBase {
  start: number;
  end: number;
}

export interface Document extends NodeBase {
  type: 'Document';
  /** The text the offsets of the tree count in (a block with its own `source` counts in that). */
  source: SourceText;
  body: Statement[];
  /** Every comment of the file in source order, kept for the formatter and for directives. */
  comments: Comment[];
}

export type Statement = BlockStatement | PropertyStatement;

/** The words that open a block; anywhere else they are ordinary names. */
export const BLOCK_KEYWORDS = [
  'cluster',
  'machine',
  'group',
  'process',
  'pod',
  'container',
  'volume',
  'service',
  'deployment',
  'statefulset',
  'daemonset',
] as const;
export type BlockKeyword = (typeof BLOCK_KEYWORDS)[number];

/**
 * `KEYWORD NAME ["label"]`: what a block says before its body. A statement reader (reader.ts) hands a
 * block out as its header, its statements following when its body is entered.
 */
export interface BlockHeader {
  type: 'Block';
  keyword: BlockKeyword;
  start: number;
  /** The keyword runs from `start` to here. */
  keywordEnd: number;
  name: Identifier;
  label?: StringValue;
  /** The header runs from `start` (the keyword) to here, the end of the label (or name): where findings about the entity point. */
  headerEnd: number;
  /**
   * The file the block and its body were read from, when it is not the document's own: a tree
   * generated from several Kubernetes manifests (src/manifests) holds blocks of many files.
   */
  source?: SourceText;
}

/** `KEYWORD NAME ["label"] [{ … }]` */
export interface BlockStatement extends BlockHeader, NodeBase {
  /** `undefined` when the block was written without braces (`process kubelet`). */
  body?: Statement[];
}

/** One statement as a reader hands it out: a property whole, a block by its header. */
export type StatementHead = PropertyStatement | BlockHeader;

/** `NAME value…` — every statement that is not a block: properties, `title`, `import`, … */
export interface PropertyStatement extends NodeBase {
  type: 'Property';
  name: Identifier;
  values: Value[];
}

export interface Identifier extends NodeBase {
  type: 'Identifier';
  text: string;
}

export type Value =
  | PathValue
  | StringValue
  | IntegerValue
  | AddressValue
  | CidrValue
  | PortValue
  | EndpointValue
  | LabelValue
  | UrlValue
  | CommaValue;

/** One name (`vm`, `emptyDir`, `cache`) or names joined by dots (`worker-1.pod-2.cache`). */
export interface PathValue extends NodeBase {
  type: 'Path';
  /** Shared by every path of one file written the same way (a file repeats `data`, `localhost`). */
  parts: readonly string[];
}

export interface StringValue extends NodeBase {
  type: 'String';
  /** The text after escapes are applied (and, for `"""`, common indentation removed). */
  value: string;
  /** True for `"""…"""`. */
  triple: boolean;
}

export interface IntegerValue extends NodeBase {
  type: 'Integer';
  /** The digits as written. */
  raw: string;
  value: number;
}

/** `10.0.0.1` or bracketed IPv6 `[fd00::1]` (text without brackets). Octet ranges are checked by the model. */
export interface AddressValue extends NodeBase {
  type: 'Address';
  family: 4 | 6;
  text: string;
}

/** `10.0.0.0/24` or `[fd00::]/64`. */
export interface CidrValue extends NodeBase {
  type: 'Cidr';
  family: 4 | 6;
  address: string;
  prefix: number;
}

/** `53/udp` — a port with an explicit protocol (bare ports are IntegerValue). */
export interface PortValue extends NodeBase {
  type: 'Port';
  port: number;
  portRaw: string;
  /** As written, lower-cased by the model; validity is the model's business. */
  protocol: string;
}

/** `HOST:PORT` where HOST is a name path, `localhost`, or an address. */
export interface EndpointValue extends NodeBase {
  type: 'Endpoint';
  host: PathValue | AddressValue;
  port: IntegerValue;
}

/**
 * `app=web` (a label or selector pair); the key is what precedes the first `=`, judged by the rules.
 * The key runs from `start` to `keyEnd`, the value from `valueStart` to `end`.
 */
export interface LabelValue extends NodeBase {
  type: 'Label';
  key: string;
  value: string;
  keyEnd: number;
  valueStart: number;
}

/** `https://api.example.com/v1`, as written; what it names is the model's business. */
export interface UrlValue extends NodeBase {
  type: 'Url';
  text: string;
}

export interface CommaValue extends NodeBase {
  type: 'Comma';
}

export interface Comment extends NodeBase {
  type: 'Comment';
  marker: '#' | '//';
  /** The text after the marker, untrimmed. */
  text: string;
  /** True when nothing but whitespace precedes the comment on its line. */
  ownLine: boolean;
}
