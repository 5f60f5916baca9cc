// service-ip-duplicate: a cluster IP belongs to one service.

import type { Service } from '../../model/types.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'service-ip-duplicate',
    description: 'Two services with one `ip`',
    defaultSeverity: 'error',
    fact: 'A ClusterIP is allocated to one Service at a time: the API server refuses a second Service asking for an IP already allocated ("provided IP is already allocated").',
    url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    hint: 'Give each service its own `ip` (or leave `ip` out).',
    messages: {
      duplicate: 'Service {{service}} has IP {{ip}}, already the IP of service {{other}}',
    },
  },
  check(ctx) {
    const byIp = new Map<string, Service>();
    for (const service of ctx.model.cluster.services) {
      if (!service.ip) continue;
      const ip = service.ip.value.text;
      const other = byIp.get(ip);
      if (!other?.ip) {
        byIp.set(ip, service);
        continue;
      }
      ctx.report({
        messageId: 'duplicate',
        data: { service: service.path, ip, other: other.path },
        loc: service.ip.loc,
        related: [{ ...other.ip.loc, message: `IP ${ip} first assigned here` }],
      });
    }
  },
});
