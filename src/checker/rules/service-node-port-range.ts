// service-node-port-range: node ports come from 30000–32767, and only NodePort and LoadBalancer
// services open them.

import { defineRule } from '../rule.js';

const FIRST = 30000;
const LAST = 32767;

export default defineRule({
  meta: {
    id: 'service-node-port-range',
    description: 'A `node` port outside 30000–32767, or a `node` port on a ClusterIP or Headless service',
    defaultSeverity: 'error',
    fact: 'A NodePort (or LoadBalancer) Service opens its port on every node, "from a range specified by --service-node-port-range flag (default: 30000-32767)"; the API server refuses a `nodePort` outside it, and a ClusterIP Service has no node port at all.',
    url: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
    hint: 'Use a node port between 30000 and 32767 on a NodePort or LoadBalancer service (`type NodePort`).',
    messages: {
      range: 'Service {{service}} opens node port {{node}}, outside 30000–32767',
      type: 'Service {{service}} is {{type}}: it opens no node port, so `node {{node}}` means nothing',
    },
  },
  check(ctx) {
    for (const service of ctx.model.cluster.services) {
      for (const port of service.ports) {
        if (port.nodePort === undefined) continue;
        const data = { service: service.path, node: port.nodePort, type: service.serviceType };
        if (service.serviceType === 'ClusterIP' || service.serviceType === 'Headless') {
          ctx.report({ messageId: 'type', data, loc: port.loc });
        } else if (port.nodePort < FIRST || port.nodePort > LAST) {
          ctx.report({ messageId: 'range', data, loc: port.loc });
        }
      }
    }
  },
});
