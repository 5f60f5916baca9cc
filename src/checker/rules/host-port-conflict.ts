// host-port-conflict: host ports, host-network pods' ports and machine processes' ports all live in
// the machine's one port space, so no two of them may take the same port and protocol.

import { type Binding, containerOf } from '../../model/network.js';
import type { Pod, Process } from '../../model/types.js';
import { defineRule } from '../rule.js';

/** Who holds a binding: the pod (its own clashes are pod-port-conflict's) or the machine process. */
function holder(binding: Binding): Pod | Process {
  const owner = binding.listen.owner;
  const container = containerOf(owner);
  return container ? container.parent : (owner as Process);
}

function describe(binding: Binding): string {
  const owner = binding.listen.owner;
  if (binding.via === 'host-port') return `the host port mapping of ${owner.kind} ${owner.path}`;
  if (owner.kind === 'process' && !containerOf(owner)) return `process ${owner.path}`;
  return `host-network ${owner.kind} ${owner.path}`;
}

function checkMachine(
  bindings: readonly Binding[],
  report: (binding: Binding, earlier: Binding, key: string) => void,
): void {
  const first = new Map<string, Binding>();
  for (const binding of bindings) {
    const key = `${binding.port}/${binding.listen.protocol}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, binding);
    else if (holder(earlier) !== holder(binding)) report(binding, earlier, key);
  }
}

export default defineRule({
  meta: {
    id: 'host-port-conflict',
    description:
      "On one machine, two of: a `host` port mapping, a `host-network` pod's port, a machine process's port — on the same port and protocol",
    defaultSeverity: 'error',
    fact: 'A `hostPort` and a `hostNetwork` pod bind ports in the node\'s own network namespace, next to the node\'s processes; "each <hostIP, hostPort, protocol> combination must be unique" there, and a second `bind()` of a port fails with `EADDRINUSE`.',
    url: 'https://kubernetes.io/docs/concepts/configuration/overview/',
    hint: 'Use another host port, drop the host mapping (use the pod IP), or schedule the pod on another node.',
    messages: {
      conflict: 'Port {{port}} on machine {{machine}} is taken twice: by {{owner}} and by {{other}}',
    },
  },
  check(ctx) {
    for (const machine of ctx.model.cluster.machines) {
      checkMachine(ctx.index.bindings({ kind: 'machine', machine }), (binding, earlier, key) =>
        ctx.report({
          messageId: 'conflict',
          data: { port: key, machine: machine.path, owner: describe(binding), other: describe(earlier) },
          loc: binding.listen.loc,
          related: [{ ...earlier.listen.loc, message: `port ${key} first bound here` }],
        }),
      );
    }
  },
});
