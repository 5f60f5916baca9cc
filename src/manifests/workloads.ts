// Workload objects (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job,
// CronJob) as workload blocks holding their pod template, and Services as service blocks: every
// statement at the YAML field it came from, so findings point into the manifest.

import type { PodTemplateSpec, Service, ServicePort } from 'kubernetes-types/core/v1.js';
import type { BlockKeyword, Statement, Value } from '../parser/ast.js';
import type { Field } from './fields.js';
import { labelFor, type NameScope, topoName } from './names.js';
import type { KubeObject } from './objects.js';
import { namedPort, podStatements } from './pod-spec.js';
import { address, block, comma, integer, label, property, word } from './tree.js';

/** The workload kinds and the block each becomes (the language has three; the rest run pods like a Deployment). */
export const WORKLOAD_BLOCKS: Readonly<Record<string, BlockKeyword>> = {
  Deployment: 'deployment',
  ReplicaSet: 'deployment',
  ReplicationController: 'deployment',
  Job: 'deployment',
  CronJob: 'deployment',
  StatefulSet: 'statefulset',
  DaemonSet: 'daemonset',
};

interface WorkloadShape {
  spec?: {
    replicas?: number;
    parallelism?: number;
    template?: PodTemplateSpec;
    jobTemplate?: { spec?: { parallelism?: number; template?: PodTemplateSpec } };
  };
}

/** A workload object as a `deployment`, `statefulset` or `daemonset` block (undefined: no pod template). */
export function workloadBlock(object: KubeObject, names: NameScope): Statement | undefined {
  const keyword = WORKLOAD_BLOCKS[object.kind];
  const root = object.root as Field<WorkloadShape>;
  const spec = root.require('spec');
  if (keyword === undefined || spec === undefined) return undefined;
  const jobSpec = object.kind === 'CronJob' ? spec.require('jobTemplate')?.require('spec') : undefined;
  const template = (jobSpec ?? spec).require('template');
  const podSpec = template?.require('spec');
  if (template === undefined || podSpec === undefined) return undefined;
  const body: Statement[] = [];
  const count =
    keyword === 'daemonset' ? undefined : (spec.get('replicas') ?? (jobSpec ?? spec).get('parallelism'));
  const replicas = count?.integer();
  if (count && replicas !== undefined)
    body.push(property('replicas', count, [integer(replicas, count.span)]));
  const labels = template.get('metadata')?.get('labels');
  if (labels) {
    const values = labelValues(labels);
    if (values.length > 0) body.push(property('labels', labels, values));
  }
  body.push(
    ...podStatements({
      spec: podSpec,
      namespace: (object.root as Field<{ metadata?: { namespace?: string } }>)
        .get('metadata')
        ?.get('namespace'),
    }),
  );
  const name = names.name(object.name, {
    key: `${keyword}:${object.namespace}/${object.name}`,
    suffix: object.namespace,
  });
  return block({
    keyword,
    name,
    label: labelFor(object.name, name),
    at: object.nameField,
    body,
  });
}

/** A Service as a `service` block: namespace, type, cluster IP, selector and ports. */
export function serviceBlock(object: KubeObject, names: NameScope): Statement | undefined {
  const root = object.root as Field<Service>;
  const spec = root.get('spec');
  const body: Statement[] = [];
  const namespace = root.get('metadata')?.get('namespace');
  const namespaceText = namespace?.string();
  if (namespace && namespaceText !== undefined && namespaceText !== 'default') {
    body.push(property('namespace', namespace, [word(topoName(namespaceText), namespace.span)]));
  }
  const clusterIp = spec?.get('clusterIP');
  const ipText = clusterIp?.string();
  const headless = ipText === 'None';
  const type = spec?.get('type');
  const typeText = headless
    ? 'Headless'
    : type?.member(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  if (typeText !== undefined && typeText !== 'ClusterIP' && typeText !== 'ExternalName') {
    const at = headless ? (clusterIp as Field<unknown>) : (type as Field<unknown>);
    body.push(property('type', at, [word(typeText, at.span)]));
  }
  if (clusterIp && ipText !== undefined && !headless && ipText !== '') {
    body.push(property('ip', clusterIp, [address(ipText, clusterIp.span)]));
  }
  const selector = spec?.get('selector');
  if (selector) {
    const values = labelValues(selector);
    if (values.length > 0) body.push(property('selector', selector, values));
  }
  for (const item of spec?.get('ports')?.items() ?? []) {
    const statement = servicePort(item);
    if (statement) body.push(statement);
  }
  const name = names.name(object.name, {
    key: `service:${object.namespace}/${object.name}`,
    suffix: object.namespace,
  });
  return block({
    keyword: 'service',
    name,
    label: labelFor(object.name, name),
    at: object.nameField,
    body,
  });
}

/** `KEY=VALUE, …` of a labels or selector mapping, each at its YAML key and value. */
export function labelValues(map: Field<Readonly<Record<string, string>>>): Value[] {
  const values: Value[] = [];
  for (const [key, value] of map.entries()) {
    const text = value.string();
    if (text === undefined) continue;
    if (values.length > 0) values.push(comma(value.keySpan));
    values.push(label(key, text, value.keySpan, value.span));
  }
  return values;
}

/** `port PORT[/PROTOCOL] [NAME] [target PORT|NAME] [node PORT]`, at the `targetPort` when there is one. */
function servicePort(item: Field<ServicePort>): Statement | undefined {
  const portField = item.require('port');
  const values = portField && namedPort(item, portField);
  if (portField === undefined || values === undefined) return undefined;
  const target = item.get('targetPort');
  const targetValue = target?.intOrString();
  if (target && targetValue !== undefined) {
    values.push(word('target', target.keySpan));
    values.push(
      typeof targetValue === 'number'
        ? integer(targetValue, target.span)
        : word(topoName(targetValue), target.span),
    );
  }
  const nodePort = item.get('nodePort');
  const nodeNumber = nodePort?.integer();
  if (nodePort && nodeNumber !== undefined)
    values.push(word('node', nodePort.keySpan), integer(nodeNumber, nodePort.span));
  return property('port', target ?? portField, values);
}
