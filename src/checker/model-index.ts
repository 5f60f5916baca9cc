// What several rules look up in one model (every pod, container and process, each network
// namespace's port bindings, the localhost listeners), worked out at the first ask and shared by
// the rules of one check run instead of each rule walking the model again.

import { type Binding, type NetNamespace, namespaceBindings } from '../model/network.js';
import { allPods, allProcesses } from '../model/query.js';
import type { Container, Machine, Pod, Process, Topology } from '../model/types.js';
import { ListenerFinder, type LocalhostConnection, localhostConnections } from './localhost.js';

export class ModelIndex {
  private podList: readonly Pod[] | undefined;
  private containerList: readonly Container[] | undefined;
  private processList: readonly Process[] | undefined;
  private connectionList: readonly LocalhostConnection[] | undefined;
  private finder: ListenerFinder | undefined;
  private readonly bindingsOf = new Map<Pod | Machine, readonly Binding[]>();

  /** The model must not change while the index is in use (it is made for one check run). */
  constructor(readonly model: Topology) {}

  /** `allPods`: the pods on machines, then unscheduled workload templates. */
  get pods(): readonly Pod[] {
    this.podList ??= allPods(this.model);
    return this.podList;
  }

  /** The containers of `pods`, in order. */
  get containers(): readonly Container[] {
    this.containerList ??= this.pods.flatMap((pod) => pod.containers);
    return this.containerList;
  }

  /** `allProcesses`: machine processes (groups included) and processes inside containers. */
  get processes(): readonly Process[] {
    this.processList ??= allProcesses(this.model);
    return this.processList;
  }

  /** `namespaceBindings` of the namespace, worked out once per pod or machine. */
  bindings(namespace: NetNamespace): readonly Binding[] {
    const key = namespace.kind === 'pod' ? namespace.pod : namespace.machine;
    let bindings = this.bindingsOf.get(key);
    if (bindings === undefined) {
      bindings = namespaceBindings(namespace);
      this.bindingsOf.set(key, bindings);
    }
    return bindings;
  }

  /** `localhostConnections`: connections to the caller's own namespace that name a port. */
  get localhostConnections(): readonly LocalhostConnection[] {
    this.connectionList ??= localhostConnections(this.model);
    return this.connectionList;
  }

  /** Where the localhost connections find a listener. */
  get listeners(): ListenerFinder {
    this.finder ??= new ListenerFinder(this.model, (namespace) => this.bindings(namespace));
    return this.finder;
  }
}
