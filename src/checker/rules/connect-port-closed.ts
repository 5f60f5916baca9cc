// connect-port-closed: a connection with a port to a pod, container, process, machine or known
// (non-loopback) IP that does not listen on that port. `localhost` belongs to the localhost rules.

import type { Note } from '../../diagnostics.js';
import { containerListens, containerOf, namespaceBindings, podListens } from '../../model/network.js';
import type { Connect, Entity, Listen, Topology } from '../../model/types.js';
import { describeEntity, describeEntityAtStart } from '../describe.js';
import { defineRule } from '../rule.js';

interface Target {
  /** `pod worker-1/pod-2`, `IP 10.0.0.2 (pod worker-1/pod-2)`. */
  label: string;
  ports: number[];
  /** Where the target is declared (the entity's header, or the statement that assigns the IP). */
  declared: Note;
}

function ports(listens: Listen[]): number[] {
  return listens.map((l) => l.port);
}

function groupProcesses(entity: Entity): Listen[] {
  if (entity.kind === 'process') return entity.listens;
  if (entity.kind !== 'group') return [];
  return entity.children.flatMap(groupProcesses);
}

/** What an entity listens on; undefined when the entity is not something one connects to. */
function entityTarget(entity: Entity): Target | undefined {
  const label = describeEntity(entity);
  const target = (open: number[]): Target => ({
    label,
    ports: open,
    declared: { ...entity.loc, message: `${label} is declared here` },
  });
  switch (entity.kind) {
    case 'pod':
      return target(ports(podListens(entity)));
    case 'container':
      return target(ports(containerListens(entity)));
    case 'process': {
      // A process inside a container also binds what its container's `listen` declares.
      const container = containerOf(entity);
      return target(ports([...entity.listens, ...(container ? container.listens : [])]));
    }
    case 'group':
      return target(ports(groupProcesses(entity)));
    case 'machine':
      return target(namespaceBindings({ kind: 'machine', machine: entity }).map((b) => b.port));
    default:
      return undefined;
  }
}

/** The addresses that connections with a port name (and that are not loopback). */
function connectedAddresses(model: Topology): Set<string> {
  const addresses = new Set<string>();
  for (const { endpoint } of model.connections) {
    if (endpoint.kind === 'address' && !endpoint.loopback && endpoint.port !== undefined)
      addresses.add(endpoint.address.text);
  }
  return addresses;
}

/**
 * The owner of every connected address the topology declares: a pod's (not host-network) own IP,
 * else the machine's (a pod IP wins), so that each connection by IP costs one lookup.
 */
function addressTargets(model: Topology): Map<string, Target> {
  const targets = new Map<string, Target>();
  const connected = connectedAddresses(model);
  if (connected.size === 0) return targets;
  for (const machine of model.cluster.machines) {
    for (const pod of machine.pods) {
      if (!pod.ip || pod.hostNetwork || targets.has(pod.ip.value.text) || !connected.has(pod.ip.value.text))
        continue;
      const text = pod.ip.value.text;
      targets.set(text, {
        label: `IP ${text} (pod ${pod.path})`,
        ports: ports(podListens(pod)),
        declared: { ...pod.ip.loc, message: `IP ${text} is assigned to pod ${pod.path} here` },
      });
    }
  }
  for (const machine of model.cluster.machines) {
    if (!machine.ip || targets.has(machine.ip.value.text) || !connected.has(machine.ip.value.text)) continue;
    const text = machine.ip.value.text;
    targets.set(text, {
      label: `IP ${text} (machine ${machine.path})`,
      ports: namespaceBindings({ kind: 'machine', machine }).map((b) => b.port),
      declared: { ...machine.ip.loc, message: `IP ${text} is assigned to machine ${machine.path} here` },
    });
  }
  return targets;
}

/** The targets of connections, each worked out once per check (many connections share a target). */
class Targets {
  private readonly byAddress: Map<string, Target>;
  private readonly byEntity = new Map<Entity, Target | undefined>();

  constructor(model: Topology) {
    this.byAddress = addressTargets(model);
  }

  of(connect: Connect): Target | undefined {
    const { endpoint } = connect;
    if (endpoint.kind === 'path') return endpoint.target && this.ofEntity(endpoint.target);
    if (endpoint.kind === 'address' && !endpoint.loopback) return this.byAddress.get(endpoint.address.text);
    return undefined;
  }

  private ofEntity(entity: Entity): Target | undefined {
    if (!this.byEntity.has(entity)) this.byEntity.set(entity, entityTarget(entity));
    return this.byEntity.get(entity);
  }
}

export default defineRule({
  meta: {
    id: 'connect-port-closed',
    description:
      'A connection with a port to a pod, container, process or IP that does not listen on that port',
    defaultSeverity: 'warn',
    fact: 'A connection succeeds only when something listens on that port in the target\'s network namespace. "Every container in a Pod shares the network namespace, including the IP address and network ports", so a pod is open on exactly the ports its containers bind.',
    url: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
    hint: 'Correct the port of the connection, or add the missing `listen` to the target.',
    messages: {
      closed: '{{caller}} connects to port {{port}} of {{target}}, which listens on {{open}}',
      nothingOpen: '{{caller}} connects to port {{port}} of {{target}}, which declares no listening ports',
    },
  },
  check(ctx) {
    const targets = new Targets(ctx.model);
    for (const connect of ctx.model.connections) {
      const port = connect.endpoint.port;
      if (port === undefined) continue;
      const target = targets.of(connect);
      if (!target || target.ports.includes(port)) continue;
      const open = [...new Set(target.ports)].sort((a, b) => a - b);
      ctx.report({
        messageId: open.length === 0 ? 'nothingOpen' : 'closed',
        data: {
          caller: describeEntityAtStart(connect.owner),
          port,
          target: target.label,
          open: open.join(', '),
        },
        loc: connect.loc,
        related: [target.declared],
      });
    }
  },
});
