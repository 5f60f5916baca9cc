// connect-service-port: a connection to a service reaches it only on a port the service exposes.

import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'connect-service-port',
    description: 'A connection to a service on a port the service does not expose',
    defaultSeverity: 'error',
    fact: "kube-proxy programs the node to forward a Service's IP only on the Service's declared ports; a connection to any other port of the Service's IP reaches nothing (it is refused or times out).",
    url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    hint: "Connect to one of the service's ports (its `port` statements), or add the port to the service.",
    messages: {
      closed:
        '{{from}} connects to service {{service}} on port {{port}}, which the service does not expose (its ports: {{ports}})',
    },
  },
  check(ctx) {
    for (const connect of ctx.model.connections) {
      const { endpoint } = connect;
      if (endpoint.kind !== 'service' || endpoint.port === undefined) continue;
      const { service } = endpoint;
      if (service.ports.some((port) => port.port === endpoint.port)) continue;
      ctx.report({
        messageId: 'closed',
        data: {
          from: connect.owner.path,
          service: service.path,
          port: endpoint.port,
          ports: service.ports.map((port) => port.port).join(', ') || 'none',
        },
        loc: connect.loc,
        related: [{ ...service.loc, message: `service ${service.path} is declared here` }],
      });
    }
  },
});
