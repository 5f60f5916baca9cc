// Text forms of ports and endpoints as the topology language writes them (`53/udp`,
// `10.0.0.1:8080`, `worker-1/pod-1/app:8080`), shared by the document's tables.

import type { Endpoint, Listen } from '../../model/types.js';

/** `8080`, `53/udp`, `8080 → host 30080`. */
export function listenText(listen: Listen): string {
  const port = listen.protocol === 'tcp' ? String(listen.port) : `${listen.port}/${listen.protocol}`;
  return listen.hostPort === undefined ? port : `${port} → host ${listen.hostPort}`;
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
