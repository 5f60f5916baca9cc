// unknown-component: a process name that is nearly, but not exactly, a well-known Kubernetes
// component (`kubelett`); names are matched exactly, so the misspelt one counts as nothing.

import { distance } from 'fastest-levenshtein';
import { WELL_KNOWN_PROCESSES } from '../../model/well-known.js';
import { defineRule } from '../rule.js';

/** Edits (insert, delete, substitute) within which a name counts as a misspelling. */
const MAX_EDITS = 2;

/** The well-known name within MAX_EDITS of `name` (closest first, table order on ties), unless `name` is one. */
export function nearComponent(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = MAX_EDITS + 1;
  for (const { name: known } of WELL_KNOWN_PROCESSES) {
    if (known === name) return undefined;
    const d = distance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

export default defineRule({
  meta: {
    id: 'unknown-component',
    description: 'A process name within two edits of a well-known Kubernetes component, but not equal to it',
    defaultSeverity: 'warn',
    fact: 'topodoc recognises the components by their exact names — that is what makes a machine a node (`kubelet`), gives it a runtime, or completes the control plane. A misspelt name is an ordinary process, so the other rules then report a missing kubelet or an incomplete control plane for a reason that is hard to see.',
    url: 'https://kubernetes.io/docs/concepts/architecture/',
    hint: 'Spell the component exactly as Kubernetes does, or rename the process so it is clearly not that component.',
    messages: {
      nearMiss:
        'Process {{process}} is named `{{name}}`, close to the Kubernetes component `{{component}}`; did you mean `{{component}}`?',
    },
  },
  check(ctx) {
    // Names repeat on every node (kubelet, containerd, …): each is measured once.
    const nearByName = new Map<string, string | undefined>();
    for (const process of ctx.index.processes) {
      if (!nearByName.has(process.name)) nearByName.set(process.name, nearComponent(process.name));
      const component = nearByName.get(process.name);
      if (component === undefined) continue;
      ctx.report({
        messageId: 'nearMiss',
        data: { process: process.path, name: process.name, component },
        loc: process.nameLoc,
      });
    }
  },
});
