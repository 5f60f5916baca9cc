// Stores a well-formed property value on its entity: the one place that knows which field of
// types.ts each (block, property) pair of schema.ts fills.

import type { SourceText } from '../diagnostics.js';
import type { LabelTerm, PropertyValue } from './property-values.js';
import type {
  Connect,
  Container,
  Entity,
  Label,
  Location,
  Machine,
  Process,
  Service,
  ServicePort,
} from './types.js';

/** Properties a workload keeps for itself; the rest of its body describes its pod template. */
const WORKLOAD_OWN = new Set(['replicas', 'on', 'namespace', 'note', 'doc']);

/** Sets or appends the value; returns the Connect when the statement was a `connect`. */
export function storeProperty(
  owner: Entity,
  name: string,
  value: PropertyValue,
  loc: Location,
): Connect | undefined {
  if (owner.kind === 'workload') {
    if (name === 'namespace' && value.type === 'name') {
      owner.template.namespace = value.value;
      owner.template.namespaceLoc = loc;
    }
    if (!WORKLOAD_OWN.has(name)) return storeProperty(owner.template, name, value, loc);
  }
  switch (value.type) {
    case 'string':
      storeString(owner, name, { value: value.value, loc });
      return undefined;
    case 'cidr':
      if (name === 'service-cidr' && owner.kind === 'cluster')
        owner.serviceCidr = { value: value.value, loc };
      else if (owner.kind === 'cluster' || owner.kind === 'machine')
        owner.podCidr = { value: value.value, loc };
      return undefined;
    case 'ipv4':
      if (owner.kind === 'machine' || owner.kind === 'pod' || owner.kind === 'service')
        owner.ip = { value: value.value, loc };
      return undefined;
    case 'enum':
      storeEnum(owner, value.value, loc);
      return undefined;
    case 'name':
      if (owner.kind === 'pod' || owner.kind === 'service') {
        owner.namespace = value.value;
        owner.namespaceLoc = loc;
      } else if (owner.kind === 'workload') owner.namespace = value.value;
      return undefined;
    case 'volume-type':
      if (owner.kind === 'volume') {
        owner.type = { value: value.volumeType, loc };
        if (value.source !== undefined) owner.source = value.source;
      }
      return undefined;
    case 'labels': {
      const labels = value.labels.map((term) => toLabel(term, loc.source));
      if (owner.kind === 'pod') owner.labels = labels;
      else if (owner.kind === 'service') {
        owner.selector = labels;
        owner.selectorLoc = loc;
      }
      return undefined;
    }
    case 'names':
      if (owner.kind === 'workload') {
        owner.on = value.names;
        owner.onLoc = loc;
      }
      return undefined;
    case 'count':
      if (owner.kind === 'workload') {
        owner.replicas = value.value;
        owner.replicasLoc = loc;
      }
      return undefined;
    case 'service-port':
      if (owner.kind === 'service') owner.ports.push(servicePort(value, loc));
      return undefined;
    case 'boolean':
      storeBoolean(owner, name, value.value, loc);
      return undefined;
    case 'ports':
      if (owner.kind === 'process' || owner.kind === 'container') {
        for (const { port, protocol, name: portName } of value.ports) {
          const listen: (typeof owner.listens)[number] = { port, protocol, loc, owner };
          if (portName !== undefined) listen.name = portName;
          if (value.hostPort !== undefined) listen.hostPort = value.hostPort;
          owner.listens.push(listen);
        }
      }
      return undefined;
    case 'endpoint': {
      if (owner.kind !== 'process' && owner.kind !== 'container') return undefined;
      const connect: Connect = { endpoint: value.endpoint, loc, owner };
      if (value.label !== undefined) connect.label = value.label;
      owner.connects.push(connect);
      return connect;
    }
    case 'mount':
      if (owner.kind === 'container') {
        const { volumeName, path, readonly } = value;
        owner.mounts.push({ volumeName, path, readonly, loc, owner });
      }
      return undefined;
  }
}

function toLabel(term: LabelTerm, source: SourceText): Label {
  return {
    key: term.key,
    value: term.value,
    loc: { source, start: term.start, end: term.end },
    keyLoc: { source, start: term.start, end: term.keyEnd },
    valueLoc: { source, start: term.valueStart, end: term.end },
  };
}

function servicePort(value: PropertyValue & { type: 'service-port' }, loc: Location): ServicePort {
  const port: ServicePort = {
    port: value.port.port,
    protocol: value.port.protocol,
    target: value.target,
    loc,
  };
  if (value.port.name !== undefined) port.name = value.port.name;
  if (value.nodePort !== undefined) port.nodePort = value.nodePort;
  return port;
}

function storeString(owner: Entity, name: string, located: { value: string; loc: Location }): void {
  if (name === 'note') owner.note = located;
  else if (name === 'doc') owner.doc = located;
  else if (name === 'os' && owner.kind === 'machine') owner.os = located;
  else if (name === 'image' && owner.kind === 'container') owner.image = located;
  else if (name === 'path' && owner.kind === 'volume') owner.hostPath = located;
}

function storeEnum(owner: Entity, member: string, loc: Location): void {
  if (owner.kind === 'service') {
    owner.serviceType = member as Service['serviceType'];
    owner.serviceTypeLoc = loc;
  } else if (owner.kind === 'machine') {
    owner.machineKind = member as Machine['machineKind'];
    owner.machineKindLoc = loc;
  } else if (owner.kind === 'process') {
    owner.role = member as Process['role'];
    owner.roleLoc = loc;
  } else if (owner.kind === 'container') {
    owner.role = member as Container['role'];
    owner.roleLoc = loc;
  }
}

function storeBoolean(owner: Entity, name: string, value: boolean, loc: Location): void {
  if (owner.kind !== 'pod') return;
  if (name === 'host-network') {
    owner.hostNetwork = value;
    owner.hostNetworkLoc = loc;
  } else if (name === 'share-process-namespace') {
    owner.shareProcessNamespace = value;
    owner.shareProcessNamespaceLoc = loc;
  }
}
