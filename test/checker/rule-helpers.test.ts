// The pure helpers rules are built on: message templates, image pins, DNS labels, near-miss names.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/checker/rule.js';
import { imagePin } from '../../src/checker/rules/image-unpinned.js';
import { dnsLabelProblem, MAX_LABEL_LENGTH } from '../../src/checker/rules/invalid-k8s-name.js';
import { nearComponent } from '../../src/checker/rules/unknown-component.js';
import { WELL_KNOWN_PROCESSES } from '../../src/model/well-known.js';

describe('formatMessage', () => {
  it('fills placeholders and refuses one without data', () => {
    expect(formatMessage('Port {{port}} of {{ pod }}', { port: 80, pod: 'w/p' })).toBe('Port 80 of w/p');
    expect(() => formatMessage('Port {{port}}', {})).toThrow(/port/);
  });
});

describe('imagePin', () => {
  it.each([
    ['nginx', 'none'],
    ['nginx:latest', 'latest'],
    ['nginx:1.27', 'tag'],
    ['registry.local:5000/team/app', 'none'],
    ['registry.local:5000/team/app:latest', 'latest'],
    ['registry.local:5000/team/app:2.3.1', 'tag'],
    ['nginx@sha256:0123', 'digest'],
    ['nginx:latest@sha256:0123', 'digest'],
    ['nginx:LATEST', 'tag'],
  ])('%s is %s', (image, pin) => {
    expect(imagePin(image)).toBe(pin);
  });

  it('counts every digest reference as pinned', () => {
    const name = fc.stringMatching(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+)*(?::[a-z0-9.]+)?$/);
    fc.assert(
      fc.property(name, fc.stringMatching(/^[0-9a-f]{64}$/), (image, hex) => {
        expect(imagePin(`${image}@sha256:${hex}`)).toBe('digest');
      }),
      { numRuns: 200 },
    );
  });
});

describe('dnsLabelProblem', () => {
  it('accepts DNS-1123 labels up to the length limit', () => {
    for (const name of ['a', 'web-1', '0ab', 'a'.repeat(MAX_LABEL_LENGTH)])
      expect(dnsLabelProblem(name)).toBeUndefined();
  });

  it.each([
    ['Web', 'it has uppercase letters'],
    ['web_1', 'it has `_`'],
    ['web-', 'it ends with `-`'],
    ['_web', 'it has `_`; it starts with `_`'],
    ['a'.repeat(64), 'it is 64 characters long (at most 63)'],
  ])('explains why %s is not one', (name, problem) => {
    expect(dnsLabelProblem(name)).toBe(problem);
  });

  it('agrees with the RFC 1123 label pattern on any topodoc name', () => {
    const label = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,70}$/), (name) => {
        expect(dnsLabelProblem(name) === undefined).toBe(label.test(name));
      }),
      { numRuns: 300 },
    );
  });
});

describe('nearComponent', () => {
  it('names the component a misspelling is close to', () => {
    expect(nearComponent('kubelett')).toBe('kubelet');
    expect(nearComponent('Kubelet')).toBe('kubelet');
    expect(nearComponent('crio')).toBe('cri-o');
    expect(nearComponent('kube-apiservr')).toBe('kube-apiserver');
  });

  it('leaves exact and distant names alone', () => {
    for (const { name } of WELL_KNOWN_PROCESSES) expect(nearComponent(name)).toBeUndefined();
    for (const name of ['nginx', 'sshd', 'dockerd', 'node-exporter'])
      expect(nearComponent(name)).toBeUndefined();
  });
});
