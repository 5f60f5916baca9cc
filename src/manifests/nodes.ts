// Nodes as machines: a `Node` object gives the address, pod CIDR, OS, kubelet and container runtime;
// a node known only from pods' `spec.nodeName` still runs a kubelet (it ran them), and its runtime
// shows in their containers' ids (`containerd://…`).

import type { Node, NodeAddress, NodeSystemInfo } from 'kubernetes-types/core/v1.js';
import type { BlockStatement, Statement } from '../parser/ast.js';
import type { Field } from './fields.js';
import { labelFor, NameScope } from './names.js';
import type { KubeObject } from './objects.js';
import { address, block, cidr, property, string, word } from './tree.js';

/** Runtime names in `containerRuntimeVersion` and container ids → the process the kubelet talks to. */
const RUNTIME_PROCESSES: Readonly<Record<string, string>> = {
  containerd: 'containerd',
  'cri-o': 'cri-o',
  // Since Kubernetes 1.24 the kubelet reaches Docker Engine through cri-dockerd.
  docker: 'cri-dockerd',
};

/** `spec.providerID` schemes of cloud providers: their nodes are `kind cloud`. */
const CLOUD_PROVIDERS = new Set([
  'aws',
  'azure',
  'gce',
  'digitalocean',
  'openstack',
  'linode',
  'hcloud',
  'oci',
  'ibm',
  'alicloud',
  'exoscale',
  'equinixmetal',
  'vsphere',
]);

/** A machine being assembled: its properties and processes, and the pods placed on it. */
export class MachineDraft {
  readonly pods: BlockStatement[] = [];
  readonly podNames = new NameScope();
  private readonly properties: Statement[] = [];
  private readonly processes: Statement[] = [];
  private runtime = false;

  constructor(
    readonly name: string,
    private readonly original: string,
    /** The machine's name field: its `Node`'s `metadata.name`, or the first pod's `spec.nodeName`. */
    private readonly at: Field<string>,
    /** What the machine stands for, for `import`'s comments. */
    readonly origin: string,
  ) {}

  get hasRuntime(): boolean {
    return this.runtime;
  }

  addProperty(statement: Statement): void {
    this.properties.push(statement);
  }

  /** `process NAME ["LABEL"]`, written for the field `at`. */
  addProcess(name: string, at: Field<unknown>, label?: string): void {
    this.processes.push(block({ keyword: 'process', name, at, ...(label === undefined ? {} : { label }) }));
  }

  /**
   * The runtime process named by `runtime`, once: a node's `containerRuntimeVersion`
   * (`containerd://1.7.13`, the version goes into the label) or a container id (`containerd://4f…`).
   */
  addRuntime(runtime: string, at: Field<unknown>, kind: 'version' | 'container-id'): void {
    if (this.runtime) return;
    const [scheme = '', rest] = runtime.split('://');
    const process = RUNTIME_PROCESSES[scheme];
    if (process === undefined) return;
    this.runtime = true;
    const version = kind === 'version' ? rest : undefined;
    // `containerd 1.7.13`; `docker` alone says what cri-dockerd drives when no version is known.
    const label = version ? `${scheme} ${version}` : process === scheme ? undefined : scheme;
    this.addProcess(process, at, label);
  }

  toBlock(): BlockStatement {
    return block({
      keyword: 'machine',
      name: this.name,
      label: labelFor(this.original, this.name),
      at: this.at,
      body: [...this.properties, ...this.processes, ...this.pods],
    });
  }
}

/** The machine of a `Node` object. */
export function nodeMachine(object: KubeObject, machineNames: NameScope, origin: string): MachineDraft {
  const root = object.root as Field<Node>;
  const name = machineNames.name(object.name);
  const machine = new MachineDraft(name, object.name, object.nameField, origin);
  const provider = root.get('spec')?.get('providerID');
  const scheme = provider?.string()?.split('://')[0];
  if (provider && scheme !== undefined && CLOUD_PROVIDERS.has(scheme)) {
    machine.addProperty(property('kind', provider, [word('cloud', provider.span)]));
  }
  const status = root.get('status');
  const internal = internalAddress(status?.get('addresses')?.items() ?? []);
  const ip = internal?.string();
  if (internal && ip !== undefined)
    machine.addProperty(property('ip', internal, [address(ip, internal.span)]));
  const info = status?.get('nodeInfo');
  const osImage = info?.get('osImage');
  const os = osImage?.string();
  if (osImage && os !== undefined && os !== '')
    machine.addProperty(property('os', osImage, [string(os, osImage.span)]));
  const podCidr = root.get('spec')?.get('podCIDR');
  const range = podCidr?.string();
  if (podCidr && range !== undefined)
    machine.addProperty(property('pod-cidr', podCidr, [cidr(range, podCidr.span)]));
  addNodeProcesses(machine, info, object.nameField);
  return machine;
}

/** A machine known only as the `spec.nodeName` of pods: a node, so it runs a kubelet. */
export function podNodeMachine(
  nodeName: Field<string>,
  original: string,
  machineNames: NameScope,
  origin: string,
): MachineDraft {
  const machine = new MachineDraft(machineNames.name(original), original, nodeName, origin);
  machine.addProcess('kubelet', nodeName);
  return machine;
}

function addNodeProcesses(
  machine: MachineDraft,
  info: Field<NodeSystemInfo> | undefined,
  name: Field<string>,
): void {
  const kubeletVersion = info?.get('kubeletVersion');
  const version = kubeletVersion?.string();
  machine.addProcess('kubelet', kubeletVersion ?? name, version ? `kubelet ${version}` : undefined);
  const runtime = info?.get('containerRuntimeVersion');
  const runtimeVersion = runtime?.string();
  if (runtime && runtimeVersion !== undefined) machine.addRuntime(runtimeVersion, runtime, 'version');
}

/** The first IPv4 `InternalIP`, else the first `InternalIP`. */
function internalAddress(addresses: readonly Field<NodeAddress>[]): Field<string> | undefined {
  const internal = addresses
    .filter((item) => item.get('type')?.string() === 'InternalIP')
    .flatMap((item) => item.get('address') ?? []);
  return internal.find((field) => !field.string()?.includes(':')) ?? internal[0];
}
