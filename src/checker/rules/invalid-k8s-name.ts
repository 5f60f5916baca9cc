// invalid-k8s-name: pod and container names must be DNS-1123 labels (RFC 1123): at most 63
// characters, lowercase letters, digits and `-`, starting and ending with a letter or digit.

import type { Container, Pod } from '../../model/types.js';
import { defineRule } from '../rule.js';

export const MAX_LABEL_LENGTH = 63;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Everything that keeps `name` from being a DNS-1123 label, as clauses; undefined when it is one. */
export function dnsLabelProblem(name: string): string | undefined {
  if (name.length <= MAX_LABEL_LENGTH && DNS_LABEL.test(name)) return undefined;
  const problems: string[] = [];
  if (name.length > MAX_LABEL_LENGTH)
    problems.push(`it is ${name.length} characters long (at most ${MAX_LABEL_LENGTH})`);
  if (/[A-Z]/.test(name)) problems.push('it has uppercase letters');
  const others = [...new Set(name.replace(/[A-Za-z0-9-]/g, ''))];
  if (others.length > 0) problems.push(`it has ${others.map((c) => `\`${c}\``).join(', ')}`);
  const first = name.charAt(0);
  const last = name.charAt(name.length - 1);
  if (!/[A-Za-z0-9]/.test(first)) problems.push(`it starts with \`${first}\``);
  if (!/[A-Za-z0-9]/.test(last)) problems.push(`it ends with \`${last}\``);
  return problems.join('; ');
}

export default defineRule({
  meta: {
    id: 'invalid-k8s-name',
    description:
      'A pod or container name that is not a DNS-1123 label (lowercase, `-`, at most 63, alphanumeric ends)',
    defaultSeverity: 'warn',
    fact: "Container names must be DNS labels as defined in RFC 1123: at most 63 characters, only lowercase alphanumeric characters or `-`, starting and ending with an alphanumeric character. Pod names must be DNS subdomains and become the pod's hostname, which is such a label; topodoc names hold no dots, so the label form applies to both.",
    url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names',
    hint: 'Use lowercase letters, digits and `-` only (`web_API` → `web-api`), at most 63 characters.',
    messages: {
      invalid: '{{kind}} {{path}} is named `{{name}}`, which is not a DNS-1123 label: {{problem}}',
    },
  },
  check(ctx) {
    const entities: (Pod | Container)[] = ctx.index.pods.flatMap((pod) => [pod, ...pod.containers]);
    for (const entity of entities) {
      const problem = dnsLabelProblem(entity.name);
      if (problem === undefined) continue;
      ctx.report({
        messageId: 'invalid',
        data: {
          kind: entity.kind === 'pod' ? 'Pod' : 'Container',
          name: entity.name,
          path: entity.path,
          problem,
        },
        loc: entity.nameLoc,
      });
    }
  },
});
