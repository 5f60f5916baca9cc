// selector-label-syntax: label keys and values follow Kubernetes' syntax, or the API server
// refuses the object.

import type { Label } from '../../model/types.js';
import { defineRule } from '../rule.js';

/** A label name: at most 63 characters, alphanumerics, `-`, `_`, `.`, beginning and ending alphanumeric. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
/** A DNS subdomain prefix: at most 253 characters of lowercase labels joined by dots. */
const PREFIX = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/** Why Kubernetes refuses the key, or undefined. */
function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix))) {
    return `its prefix \`${prefix}\` is not a DNS subdomain (lowercase letters, digits, \`-\` and \`.\`, at most 253 characters)`;
  }
  if (name === '') return 'its name is empty';
  if (!NAME.test(name)) {
    return `its name \`${name}\` must be at most 63 characters of letters, digits, \`-\`, \`_\` and \`.\`, beginning and ending with a letter or digit`;
  }
  return undefined;
}

/** Why Kubernetes refuses the value (empty is allowed), or undefined. */
function valueProblem(value: string): string | undefined {
  if (value === '' || NAME.test(value)) return undefined;
  return 'a value must be empty or at most 63 characters of letters, digits, `-`, `_` and `.`, beginning and ending with a letter or digit';
}

export default defineRule({
  meta: {
    id: 'selector-label-syntax',
    description: 'A label or selector key or value that Kubernetes would reject',
    defaultSeverity: 'error',
    fact: 'Label keys are "an optional prefix and name, separated by a slash": the name at most 63 characters, "beginning and ending with an alphanumeric character ([a-z0-9A-Z]) with dashes (-), underscores (_), dots (.), and alphanumerics between", the prefix a DNS subdomain; values are empty or follow the name\'s rule. The API server refuses an object with any other label or selector.',
    url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
    hint: 'Write the key as `[prefix/]name` and the value as at most 63 letters, digits, `-`, `_` and `.`, beginning and ending with a letter or digit.',
    messages: {
      key: 'Label key `{{key}}` is not valid: {{why}}',
      value: 'Label value `{{value}}` of `{{key}}` is not valid: {{why}}',
    },
  },
  check(ctx) {
    const seen = new Set<Label[]>();
    const lists = [
      ...ctx.index.pods.map((pod) => pod.labels),
      ...ctx.model.cluster.workloads.map((workload) => workload.template.labels),
      ...ctx.model.cluster.services.map((service) => service.selector),
    ];
    for (const labels of lists) {
      // Expanded pods share their template's list: judged once.
      if (seen.has(labels)) continue;
      seen.add(labels);
      for (const label of labels) {
        const key = keyProblem(label.key);
        if (key) ctx.report({ messageId: 'key', data: { key: label.key, why: key }, loc: label.keyLoc });
        const value = valueProblem(label.value);
        if (value) {
          ctx.report({
            messageId: 'value',
            data: { key: label.key, value: label.value, why: value },
            loc: label.valueLoc,
          });
        }
      }
    }
  },
});
