// The one command line of the docs generators (`rule-docs`, `language-doc`): nothing, or `--check`;
// anything else is refused with exit 2.

/** True when `--check` was given; exits 2 naming `tool` on any other argument. */
export function checkOption(tool: string): boolean {
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`${tool}: unknown argument ${unknown[0]}; the only option is --check`);
    process.exit(2);
  }
  return process.argv.includes('--check');
}
