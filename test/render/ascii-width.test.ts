// The width budget: every line fits, and a box or tree entry that cannot fit even alone is one
// clear AsciiWidthError (exit code 1) naming the entity and the width it needs.

import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  AsciiWidthError,
  renderClusterView,
  renderNodeView,
  renderPodView,
  renderTreeView,
} from '../../src/render/ascii/index.js';
import { buildTopology, group, type MachineSpec, pod, proc } from './ascii-model.js';

const worker: MachineSpec = {
  name: 'worker-1',
  label: 'NODE (machine)',
  children: [
    proc('kube-proxy'),
    pod('pod-1', { label: 'POD 1', ip: '10.0.0.1', containers: [{ name: 'app', label: 'container' }] }),
  ],
};
const model = buildTopology({ machines: [worker] });
const machine = firstOf(model.cluster.machines);

function firstOf<T>(items: T[]): T {
  const [first] = items;
  if (first === undefined) throw new Error('the test model is missing an entity');
  return first;
}

function widthError(render: () => string): AsciiWidthError {
  try {
    render();
  } catch (error) {
    if (error instanceof AsciiWidthError) return error;
    throw error;
  }
  throw new Error('expected an AsciiWidthError');
}

describe('AsciiWidthError', () => {
  it('names the innermost box that cannot fit and the width the drawing needs', () => {
    const error = widthError(() => renderNodeView(machine, { width: 20 }));
    expect(error.message).toBe(
      'The box of container "worker-1/pod-1/app" needs at least 21 columns but the width is 20; pass a larger --width.',
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.exitCode).toBe(1);
    expect({ entity: error.entityPath, needed: error.neededWidth }).toEqual({
      entity: 'worker-1/pod-1/app',
      needed: 21,
    });
  });

  it('is not raised at the width it asks for', () => {
    const text = renderNodeView(machine, { width: 21 });
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(21);
  });

  it('finds, for every view, a smallest width that works, and each refusal asks for more than it got', () => {
    const views = [
      (width: number) => renderTreeView(machine, { width }),
      (width: number) => renderNodeView(machine, { width }),
      (width: number) => renderPodView(firstOf(machine.pods), { width }),
      (width: number) => renderClusterView(model, { width }),
    ];
    for (const render of views) {
      let width = 1;
      for (;;) {
        try {
          render(width);
          break;
        } catch (error) {
          if (!(error instanceof AsciiWidthError)) throw error;
          expect(error.neededWidth).toBeGreaterThan(width);
          expect(error.availableWidth).toBe(width);
          width = error.neededWidth;
        }
      }
      expect(width).toBeLessThan(40);
    }
  });

  it('names a tree entry nested too deep for the width', () => {
    const deepModel = buildTopology({
      machines: [
        {
          name: 'm',
          children: [group('a', { children: [group('b', { children: [proc('kube-controller-manager')] })] })],
        },
      ],
    });
    const error = widthError(() => renderTreeView(firstOf(deepModel.cluster.machines), { width: 24 }));
    expect(error.message).toBe(
      'The tree entry of process "m/a/b/kube-controller-manager" needs at least 30 columns but the width is 24; pass a larger --width.',
    );
  });

  it('rejects a width that is not a positive whole number as a usage error', () => {
    expect(() => renderNodeView(machine, { width: 0 })).toThrow(UserError);
    expect(() => renderNodeView(machine, { width: 79.5 })).toThrow('positive whole number');
  });
});
