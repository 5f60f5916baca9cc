// The rule registry: one line per rule, in id order, re-exporting the rule file's default export
// under its id in camelCase. Adding a rule is its file, its examples file and one line here
// (docs/rules/CONTRIBUTING.md); ../registry.ts turns these lines into RULES.

export { default as cidrOverlap } from './cidr-overlap.js';
export { default as connectPortClosed } from './connect-port-closed.js';
export { default as connectServicePort } from './connect-service-port.js';
export { default as controlPlaneIncomplete } from './control-plane-incomplete.js';
export { default as hostNetworkUsed } from './host-network-used.js';
export { default as hostPortConflict } from './host-port-conflict.js';
export { default as imageUnpinned } from './image-unpinned.js';
export { default as invalidK8sName } from './invalid-k8s-name.js';
export { default as localhostCrossPod } from './localhost-cross-pod.js';
export { default as localhostNoListener } from './localhost-no-listener.js';
export { default as nodeMissingKubeProxy } from './node-missing-kube-proxy.js';
export { default as nodeMissingKubelet } from './node-missing-kubelet.js';
export { default as nodeMissingRuntime } from './node-missing-runtime.js';
export { default as podEmpty } from './pod-empty.js';
export { default as podIpDuplicate } from './pod-ip-duplicate.js';
export { default as podIpOutsideCidr } from './pod-ip-outside-cidr.js';
export { default as podPortConflict } from './pod-port-conflict.js';
export { default as processNotShared } from './process-not-shared.js';
export { default as selectorLabelSyntax } from './selector-label-syntax.js';
export { default as serviceIpDuplicate } from './service-ip-duplicate.js';
export { default as serviceIpOutsideCidr } from './service-ip-outside-cidr.js';
export { default as serviceNodePortRange } from './service-node-port-range.js';
export { default as serviceSelectsNothing } from './service-selects-nothing.js';
export { default as serviceTargetPortClosed } from './service-target-port-closed.js';
export { default as unknownComponent } from './unknown-component.js';
export { default as volumeUndeclared } from './volume-undeclared.js';
export { default as volumeUnused } from './volume-unused.js';
export { default as workloadUnplaceable } from './workload-unplaceable.js';
