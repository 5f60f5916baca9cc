// Options of the ASCII renderer (charset, width budget) and the error raised when a drawing
// cannot fit the width budget.

import type { AsciiView, Charset } from '../../config/types.js';
import { UserError } from '../../errors.js';

export type { AsciiView, Charset };

export interface AsciiOptions {
  /** `unicode` draws with `┌─┐│└┘├└`; `ascii` with `+-|` only. */
  charset: Charset;
  /** Width budget in terminal columns: no output line is wider. */
  width: number;
}

export const DEFAULT_ASCII_OPTIONS: AsciiOptions = { charset: 'unicode', width: 80 };

export { ASCII_VIEWS } from '../../config/schema.js';

/** Fills in defaults (also for options given as `undefined`) and rejects a bad width or charset. */
export function resolveAsciiOptions(options: Partial<AsciiOptions> = {}): AsciiOptions {
  const resolved: AsciiOptions = {
    charset: options.charset ?? DEFAULT_ASCII_OPTIONS.charset,
    width: options.width ?? DEFAULT_ASCII_OPTIONS.width,
  };
  if (!Number.isInteger(resolved.width) || resolved.width < 1) {
    throw new UserError(`The ASCII width must be a positive whole number of columns, got ${resolved.width}.`);
  }
  if (resolved.charset !== 'unicode' && resolved.charset !== 'ascii') {
    throw new UserError(`The ASCII charset must be "unicode" or "ascii", got "${String(resolved.charset)}".`);
  }
  return resolved;
}

/** A box or tree entry that cannot be drawn within the width budget (exit code 1). */
export class AsciiWidthError extends UserError {
  constructor(
    readonly entityPath: string,
    readonly neededWidth: number,
    readonly availableWidth: number,
    what: string,
  ) {
    super(
      `The ${what} needs at least ${neededWidth} columns but the width is ${availableWidth}; ` +
        'pass a larger --width.',
      1,
    );
    this.name = 'AsciiWidthError';
  }
}
