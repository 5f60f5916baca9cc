// The one table of well-known Kubernetes process names and their roles (language.md §3), and
// the questions rules and renderers ask of it. Names are matched exactly (case-sensitive).

import type { ProcessRole } from './types.js';

export type WellKnownCategory = 'control-plane' | 'node-agent' | 'container-runtime';

export interface WellKnownProcess {
  name: string;
  role: Exclude<ProcessRole, 'other'>;
  category: WellKnownCategory;
  /** True for the four components every control plane needs (rules.md `control-plane-incomplete`). */
  required: boolean;
  description: string;
}

export const WELL_KNOWN_PROCESSES: readonly WellKnownProcess[] = [
  {
    name: 'etcd',
    role: 'control-plane',
    category: 'control-plane',
    required: true,
    description: 'Consistent key-value store holding all cluster data.',
  },
  {
    name: 'kube-apiserver',
    role: 'control-plane',
    category: 'control-plane',
    required: true,
    description: 'Exposes the Kubernetes API; the front end of the control plane.',
  },
  {
    name: 'kube-scheduler',
    role: 'control-plane',
    category: 'control-plane',
    required: true,
    description: 'Assigns new pods to nodes.',
  },
  {
    name: 'kube-controller-manager',
    role: 'control-plane',
    category: 'control-plane',
    required: true,
    description: 'Runs the controller processes.',
  },
  {
    name: 'cloud-controller-manager',
    role: 'control-plane',
    category: 'control-plane',
    required: false,
    description: 'Runs cloud-specific controllers (optional).',
  },
  {
    name: 'kubelet',
    role: 'node',
    category: 'node-agent',
    required: false,
    description: 'Agent on every node; runs the pods assigned to it.',
  },
  {
    name: 'kube-proxy',
    role: 'node',
    category: 'node-agent',
    required: false,
    description: 'Maintains network rules for Services on every node.',
  },
  {
    name: 'containerd',
    role: 'node',
    category: 'container-runtime',
    required: false,
    description: 'Container runtime (CRI).',
  },
  {
    name: 'cri-o',
    role: 'node',
    category: 'container-runtime',
    required: false,
    description: 'Container runtime (CRI).',
  },
  {
    name: 'cri-dockerd',
    role: 'node',
    category: 'container-runtime',
    required: false,
    description: 'CRI adapter for Docker Engine.',
  },
];

function namesWhere(predicate: (entry: WellKnownProcess) => boolean): readonly string[] {
  return WELL_KNOWN_PROCESSES.filter(predicate).map((entry) => entry.name);
}

/** All five control-plane component names, cloud-controller-manager included. */
export const CONTROL_PLANE_COMPONENTS = namesWhere((entry) => entry.category === 'control-plane');
/** The four components a control plane cannot do without. */
export const REQUIRED_CONTROL_PLANE_COMPONENTS = namesWhere((entry) => entry.required);
export const CONTAINER_RUNTIMES = namesWhere((entry) => entry.category === 'container-runtime');
/** Every well-known name with role `node` (kubelet, kube-proxy and the runtimes). */
export const NODE_COMPONENTS = namesWhere((entry) => entry.role === 'node');

export function wellKnownProcess(name: string): WellKnownProcess | undefined {
  return WELL_KNOWN_PROCESSES.find((entry) => entry.name === name);
}

/** The role a process gets when it declares none: its well-known role, else `other`. */
export function inferProcessRole(name: string): ProcessRole {
  return wellKnownProcess(name)?.role ?? 'other';
}

export function isControlPlaneComponent(name: string): boolean {
  return CONTROL_PLANE_COMPONENTS.includes(name);
}

export function isRequiredControlPlaneComponent(name: string): boolean {
  return REQUIRED_CONTROL_PLANE_COMPONENTS.includes(name);
}

export function isContainerRuntime(name: string): boolean {
  return CONTAINER_RUNTIMES.includes(name);
}

export function isNodeComponent(name: string): boolean {
  return NODE_COMPONENTS.includes(name);
}
