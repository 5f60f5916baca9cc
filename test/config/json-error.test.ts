// Where a config that is not JSON goes wrong: one clause with a line and column, whatever V8 says.

import { describe, expect, it } from 'vitest';
import { describeJsonError, jsonErrorOffset } from '../../src/config/json-error.js';

function explain(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return describeJsonError(text, error);
  }
  throw new Error('the text parses');
}

describe('JSON errors', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['{"a": 1,}', 8],
    ['{"a": t}', 7],
    ['{"a": 1}}', 8],
    ['nope', 1],
    ['{"a": ', 6],
    ['"abc', 4],
  ])('%j fails at offset %j', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it.each([
    ['{\n  "rules": {\n    "x": tru\n  }\n}', 'unexpected character "\\n" at line 3, column 13'],
    ['{\n  "a" 1\n}', "expected ':' after property name at line 2, column 7"],
    ['{ "rules": ', 'the text ends before the JSON is complete (at line 1, column 12)'],
  ])('%j: %s', (text, message) => {
    expect(explain(text)).toBe(message);
  });
});
