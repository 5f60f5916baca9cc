// Maps Kubernetes objects to one syntax tree: Nodes become machines, scheduled Pods land on their
// machine; every block remembers the object it stands for, and what is not modelled is counted.

import type { Pod } from 'kubernetes-types/core/v1.js';
import type { BlockStatement, Statement } from '../parser/ast.js';
import type { Field } from './fields.js';
import { labelFor, NameScope } from './names.js';
import { type MachineDraft, nodeMachine, podNodeMachine } from './nodes.js';
import { describeObject, type KubeObject, objectPlace } from './objects.js';
import { podStatements } from './pod-spec.js';
import { block } from './tree.js';

/** The API groups a modelled kind belongs to (a Knative `Service` is not a Kubernetes Service). */
const MODELLED_KINDS: Readonly<Record<string, RegExp>> = {
  Node: /^v1$/,
  Pod: /^v1$/,
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

export function mapObjects(objects: readonly KubeObject[]): MappedObjects {
  return new ObjectMapper().map(objects);
}

class ObjectMapper {
  private readonly machineNames = new NameScope();
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
    for (const object of modelled.filter((each) => each.kind === 'Pod')) this.pod(object);
    const statements: Statement[] = [];
    for (const machine of this.machines.values()) {
      const statement = machine.toBlock();
      this.origins.set(statement, machine.origin);
      statements.push(statement);
    }
    return { statements, origins: this.origins, skipped: this.skipped };
  }

  private skip(object: KubeObject): void {
    const known = Object.hasOwn(MODELLED_KINDS, object.kind);
    const key = known ? `${object.kind} (${object.apiVersion})` : object.kind;
    this.skipped.set(key, (this.skipped.get(key) ?? 0) + 1);
  }

  /** A pod with `spec.nodeName` on its machine. */
  private pod(object: KubeObject): void {
    const root = object.root as Field<Pod>;
    const spec = root.require('spec');
    if (spec === undefined) return;
    const nodeName = spec.get('nodeName');
    const node = nodeName?.string();
    if (nodeName === undefined || node === undefined) {
      this.skip(object);
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
      ...(object.file === machine.file ? {} : { file: object.file }),
      body: podStatements({ spec, namespace: metadata?.get('namespace'), ip: status?.get('podIP') }),
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
    const machine = podNodeMachine(nodeName, node, pod.file, this.machineNames, origin);
    this.machines.set(node, machine);
    return machine;
  }
}
