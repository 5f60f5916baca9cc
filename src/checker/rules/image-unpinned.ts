// image-unpinned: a container image without a tag, or with the `latest` tag; a digest
// (`name@sha256:…`, with or without a tag) pins the image and is never flagged.

import { defineRule } from '../rule.js';

export type ImagePin = 'digest' | 'tag' | 'latest' | 'none';

/** How an image reference is pinned. A `:` before the last `/` belongs to a registry port (`host:5000/app`). */
export function imagePin(reference: string): ImagePin {
  if (reference.includes('@')) return 'digest';
  const lastComponent = reference.slice(reference.lastIndexOf('/') + 1);
  const colon = lastComponent.lastIndexOf(':');
  if (colon === -1) return 'none';
  return lastComponent.slice(colon + 1) === 'latest' ? 'latest' : 'tag';
}

export default defineRule({
  meta: {
    id: 'image-unpinned',
    description: 'A container image with no tag or the `latest` tag (a digest counts as pinned)',
    defaultSeverity: 'warn',
    fact: 'An image without a tag means `latest`, and `latest` moves: the same spec can run different code on different nodes, and you cannot tell which version is running or roll back to it. The Kubernetes images guide advises against `:latest` in production; a digest names exactly one image, a version tag names one release.',
    url: 'https://kubernetes.io/docs/concepts/containers/images/',
    hint: 'Name a version tag (`nginx:1.27`) or, better still, a digest (`nginx@sha256:…`).',
    messages: {
      noTag: 'Container {{container}} uses image "{{image}}" without a tag, which means `latest`',
      latest: 'Container {{container}} uses image "{{image}}" with the moving `latest` tag',
    },
  },
  check(ctx) {
    for (const container of ctx.index.containers) {
      const image = container.image;
      if (!image) continue;
      const pin = imagePin(image.value);
      if (pin !== 'none' && pin !== 'latest') continue;
      ctx.report({
        messageId: pin === 'none' ? 'noTag' : 'latest',
        data: { container: container.path, image: image.value },
        loc: image.loc,
      });
    }
  },
});
