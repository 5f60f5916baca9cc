// What a document or a topology can make topodoc read: only regular files (a FIFO neither hangs
// nor is read, /dev/zero is refused), at most 16 MiB, and — for files a Markdown document names —
// only inside the document's project root unless --allow-outside-root is given.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { MAX_INPUT_BYTES, readInputFile } from '../../src/fs/read-input.js';
import remarkTopodoc from '../../src/remark/index.js';
import { fakeIo } from '../helpers/io.js';

const SECRET =
  '# topodoc-disable control-plane-incomplete -- a secret box\nmachine secret-box "SECRET LABEL" {\n  process kubelet\n  process containerd\n}\n';

/** outside/secret.topo beside project/ (which holds package.json and doc.md). */
function layout(markdown: string) {
  const top = mkdtempSync(join(tmpdir(), 'topodoc-confine-'));
  const project = join(top, 'project');
  mkdirSync(project);
  mkdirSync(join(top, 'outside'));
  writeFileSync(join(top, 'outside', 'secret.topo'), SECRET, { mode: 0o600 });
  writeFileSync(join(project, 'package.json'), '{"name": "confine", "private": true}\n');
  writeFileSync(join(project, 'doc.md'), markdown);
  return { top, project };
}

async function topodoc(cwd: string, ...args: string[]) {
  const fake = fakeIo({ cwd });
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const REGION = (src: string) =>
  `# Doc\n\n<!-- topodoc:begin src=${src} view=tree -->\n<!-- topodoc:end -->\n`;

describe('embed', () => {
  it('refuses a src= outside the project root, and reads it with --allow-outside-root', async () => {
    const { project } = layout(REGION('../outside/secret.topo'));
    const refused = await topodoc(project, 'embed', 'doc.md');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^doc\.md:3:1: error: Cannot read \.\.\/outside\/secret\.topo: it is outside the project root \(\.\); pass --allow-outside-root/m,
    );
    expect(readFileSync(join(project, 'doc.md'), 'utf8')).not.toContain('SECRET LABEL');
    const allowed = await topodoc(project, 'embed', '--allow-outside-root', 'doc.md');
    expect(allowed.code).toBe(0);
    expect(readFileSync(join(project, 'doc.md'), 'utf8')).toContain('SECRET LABEL');
  });

  it('refuses an absolute src= and a symlink that leads outside', async () => {
    const { top, project } = layout(REGION('/etc/hostname'));
    expect((await topodoc(project, 'embed', 'doc.md')).stderr).toContain('outside the project root');
    execFileSync('ln', ['-s', join(top, 'outside', 'secret.topo'), join(project, 'inside.topo')]);
    writeFileSync(join(project, 'doc.md'), REGION('inside.topo'));
    const viaLink = await topodoc(project, 'embed', 'doc.md');
    expect(viaLink.stderr).toContain('outside the project root');
    expect(readFileSync(join(project, 'doc.md'), 'utf8')).not.toContain('SECRET LABEL');
  });

  it('refuses /dev/zero and a FIFO as src= without hanging', async () => {
    const { project } = layout(REGION('fifo.topo'));
    execFileSync('mkfifo', [join(project, 'fifo.topo')]);
    const fifo = await topodoc(project, 'embed', 'doc.md');
    expect(fifo.stderr).toMatch(/Cannot read fifo\.topo: it is not a regular file/);
    writeFileSync(join(project, 'doc.md'), REGION('/dev/zero'));
    const zero = await topodoc(project, 'embed', '--allow-outside-root', 'doc.md');
    expect(zero.stderr).toMatch(/Cannot read [./]*dev\/zero: it is not a regular file/);
  });
});

describe('the remark plugin', () => {
  async function processDoc(project: string, markdown: string, allowOutsideRoot?: boolean) {
    const file = new VFile({ path: join(project, 'page.md'), value: markdown });
    const result = await unified()
      .use(remarkParse)
      .use(remarkTopodoc, {
        cwd: project,
        config: DEFAULT_CONFIG,
        ...(allowOutsideRoot ? { allowOutsideRoot } : {}),
      })
      .use(remarkStringify)
      .process(file);
    return { text: String(result), messages: result.messages.map((message) => message.reason) };
  }

  it('refuses src= outside the project root: nothing of the file reaches the output or the messages', async () => {
    const { project } = layout('');
    const block = '```topo src=../outside/secret.topo view=tree\n```\n';
    const refused = await processDoc(project, block);
    expect(refused.messages).toEqual([expect.stringMatching(/outside the project root/)]);
    expect(refused.text + refused.messages.join('\n')).not.toMatch(/SECRET|secret-box/);
    expect((await processDoc(project, block, true)).text).toContain('SECRET LABEL');
  });
});

describe('check and imports', () => {
  it('refuses a FIFO, /dev/zero and a file past the limit with one sentence, exit 2', async () => {
    const { project } = layout('');
    execFileSync('mkfifo', [join(project, 'fifo.topo')]);
    expect(await topodoc(project, 'check', 'fifo.topo')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Cannot read fifo.topo: it is not a regular file (a pipe, device or socket).\n',
    });
    expect((await topodoc(project, 'check', '/dev/zero')).stderr).toMatch(
      /^Cannot read [./]*dev\/zero: it is not a regular file \(a pipe, device or socket\)\.\n$/,
    );
    writeFileSync(join(project, 'huge.topo'), '');
    truncateSync(join(project, 'huge.topo'), MAX_INPUT_BYTES + 1);
    expect((await topodoc(project, 'check', 'huge.topo')).stderr).toBe(
      'Cannot read huge.topo: it is larger than 16 MiB, the most topodoc reads from one input.\n',
    );
  });

  it('reports an import of a FIFO as an import error instead of hanging', async () => {
    const { project } = layout('');
    execFileSync('mkfifo', [join(project, 'shared.topo')]);
    writeFileSync(join(project, 'main.topo'), 'import "shared.topo"\nmachine m { process sshd }\n');
    const result = await topodoc(project, 'check', 'main.topo');
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/cannot import "shared\.topo": it is not a regular file/);
  });

  it('readInputFile reads a regular file whole, up to the limit it is given', async () => {
    const { project } = layout('');
    writeFileSync(join(project, 'ten.txt'), '0123456789');
    expect(Buffer.from(await readInputFile(join(project, 'ten.txt'), 10)).toString()).toBe('0123456789');
    await expect(readInputFile(join(project, 'ten.txt'), 9)).rejects.toMatchObject({ code: 'ETOOLARGE' });
  });
});
