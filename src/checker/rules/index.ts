// The rule registry: every checker rule, sorted by id. Adding a rule is its file plus one line here.

import type { Rule } from '../rule.js';
import cidrOverlap from './cidr-overlap.js';
import connectPortClosed from './connect-port-closed.js';
import controlPlaneIncomplete from './control-plane-incomplete.js';
import hostNetworkUsed from './host-network-used.js';
import hostPortConflict from './host-port-conflict.js';
import imageUnpinned from './image-unpinned.js';
import invalidK8sName from './invalid-k8s-name.js';
import localhostCrossPod from './localhost-cross-pod.js';
import localhostNoListener from './localhost-no-listener.js';
import nodeMissingKubeProxy from './node-missing-kube-proxy.js';
import nodeMissingKubelet from './node-missing-kubelet.js';
import nodeMissingRuntime from './node-missing-runtime.js';
import podEmpty from './pod-empty.js';
import podIpDuplicate from './pod-ip-duplicate.js';
import podIpOutsideCidr from './pod-ip-outside-cidr.js';
import podPortConflict from './pod-port-conflict.js';
import processNotShared from './process-not-shared.js';
import unknownComponent from './unknown-component.js';
import volumeUndeclared from './volume-undeclared.js';
import volumeUnused from './volume-unused.js';

/** Every rule, in id order (a test keeps this list sorted and complete). */
export const RULES: readonly Rule[] = [
  cidrOverlap,
  connectPortClosed,
  controlPlaneIncomplete,
  hostNetworkUsed,
  hostPortConflict,
  imageUnpinned,
  invalidK8sName,
  localhostCrossPod,
  localhostNoListener,
  nodeMissingKubeProxy,
  nodeMissingKubelet,
  nodeMissingRuntime,
  podEmpty,
  podIpDuplicate,
  podIpOutsideCidr,
  podPortConflict,
  processNotShared,
  unknownComponent,
  volumeUndeclared,
  volumeUnused,
];
