// Scratch projects for the build tests: a temporary directory with .topo files, a fake browser
// executable for browser discovery, and a fake SVG renderer that counts launches and renders.

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type { DiagramRenderer, LaunchRenderer } from '../../src/build/index.js';
import { svgCacheKey } from '../../src/render/svg/index.js';

export const FIXTURES = join(import.meta.dirname, '../fixtures/markdown');

export const WORKER_NODE = readFileSync(join(FIXTURES, 'worker-node/input.topo'), 'utf8');

export const SMALL_NODE = `# topodoc-disable control-plane-incomplete -- one node is enough here
title "Small"
machine n1 {
  ip 192.168.56.11
  pod-cidr 10.0.0.0/24
  process kubelet
  process kube-proxy
  process containerd
  pod web { ip 10.0.0.2; container app { image "nginx:1.27"; listen 80 } }
}
`;

export const SYNTAX_ERROR = 'machine n1 {\n  process kubelet\n';

const made: string[] = [];

afterEach(() => {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A temporary project directory holding `files` (relative path → text); removed after the test. */
export function project(files: Record<string, string> = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'topodoc-build-'));
  made.push(directory);
  for (const [path, text] of Object.entries(files)) writeText(join(directory, path), text);
  return directory;
}

export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** An environment whose PATH holds a `chromium` that is never started (the renderer is faked). */
export function fakeBrowserEnv(): Record<string, string> {
  const bin = join(project(), 'bin');
  writeText(join(bin, 'chromium'), '#!/bin/sh\nexit 1\n');
  chmodSync(join(bin, 'chromium'), 0o755);
  return { PATH: bin };
}

/** An environment without any browser: PATH names an empty directory, no PUPPETEER_EXECUTABLE_PATH. */
export function noBrowserEnv(): Record<string, string> {
  return { PATH: project() };
}

export interface FakeRenderer {
  launch: LaunchRenderer;
  launches: number;
  rendered: string[];
  closed: number;
}

/** A renderer that returns a tiny SVG with the real cache key; `fails` picks diagrams that throw. */
export function fakeRenderer(fails: (mermaid: string) => boolean = () => false): FakeRenderer {
  const state: FakeRenderer = {
    launches: 0,
    rendered: [],
    closed: 0,
    launch: async () => {
      state.launches++;
      const renderer: DiagramRenderer = {
        render: async (mermaid) => {
          if (fails(mermaid)) throw new Error('Rendering the diagram timed out after 10 ms.');
          state.rendered.push(mermaid);
          return `<!-- topodoc-cache-key: ${svgCacheKey(mermaid)} -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n`;
        },
        close: async () => {
          state.closed++;
        },
      };
      return renderer;
    },
  };
  return state;
}
