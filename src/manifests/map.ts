// Maps Kubernetes objects to one syntax tree: Nodes become machines, scheduled Pods land on their
// machine; every block remembers the object it stands for, and what is not modelled is counted.

import type { Pod, PodSpec } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { BlockStatement, Statement } from '../parser/ast.js';
import type { Field } from './fields.js';
import { labelFor, NameScope } from './names.js';
import { type MachineDraft, nodeMachine, podNodeMachine } from './nodes.js';
import { describeObject, type KubeObject, objectPlace } from './objects.js';
import { podStatements } from './pod-spec.js';
import { block, property } from './tree.js';
import { labelValues, serviceBlock, workloadBlock } from './workloads.js';

/** The API groups a modelled kind belongs to (a Knative `Service` is not a Kubernetes Service). */
const MODELLED_KINDS: Readonly<Record<string, RegExp>> = {
  Node: /^v1$/,
  Pod: /^v1$/,
  Service: /^v1$/,
  ReplicationController: /^v1$/,
  Deployment: /^apps\/v1$/,
  StatefulSet: /^apps\/v1$/,
  DaemonSet: /^apps\/v1$/,
  ReplicaSet: /^apps\/v1$/,
  Job: /^batch\/v1$/,
  CronJob: /^batch\/v1$/,
};

export interface MappedObjects {
  statements: Statement[];
  /** What each generated block stands for: `from Deployment shop/api, k8s/api.yaml:1`. */
  origins: Map<BlockStatement, string>;
  /** Objects not modelled, by kind (`ConfigMap`, `Service (serving.knative.dev/v1)`). */
  skipped: Map<string, number>;
}

/** True when topodoc models objects of this kind and API version. */
export function isModelled(object: Pick<KubeObject, 'kind' | 'apiVersion'>): boolean {
  return MODELLED_KINDS[object.kind]?.test(object.apiVersion) ?? false;
}

/** `from Deployment shop/api, k8s/api.yaml:1`. */
function fromObject(object: KubeObject): string {
  return `from ${describeObject(object)}, ${objectPlace(object)}`;
}

/** `Deployment/shop/api`: what an owner reference names. */
function identity(object: Pick<KubeObject, 'kind' | 'namespace' | 'name'>): string {
  return `${object.kind}/${object.namespace ?? ''}/${object.name}`;
}

/** The identities of the object's owners (`metadata.ownerReferences`), in its namespace. */
function ownersOf(object: KubeObject): string[] {
  const references = (object.root as Field<{ metadata?: ObjectMeta }>)
    .get('metadata')
    ?.get('ownerReferences');
  return (references?.items() ?? []).flatMap((reference) => {
    const kind = reference.get('kind')?.string();
    const name = reference.get('name')?.string();
    return kind === undefined || name === undefined
      ? []
      : [identity({ kind, namespace: object.namespace, name })];
  });
}

/** `labels KEY=VALUE, …` of `metadata.labels` (services select pods by them), when there are any. */
function labelsStatement(labels: Field<Readonly<Record<string, string>>> | undefined): Statement[] {
  const values = labels ? labelValues(labels) : [];
  return labels && values.length > 0 ? [property('labels', labels, values)] : [];
}

/** Every owner, and owner's owner, of the input's scheduled pods (ReplicaSet → Deployment, Job → CronJob). */
function representedByPods(objects: readonly KubeObject[]): Set<string> {
  const byIdentity = new Map(objects.map((object) => [identity(object), object]));
  const represented = new Set<string>();
  const pending = objects.filter((object) => object.kind === 'Pod' && isScheduled(object));
  while (pending.length > 0) {
    const object = pending.pop() as KubeObject;
    for (const owner of ownersOf(object)) {
      if (represented.has(owner)) continue;
      represented.add(owner);
      const ownerObject = byIdentity.get(owner);
      if (ownerObject) pending.push(ownerObject);
    }
  }
  return represented;
}

function isScheduled(pod: KubeObject): boolean {
  return (pod.root as Field<Pod>).get('spec')?.get('nodeName')?.string() !== undefined;
}

/** A pod no scheduler has placed: a `deployment` of one replica, placed by expansion (or kept a template). */
function unscheduledPod(object: KubeObject, spec: Field<PodSpec>, names: NameScope): BlockStatement {
  const name = names.name(object.name, {
    key: `deployment:${object.namespace}/${object.name}`,
    suffix: object.namespace,
  });
  const metadata = (object.root as Field<{ metadata?: ObjectMeta }>).get('metadata');
  const body: Statement[] = [];
  body.push(...labelsStatement(metadata?.get('labels')));
  body.push(...podStatements({ spec, namespace: metadata?.get('namespace') }));
  return block({
    keyword: 'deployment',
    name,
    label: labelFor(object.name, name),
    at: object.nameField,
    body,
  });
}

export function mapObjects(objects: readonly KubeObject[]): MappedObjects {
  return new ObjectMapper().map(objects);
}

class ObjectMapper {
  private readonly machineNames = new NameScope();
  private readonly serviceNames = new NameScope();
  private readonly workloadNames = new NameScope();
  /** By Kubernetes node name, in the order they became known. */
  private readonly machines = new Map<string, MachineDraft>();
  private readonly origins = new Map<BlockStatement, string>();
  private readonly skipped = new Map<string, number>();

  map(objects: readonly KubeObject[]): MappedObjects {
    const modelled = objects.filter((object) => {
      if (isModelled(object)) return true;
      this.skip(object);
      return false;
    });
    for (const object of modelled.filter((each) => each.kind === 'Node')) {
      const machine = nodeMachine(object, this.machineNames, fromObject(object));
      this.machines.set(object.name, machine);
    }
    const present = new Set(modelled.map(identity));
    const represented = representedByPods(modelled);
    const statements: Statement[] = [];
    for (const object of modelled) {
      if (object.kind === 'Node' || object.kind === 'Pod') continue;
      // A workload whose pods are in the input (a live snapshot) is drawn as those pods, where they
      // run, with their names and IPs; a ReplicaSet or Job whose owner is in the input is that owner's.
      if (represented.has(identity(object))) continue;
      if (ownersOf(object).some((owner) => present.has(owner))) continue;
      this.object(object, statements);
    }
    for (const object of modelled) {
      if (object.kind !== 'Pod') continue;
      // A pending pod of a workload in the input is one of the pods the workload stands for.
      if (!isScheduled(object) && ownersOf(object).some((owner) => present.has(owner))) continue;
      this.pod(object, statements);
    }
    const machines: Statement[] = [];
    for (const machine of this.machines.values()) {
      const statement = machine.toBlock();
      this.origins.set(statement, machine.origin);
      machines.push(statement);
    }
    return { statements: [...machines, ...statements], origins: this.origins, skipped: this.skipped };
  }

  /** A Service or a workload, at the top level. */
  private object(object: KubeObject, into: Statement[]): void {
    const statement =
      object.kind === 'Service'
        ? serviceBlock(object, this.serviceNames)
        : workloadBlock(object, this.workloadNames);
    if (statement?.type !== 'Block') return;
    this.origins.set(statement, fromObject(object));
    into.push(statement);
  }

  private skip(object: KubeObject): void {
    const known = Object.hasOwn(MODELLED_KINDS, object.kind);
    const key = known ? `${object.kind} (${object.apiVersion})` : object.kind;
    this.skipped.set(key, (this.skipped.get(key) ?? 0) + 1);
  }

  /** A pod with `spec.nodeName` on its machine; without one, a workload of one pod not yet scheduled. */
  private pod(object: KubeObject, into: Statement[]): void {
    const root = object.root as Field<Pod>;
    const spec = root.require('spec');
    if (spec === undefined) return;
    const nodeName = spec.get('nodeName');
    const node = nodeName?.string();
    if (nodeName === undefined || node === undefined) {
      const statement = unscheduledPod(object, spec, this.workloadNames);
      this.origins.set(statement, fromObject(object));
      into.push(statement);
      return;
    }
    const machine = this.machineOf(node, nodeName, object);
    const metadata = root.get('metadata');
    const status = root.get('status');
    const name = machine.podNames.name(object.name, {
      key: `${object.namespace}/${object.name}`,
      suffix: object.namespace,
    });
    const pod = block({
      keyword: 'pod',
      name,
      label: labelFor(object.name, name),
      at: object.nameField,
      body: [
        ...labelsStatement(metadata?.get('labels')),
        ...podStatements({ spec, namespace: metadata?.get('namespace'), ip: status?.get('podIP') }),
      ],
    });
    machine.pods.push(pod);
    this.origins.set(pod, fromObject(object));
    if (!machine.hasRuntime) {
      for (const container of status?.get('containerStatuses')?.items() ?? []) {
        const id = container.get('containerID');
        const text = id?.string();
        if (id && text) machine.addRuntime(text, id, 'container-id');
      }
    }
  }

  private machineOf(node: string, nodeName: Field<string>, pod: KubeObject): MachineDraft {
    const known = this.machines.get(node);
    if (known) return known;
    const origin = `node ${node} of ${describeObject(pod)} (no Node object), ${objectPlace(pod)}`;
    const machine = podNodeMachine(nodeName, node, this.machineNames, origin);
    this.machines.set(node, machine);
    return machine;
  }
}
