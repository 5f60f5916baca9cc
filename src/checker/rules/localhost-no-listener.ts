// localhost-no-listener: a `localhost:P` connection that nothing in the whole topology listens on.

import { describeNamespace } from '../../model/network.js';
import { describeEntityAtStart } from '../describe.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'localhost-no-listener',
    description: 'A `localhost:P` connection that nothing anywhere listens on',
    defaultSeverity: 'warn',
    fact: "`localhost` reaches only the caller's own network namespace — its pod's, or the machine's for machine processes and `host-network` pods. A connection there needs a listener on that port in that namespace; with none declared anywhere, either a `listen` is missing or the port is wrong.",
    url: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
    hint: 'Add the missing `listen P` to the container or process that serves the port, or correct the port.',
    messages: {
      noListener:
        '{{caller}} connects to {{host}}:{{port}}, but nothing listens on port {{port}}, neither in {{own}} nor anywhere else in the topology',
    },
  },
  check(ctx) {
    for (const connection of ctx.index.localhostConnections) {
      const found = ctx.index.listeners.find(connection);
      if (found.kind !== 'none') continue;
      ctx.report({
        messageId: 'noListener',
        data: {
          caller: describeEntityAtStart(connection.connect.owner),
          host: connection.host,
          port: connection.port,
          own: describeNamespace(found.own),
        },
        loc: connection.connect.loc,
      });
    }
  },
});
