// Whether this run may write golden files and expected findings: only when asked with UPDATE_GOLDEN=1.

export function updatingGoldens(): boolean {
  return process.env.UPDATE_GOLDEN === '1';
}
