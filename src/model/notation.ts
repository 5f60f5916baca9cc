// The topology language's notation for values the views and the diff print: ports (`53/udp`,
// `8080 → host 30080`), endpoints (`10.0.0.1:8080`, a resolved path, a service, an outside host),
// service ports (`80 → 8080, node 30080`), service addresses and workload sizes.

import type { Endpoint, Listen, Service, ServicePort, Workload } from './types.js';

/** `8080`, `53/udp`, `8080 → host 30080`. */
export function listenText(listen: Listen): string {
  const port = portText(listen);
  return listen.hostPort === undefined ? port : `${port} → host ${listen.hostPort}`;
}

/** The port alone: `8080`, `53/udp`. */
export function portText(listen: Listen): string {
  return listen.protocol === 'tcp' ? String(listen.port) : `${listen.port}/${listen.protocol}`;
}

/** Where a connection goes: `localhost:8080`, `[fd00::1]:53`, the resolved entity path, a service or a host. */
export function endpointText(endpoint: Endpoint): string {
  const host = endpointHost(endpoint);
  return endpoint.port === undefined ? host : `${host}:${endpoint.port}`;
}

function endpointHost(endpoint: Endpoint): string {
  switch (endpoint.kind) {
    case 'localhost':
      return 'localhost';
    case 'address':
      return endpoint.address.family === 6 ? `[${endpoint.address.text}]` : endpoint.address.text;
    case 'path':
      return endpoint.target?.path ?? endpoint.parts.join('.');
    case 'service':
      return `service ${endpoint.service.path}`;
    case 'external':
      return endpoint.host;
  }
}

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
