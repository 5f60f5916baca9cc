// The Mermaid class of every drawn entity and the fixed `classDef` colours: light fills with dark
// text of the same hue, so each kind reads apart in colour and stays legible in print.

import type { DrawnEntity, ExternalNode } from './endpoints.js';

/**
 * Class names in the order their `classDef` lines are written; the styles are constants, never
 * user text. No name is one Mermaid gives its own elements (`cluster`, `node`, `label`…) or a common
 * page-framework class (`container`, `group`), whose styles would otherwise reach these elements.
 */
export const CLASS_STYLES = {
  kubeCluster: 'fill:#ffffff,stroke:#334155,stroke-width:2px,color:#0f172a',
  machine: 'fill:#f8fafc,stroke:#475569,stroke-width:2px,color:#0f172a',
  processGroup: 'fill:#f1f5f9,stroke:#94a3b8,stroke-dasharray:5 4,color:#334155',
  controlPlane: 'fill:#dbeafe,stroke:#1d4ed8,color:#1e3a8a',
  nodeProcess: 'fill:#dcfce7,stroke:#15803d,color:#14532d',
  otherProcess: 'fill:#f3f4f6,stroke:#6b7280,color:#111827',
  pod: 'fill:#fff7ed,stroke:#c2410c,stroke-width:2px,color:#7c2d12',
  appContainer: 'fill:#fef3c7,stroke:#b45309,color:#78350f',
  sidecarContainer: 'fill:#ede9fe,stroke:#6d28d9,color:#4c1d95',
  initContainer: 'fill:#fef3c7,stroke:#b45309,stroke-dasharray:4 3,color:#78350f',
  service: 'fill:#ecfeff,stroke:#0e7490,stroke-width:2px,color:#164e63',
  workloadTemplate: 'fill:#fff7ed,stroke:#c2410c,stroke-width:2px,stroke-dasharray:6 3,color:#7c2d12',
  externalEndpoint: 'fill:#ffffff,stroke:#6b7280,stroke-dasharray:4 3,color:#374151',
  unresolvedEndpoint: 'fill:#fef2f2,stroke:#dc2626,stroke-dasharray:4 3,color:#991b1b',
} as const;

export type ClassName = keyof typeof CLASS_STYLES;

export function entityClass(entity: DrawnEntity): ClassName {
  switch (entity.kind) {
    case 'process':
      return entity.role === 'control-plane'
        ? 'controlPlane'
        : entity.role === 'node'
          ? 'nodeProcess'
          : 'otherProcess';
    case 'container':
      return entity.role === 'sidecar'
        ? 'sidecarContainer'
        : entity.role === 'init'
          ? 'initContainer'
          : 'appContainer';
    case 'group':
      return 'processGroup';
    case 'cluster':
      return 'kubeCluster';
    case 'machine':
    case 'pod':
    case 'service':
      return entity.kind;
    case 'workload':
      return 'workloadTemplate';
  }
}

export function externalClass(node: ExternalNode): ClassName {
  return node.unresolved ? 'unresolvedEndpoint' : 'externalEndpoint';
}

/** The `classDef` lines of the classes in use (in CLASS_STYLES order), then one `class` line each. */
export function styleLines(classes: ReadonlyMap<ClassName, readonly string[]>): string[] {
  const used = (Object.keys(CLASS_STYLES) as ClassName[]).filter((name) => classes.has(name));
  return [
    ...used.map((name) => `classDef ${name} ${CLASS_STYLES[name]}`),
    ...used.map((name) => `class ${(classes.get(name) ?? []).join(',')} ${name}`),
  ];
}
