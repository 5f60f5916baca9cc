// The cluster view: every machine side by side (rows wrap), each listing its control-plane, node
// and other processes and holding its pods as small boxes; an explicit cluster is a box around them.

import { serviceAddressText } from '../../model/notation.js';
import { allPods, unscheduledTemplates } from '../../model/query.js';
import type { Machine, Pod, Process, ProcessRole, Topology } from '../../model/types.js';
import { BLANK, type BoxPart, drawBox, type Frame, textPart } from './box.js';
import { headingParts, rowPart } from './boxes.js';
import { podAddress, titleOf } from './describe.js';
import { type Block, flow } from './layout.js';
import { selectedPodBox } from './services.js';
import { NO_BREAK_SPACE } from './text.js';

const MACHINES_ROW = { gap: 2, rowGap: 1 };
/** Notes and process lists wrap rather than widen a machine beyond this, so that two fit side by side at 80 columns. */
const MACHINE_TEXT_COLUMNS = 30;

const ROLE_HEADINGS: readonly [ProcessRole, string][] = [
  ['control-plane', 'control plane'],
  ['node', 'node'],
  ['other', 'other'],
];

export function clusterDrawing(model: Topology, frame: Frame): Block {
  const cluster = model.cluster;
  const objects = kubernetesObjectParts(model, frame.glyphs.arrow);
  if (cluster.implicit && objects.length === 0)
    return flow(
      cluster.machines.map((machine) => machineBox(machine, frame)),
      frame.width,
      MACHINES_ROW,
    );
  return clusterBox(model, frame);
}

/** The cluster's box (an implicit cluster gets one too when it has services or workloads to list). */
function clusterBox(model: Topology, frame: Frame): Block {
  const cluster = model.cluster;
  const ranges = [
    ...(cluster.podCidr ? textPart(`pod CIDR: ${cluster.podCidr.value.text}`) : []),
    ...(cluster.serviceCidr ? textPart(`service CIDR: ${cluster.serviceCidr.value.text}`) : []),
  ];
  const machines = rowPart(cluster.machines, machineBox, MACHINES_ROW);
  const parts: BoxPart[] = [
    ...headingParts(cluster),
    ...ranges,
    ...(machines.length > 0 ? [BLANK, ...machines] : []),
    ...kubernetesObjectParts(model, frame.glyphs.arrow),
    ...namespaceParts(model),
  ];
  return drawBox({ entity: cluster, parts }, frame);
}

/**
 * Under the machines: the templates of unscheduled workloads (`× N` boxes), then one line per
 * service naming the pods it selects.
 */
function kubernetesObjectParts(model: Topology, arrow: string): BoxPart[] {
  const templates = rowPart(unscheduledTemplates(model), selectedPodBox, { gap: 1 });
  const services = model.cluster.services.flatMap((service) => {
    const pods = service.selected.map((pod) => pod.name);
    const target = pods.length === 0 ? 'no pod' : [...new Set(pods)].join(', ');
    return textPart(`service ${titleOf(service)}: ${serviceAddressText(service)} ${arrow} ${target}`, {
      indent: 2,
    });
  });
  return [
    ...(templates.length > 0 ? [BLANK, ...textPart('workloads not scheduled (no node):'), ...templates] : []),
    ...(services.length > 0 ? [BLANK, ...services] : []),
  ];
}

/**
 * `namespace shop: web-1, web-2, db-0`: the pods of each namespace other than `default`, in the
 * cluster's box (a model without a cluster block keeps the reference figures' layout).
 */
function namespaceParts(model: Topology): BoxPart[] {
  const pods = allPods(model);
  const namespaces = [...new Set(pods.map((pod) => pod.namespace))].filter((name) => name !== 'default');
  const lines = namespaces.flatMap((namespace) => {
    const names = pods.filter((pod) => pod.namespace === namespace).map((pod) => pod.name);
    return textPart(`namespace ${namespace}: ${names.join(', ')}`, { indent: 2 });
  });
  return lines.length > 0 ? [BLANK, ...lines] : [];
}

function machineBox(machine: Machine, frame: Frame): Block {
  const address = machine.ip ? textPart(`IP:${NO_BREAK_SPACE}${machine.ip.value.text}`) : [];
  const processes = processLists(machine.processes);
  const pods = rowPart(machine.pods, podBox, { gap: 1 });
  const parts: BoxPart[] = [
    ...headingParts(machine, MACHINE_TEXT_COLUMNS),
    ...address,
    ...(processes.length > 0 ? [BLANK, ...processes] : []),
    ...(pods.length > 0 ? [BLANK, ...pods] : []),
  ];
  return drawBox({ entity: machine, parts }, frame);
}

/** `control plane: etcd, kube-apiserver`, `node: …`, `other: …` — one line per role present. */
function processLists(processes: Process[]): BoxPart[] {
  return ROLE_HEADINGS.flatMap(([role, heading]) => {
    const names = processes.filter((process) => process.role === role).map(titleOf);
    return names.length === 0
      ? []
      : textPart(`${heading}: ${names.join(', ')}`, { indent: 2, cap: MACHINE_TEXT_COLUMNS });
  });
}

function podBox(pod: Pod, frame: Frame): Block {
  return drawBox(
    {
      entity: pod,
      parts: [...textPart(titleOf(pod)), ...textPart(`IP:${NO_BREAK_SPACE}${podAddress(pod)}`)],
    },
    frame,
  );
}
