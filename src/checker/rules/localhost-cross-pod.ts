// localhost-cross-pod: `localhost` stays inside the caller's network namespace; a port bound in
// another pod (or on the machine, from a pod) must be reached at that namespace's IP.

import { describeNamespace, formatHostPort, namespaceAddress } from '../../model/network.js';
import { describeEntityAtStart } from '../describe.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'localhost-cross-pod',
    description:
      "A connection to `localhost:P` where nothing in the caller's network namespace listens on `P`, but another pod (or the machine) does",
    defaultSeverity: 'error',
    fact: '"Inside a Pod (and only then), the containers that belong to the Pod can communicate with one another using `localhost`." Each pod has its own network namespace, so pods — also on the same node — cannot reach each other over `localhost`; they talk over their pod IPs.',
    url: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
    hint: "Connect to the other pod's IP (or its path, e.g. `worker-1.pod-2:6379`) instead of localhost, or move the two containers into one pod.",
    messages: {
      otherPod:
        '{{caller}} connects to {{host}}:{{port}}, but nothing in its network namespace ({{own}}) listens on {{port}}; pod {{target}} does, in its own network namespace, which localhost does not reach — connect to {{instead}} instead',
      otherMachine:
        '{{caller}} connects to {{host}}:{{port}}, but nothing in its network namespace ({{own}}) listens on {{port}}; machine {{target}} does, in a separate network namespace, which localhost does not reach — connect to {{instead}} instead',
    },
  },
  check(ctx) {
    for (const connection of ctx.index.localhostConnections) {
      const found = ctx.index.listeners.find(connection);
      if (found.kind !== 'other') continue;
      const { namespace, binding } = found;
      const target = namespace.kind === 'pod' ? namespace.pod : namespace.machine;
      const address = namespaceAddress(namespace);
      const instead = address
        ? formatHostPort(address, binding.port)
        : `the IP of ${target.kind} ${target.path} (\`${target.path.replaceAll('/', '.')}:${binding.port}\`)`;
      ctx.report({
        messageId: namespace.kind === 'pod' ? 'otherPod' : 'otherMachine',
        data: {
          caller: describeEntityAtStart(connection.connect.owner),
          host: connection.host,
          port: connection.port,
          own: describeNamespace(found.own),
          target: target.path,
          instead,
        },
        loc: connection.connect.loc,
        related: [
          {
            ...binding.listen.loc,
            message: `port ${binding.port} is bound here, in ${describeNamespace(namespace)}`,
          },
        ],
      });
    }
  },
});
