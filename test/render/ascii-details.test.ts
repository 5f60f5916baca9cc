// The pod and node views show a container's image and ports when the boxes have room for them,
// and leave them out, silently, when they would wrap the row or cannot fit the width.

import { describe, expect, it } from 'vitest';
import { loadTopologyFromText } from '../../src/model/index.js';
import { renderNodeView, renderPodView } from '../../src/render/ascii/index.js';

const TEXT = `cluster c {
  machine worker {
    process kubelet
    process containerd
    pod web {
      ip 10.0.0.7
      container app { image "nginx:1.27"; listen 8080; listen 53/udp }
      container sidecar { role sidecar; image "busybox:1.36" }
    }
  }
}
`;

async function machine() {
  const { model, diagnostics } = await loadTopologyFromText(TEXT, 'details.topo');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const found = model.cluster.machines[0];
  if (found === undefined) throw new Error('no machine');
  return found;
}

describe('container details in the box views', () => {
  it('shows the image and ports in the pod and node views at the default width', async () => {
    const worker = await machine();
    const web = worker.pods[0];
    if (web === undefined) throw new Error('no pod');
    for (const drawing of [renderPodView(web), renderNodeView(worker)]) {
      expect(drawing).toContain('image nginx:1.27');
      expect(drawing).toContain('ports 8080, 53/udp');
      expect(drawing).toContain('image busybox:1.36');
    }
  });

  it('leaves them out when they would not fit, and still draws the boxes', async () => {
    const worker = await machine();
    const web = worker.pods[0];
    if (web === undefined) throw new Error('no pod');
    // 34 columns: the plain containers fit one row; with `image busybox:1.36` they would not.
    const narrow = renderPodView(web, { width: 34 });
    expect(narrow).toContain('app');
    expect(narrow).not.toContain('image');
    expect(narrow).not.toContain('8080');
  });
});
