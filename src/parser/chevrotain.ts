// Chevrotain as this package loads it: the single-file build it ships (lib/chevrotain.mjs, the same
// release as its module tree) instead of its 680-module tree through lodash-es, which took 0.5 s of
// every command's start against 0.15 s for the bundle (`npm run bench process`). Types come from
// the package as usual; the parser's modules import Chevrotain's values from here only.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

type ChevrotainApi = typeof import('chevrotain');

/** `chevrotain`'s entry resolves to lib/src/api.js; the bundle sits two levels up as lib/chevrotain.mjs. */
const bundle = new URL(
  '../chevrotain.mjs',
  pathToFileURL(createRequire(import.meta.url).resolve('chevrotain')),
);
const api = (await import(bundle.href)) as ChevrotainApi;

export const { createToken, EmbeddedActionsParser, EOF, Lexer, tokenMatcher } = api;
/** The lexer's instance type, for the module that keeps one. */
export type Lexer = import('chevrotain').Lexer;
