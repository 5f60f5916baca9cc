// Text forms of ports and endpoints as the topology language writes them (`53/udp`,
// `10.0.0.1:8080`, `worker-1/pod-1/app:8080`), shared by the document's tables.

import type { Endpoint, Listen } from '../../model/types.js';

/** `8080`, `53/udp`, `8080 → host 30080`. */
export function listenText(listen: Listen): string {
  const port = listen.protocol === 'tcp' ? String(listen.port) : `${listen.port}/${listen.protocol}`;
  return listen.hostPort === undefined ? port : `${port} → host ${listen.hostPort}`;
}

/** Where a connection goes: `localhost:8080`, `[fd00::1]:53`, or the resolved entity path. */
export function endpointText(endpoint: Endpoint): string {
  const host =
    endpoint.kind === 'localhost'
      ? 'localhost'
      : endpoint.kind === 'address'
        ? endpoint.address.family === 6
          ? `[${endpoint.address.text}]`
          : endpoint.address.text
        : (endpoint.target?.path ?? endpoint.parts.join('.'));
  return endpoint.port === undefined ? host : `${host}:${endpoint.port}`;
}
