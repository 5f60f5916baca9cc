// Tells a binary file (an image, an executable, UTF-16 text) from a .topo text file, so that it is
// refused in one sentence instead of being reported as hundreds of syntax errors.

/** How much of the start of a file is looked at (git looks at the first 8000 bytes too). */
const SAMPLE_BYTES = 8000;
/** Share of control bytes above which a sample holding a NUL byte counts as binary. */
const CONTROL_SHARE = 0.05;

/**
 * True when the first bytes hold a NUL and more than 5% control bytes (other than tab, line
 * breaks and form feed). A text file with a stray NUL byte stays text: its syntax errors point at it.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (!sample.includes(0)) return false;
  let controls = 0;
  for (const byte of sample) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) {
      controls++;
    }
  }
  return controls > sample.length * CONTROL_SHARE;
}
