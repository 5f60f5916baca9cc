// Text forms of services and workloads shared by every view: a service port (`80 → 8080`,
// `53/udp → dns`, `80 → 8080, node 30080`) and where a workload's pods landed.

import type { Service, ServicePort, Workload } from '../../model/types.js';

/** `80 → 8080`; the target alone is left out when it is the same port. */
export function servicePortText(port: ServicePort, arrow = '→'): string {
  const protocol = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
  const name = port.name === undefined ? '' : ` ${port.name}`;
  const target = port.target === port.port ? '' : ` ${arrow} ${port.target}`;
  const node = port.nodePort === undefined ? '' : `, node ${port.nodePort}`;
  return `${port.port}${protocol}${name}${target}${node}`;
}

/** `10.96.0.20`, `headless`, or `no IP set`. */
export function serviceAddressText(service: Service): string {
  if (service.serviceType === 'Headless') return 'headless';
  return service.ip?.value.text ?? 'no IP set';
}

/** `3 replicas`, `one per node`. */
export function workloadCountText(workload: Workload): string {
  if (workload.workloadKind === 'daemonset') return 'one per node';
  return `${workload.replicas} replica${workload.replicas === 1 ? '' : 's'}`;
}
