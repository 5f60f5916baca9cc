// process-not-shared: containers of a pod do not see each other's processes unless the pod sets
// share-process-namespace. A connection with a port is network traffic and is not judged here.

import { containerOf } from '../../model/network.js';
import { describeEntityAtStart } from '../describe.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'process-not-shared',
    description:
      'A container connects to a process of another container in its pod while `share-process-namespace` is off',
    defaultSeverity: 'error',
    fact: 'Containers of a pod have separate PID namespaces by default. Only with `shareProcessNamespace` "containers will be able to view and signal processes from other containers in the same pod" (to send a reload signal, read `/proc/PID/root`, attach a debugger).',
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/',
    hint: 'Add `share-process-namespace` to the pod, or connect over the network (`connect localhost:PORT`).',
    messages: {
      notShared:
        '{{caller}} reaches process {{process}} of container {{container}}, but pod {{pod}} does not share its process namespace',
    },
  },
  check(ctx) {
    for (const connect of ctx.model.connections) {
      const { endpoint } = connect;
      if (endpoint.kind !== 'path' || endpoint.port !== undefined || endpoint.target?.kind !== 'process')
        continue;
      const from = containerOf(connect.owner);
      const to = containerOf(endpoint.target);
      if (!from || !to || from === to || from.parent !== to.parent || from.parent.shareProcessNamespace)
        continue;
      const pod = from.parent;
      ctx.report({
        messageId: 'notShared',
        data: {
          caller: describeEntityAtStart(connect.owner),
          process: endpoint.target.path,
          container: to.path,
          pod: pod.path,
        },
        loc: connect.loc,
        related: pod.shareProcessNamespaceLoc
          ? [{ ...pod.shareProcessNamespaceLoc, message: 'share-process-namespace is turned off here' }]
          : [{ ...endpoint.target.loc, message: `process ${endpoint.target.path} is declared here` }],
      });
    }
  },
});
