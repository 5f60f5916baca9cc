// service-target-port-closed: a service forwards each port to its target port on the selected
// pods; a pod where nothing listens there refuses the traffic (a named target nobody declares
// breaks the port for every pod).

import { podListens } from '../../model/network.js';
import type { Listen, Pod, ServicePort } from '../../model/types.js';
import { defineRule } from '../rule.js';

function listenerFor(pod: Pod, port: ServicePort): Listen | undefined {
  return podListens(pod).find((listen) =>
    typeof port.target === 'string'
      ? listen.name === port.target
      : listen.port === port.target && listen.protocol === port.protocol,
  );
}

export default defineRule({
  meta: {
    id: 'service-target-port-closed',
    description:
      'A service port whose target port no container of a selected pod listens on (an error for a named target no container declares)',
    defaultSeverity: 'warn',
    fact: 'A Service forwards each of its ports to the `targetPort` of the selected pods, "by default … the same value as the port field". A numeric target that nothing listens on is refused by the pod (a manifest\'s `containerPort` is informational, so topodoc warns); a named target is looked up among the pods\' declared container ports, and a name no container declares leaves the Service port with no endpoint at all.',
    url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    hint: 'Point `target` at a port a container of the selected pods listens on (`listen 8080` or `listen 8080 http`).',
    messages: {
      numeric:
        'Service {{service}} forwards port {{port}} to {{target}}/{{protocol}}, but nothing in the {{pod}} listens there',
      named:
        'Service {{service}} forwards port {{port}} to the port named {{target}}, which no container of the {{pod}} declares',
    },
  },
  check(ctx) {
    for (const service of ctx.model.cluster.services) {
      for (const port of service.ports) {
        // The replicas of a workload are one template: judged once, named by the workload.
        const judged = new Set<object>();
        for (const pod of service.selected) {
          if (pod.workload) {
            if (judged.has(pod.workload)) continue;
            judged.add(pod.workload);
          }
          if (pod.hostNetwork || listenerFor(pod, port)) continue;
          const named = typeof port.target === 'string';
          ctx.report({
            messageId: named ? 'named' : 'numeric',
            data: {
              service: service.path,
              port: port.port,
              target: port.target,
              protocol: port.protocol,
              pod: pod.workload
                ? `pods of ${pod.workload.workloadKind} ${pod.workload.path}`
                : `pod ${pod.path}`,
            },
            loc: port.loc,
            related: [
              {
                ...pod.loc,
                message: `${pod.workload ? pod.workload.workloadKind : 'pod'} ${pod.workload?.path ?? pod.path} is declared here`,
              },
            ],
            ...(named ? { severity: 'error' as const } : {}),
          });
        }
      }
    }
  },
});
