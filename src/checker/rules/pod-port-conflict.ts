// pod-port-conflict: containers of one pod share one port space, so no port/protocol may be bound twice.

import { containerOf, podListens } from '../../model/network.js';
import type { Container, Listen } from '../../model/types.js';
import { describeEntity } from '../describe.js';
import { defineRule } from '../rule.js';

/** A container's `listen` and a listen of a process inside it describe the same socket, not two. */
function sameSocket(a: Listen, b: Listen): boolean {
  if (a.owner === b.owner) return false;
  const containerA: Container | undefined = containerOf(a.owner);
  const containerB: Container | undefined = containerOf(b.owner);
  const oneIsContainer = a.owner.kind === 'container' || b.owner.kind === 'container';
  return oneIsContainer && containerA === containerB;
}

function sameStatement(a: Listen, b: Listen): boolean {
  return a.loc.source.file === b.loc.source.file && a.loc.start === b.loc.start;
}

export default defineRule({
  meta: {
    id: 'pod-port-conflict',
    description: 'Two containers of one pod (or one container twice) listen on the same port and protocol',
    defaultSeverity: 'error',
    fact: '"Every container in a Pod shares the network namespace, including the IP address and network ports", and containers "must coordinate how they use the shared network resources (such as ports)". The second `bind()` of a port in one namespace fails with `EADDRINUSE`.',
    url: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
    hint: 'Give one of the containers another port, or move it to its own pod.',
    messages: {
      conflict:
        'Port {{port}} is bound twice in pod {{pod}}: {{owner}} and {{other}} share the pod network namespace',
      repeated: 'Port {{port}} is listed twice for {{owner}}',
    },
  },
  check(ctx) {
    // Every pod, unscheduled workload templates included.
    for (const pod of ctx.index.pods) {
      const first = new Map<string, Listen>();
      for (const listen of podListens(pod)) {
        const key = `${listen.port}/${listen.protocol}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, listen);
          continue;
        }
        if (sameSocket(earlier, listen)) continue;
        const repeated = earlier.owner === listen.owner;
        ctx.report({
          messageId: repeated ? 'repeated' : 'conflict',
          data: {
            port: key,
            pod: pod.path,
            owner: describeEntity(listen.owner),
            other: describeEntity(earlier.owner),
          },
          loc: listen.loc,
          // `listen 53/udp, 53/udp` repeats a port within one statement: nothing else to point at.
          related: sameStatement(earlier, listen)
            ? []
            : [{ ...earlier.loc, message: `port ${key} first bound here` }],
        });
      }
    }
  },
});
