// A node:fs/promises whose writeFile, while `failure.active` is set, writes the first half of the
// content and then fails like a full disk (ENOSPC): for the tests that nothing is lost on a failed
// write. Use it from a vi.mock factory:
//   vi.mock('node:fs/promises', async (original) => (await import('../helpers/full-disk.js')).fullDisk(await original(), failure));

type FsPromises = typeof import('node:fs/promises');

export function fullDisk(actual: FsPromises, failure: { active: boolean }): FsPromises {
  return {
    ...actual,
    writeFile: (async (path: string, content: string | Uint8Array) => {
      if (!failure.active) return actual.writeFile(path, content);
      await actual.writeFile(path, content.slice(0, Math.floor(content.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }) as FsPromises['writeFile'],
  };
}
