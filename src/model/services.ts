// Services in the model: finding the one a `connect` names (`web`, `shop.web`, the cluster DNS
// name `web.shop.svc.cluster.local`), and the pods each one's selector matches.

import { allPods } from './query.js';
import type { Cluster, Label, Pod, Service, Topology } from './types.js';

/**
 * The service a name path means, if any: `NAME`; `NAMESPACE.NAME` or `CLUSTER.NAME`; the DNS forms
 * `NAME.NAMESPACE`, `NAME.NAMESPACE.svc` and `NAME.NAMESPACE.svc.DOMAIN…`. A bare name prefers the
 * caller's namespace, then a name that only one service has.
 */
export function findService(
  cluster: Cluster,
  parts: readonly string[],
  callerNamespace: string,
): Service | undefined {
  const services = cluster.services;
  const [first, second, third] = parts;
  if (first === undefined) return undefined;
  if (parts.length === 1) {
    const named = services.filter((service) => service.name === first);
    return (
      named.find((service) => service.namespace === callerNamespace) ??
      (named.length === 1 ? named[0] : undefined)
    );
  }
  if (second === undefined) return undefined;
  if (parts.length === 2) {
    return (
      services.find(
        (service) => service.name === second && (service.namespace === first || cluster.name === first),
      ) ?? services.find((service) => service.name === first && service.namespace === second)
    );
  }
  if (third !== 'svc') return undefined;
  return services.find((service) => service.name === first && service.namespace === second);
}

/** True when the pod carries every label of the selector (equality terms, as Kubernetes matches them). */
export function selects(selector: readonly Label[], pod: Pod): boolean {
  return (
    selector.length > 0 &&
    selector.every((term) => pod.labels.some((label) => label.key === term.key && label.value === term.value))
  );
}

/** Fills each service's `selected`: the pods of its namespace its selector matches, in model order. */
export function selectPods(model: Topology): void {
  const pods = allPods(model);
  for (const service of model.cluster.services) {
    service.selected = pods.filter(
      (pod) => pod.namespace === service.namespace && selects(service.selector, pod),
    );
  }
}
