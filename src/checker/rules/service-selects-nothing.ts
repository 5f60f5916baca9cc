// service-selects-nothing: a service whose selector matches no pod of its namespace sends its
// traffic nowhere (its Endpoints stay empty).

import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'service-selects-nothing',
    description: 'A service whose selector matches no pod in its namespace',
    defaultSeverity: 'warn',
    fact: 'A Service targets "a set of Pods … determined by a selector": the EndpointSlices of a Service hold the pods of its namespace whose labels match every term of the selector. With no match they stay empty, and kube-proxy has nowhere to send a connection to the Service\'s IP.',
    url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    hint: "Make the selector's labels those of the pods (or their workload's `labels`), in the service's namespace.",
    messages: {
      nothing:
        'Service {{service}} selects no pod: no pod in namespace {{namespace}} has the labels {{selector}}',
    },
  },
  check(ctx) {
    for (const service of ctx.model.cluster.services) {
      if (service.selector.length === 0 || service.selected.length > 0) continue;
      ctx.report({
        messageId: 'nothing',
        data: {
          service: service.path,
          namespace: service.namespace,
          selector: service.selector.map((term) => `${term.key}=${term.value}`).join(', '),
        },
        loc: service.selectorLoc ?? service.loc,
      });
    }
  },
});
