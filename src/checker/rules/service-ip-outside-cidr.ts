// service-ip-outside-cidr: a service's cluster IP is allocated from the cluster's service CIDR.

import { cidrContains } from '../../model/values.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'service-ip-outside-cidr',
    description: "A service `ip` outside the cluster's `service-cidr`",
    defaultSeverity: 'error',
    fact: 'The API server allocates every ClusterIP from the range given by `--service-cluster-ip-range`, and refuses a Service whose `spec.clusterIP` lies outside it ("provided IP is not in the valid range").',
    url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    hint: "Pick the service's `ip` inside the cluster's `service-cidr` (or leave `ip` out).",
    messages: {
      outside: 'Service {{service}} has IP {{ip}}, outside the service CIDR {{cidr}}',
    },
  },
  check(ctx) {
    const cidr = ctx.model.cluster.serviceCidr;
    if (!cidr) return;
    for (const service of ctx.model.cluster.services) {
      if (!service.ip || cidrContains(cidr.value, service.ip.value)) continue;
      ctx.report({
        messageId: 'outside',
        data: { service: service.path, ip: service.ip.value.text, cidr: cidr.value.text },
        loc: service.ip.loc,
        related: [{ ...cidr.loc, message: `the service CIDR is ${cidr.value.text}` }],
      });
    }
  },
});
