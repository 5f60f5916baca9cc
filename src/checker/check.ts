// Runs the enabled rules over a model and turns their reports into diagnostics: severity from the
// config (else the rule's default), `topodoc-disable…` suppressions, unused-directive warnings, order.

import {
  type Diagnostic,
  fileRange,
  type Location,
  relatedLocation,
  sortDiagnostics,
} from '../diagnostics.js';
import type { Pod, Suppression, Topology } from '../model/types.js';
import { ModelIndex } from './model-index.js';
import { RULES } from './registry.js';
import { formatMessage, type Rule, type RuleReport } from './rule.js';

export interface CheckOptions {
  /** Rule id → setting; rules not named keep their default severity. */
  rules?: Record<string, 'off' | 'warn' | 'error'>;
  /**
   * Findings made outside the rules (drift against other sources), with the severity they should
   * have: suppressions apply to them as to rule findings.
   */
  extraFindings?: readonly Diagnostic[];
  /** Report each suppression comment that suppressed nothing (as `unused-disable-directive`, a warning). */
  reportUnusedDisableDirectives?: boolean;
}

/** The warning about a `topodoc-disable…` comment that suppressed no finding: not a rule a user configures. */
export const UNUSED_DIRECTIVE = {
  id: 'unused-disable-directive',
  description:
    'A `topodoc-disable` directive that suppressed nothing (reported with --report-unused-disable-directives)',
  hint: 'Remove the directive, or the rule ids it no longer needs to name.',
} as const;
export const UNUSED_DIRECTIVE_ID = UNUSED_DIRECTIVE.id;

function toDiagnostic(rule: Rule, severity: 'error' | 'warning', report: RuleReport): Diagnostic {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`Rule ${rule.meta.id} has no message ${report.messageId}`);
  const diagnostic: Diagnostic = {
    ...fileRange(report.loc),
    severity,
    source: 'checker',
    ruleId: rule.meta.id,
    messageId: report.messageId,
    message: formatMessage(template, report.data),
    hint: rule.meta.hint,
  };
  if (report.related && report.related.length > 0) diagnostic.related = report.related.map(relatedLocation);
  return diagnostic;
}

function runRules(model: Topology, settings: CheckOptions['rules'] = {}): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const index = new ModelIndex(model);
  for (const rule of RULES) {
    const setting = settings[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    const severity = setting === 'warn' ? 'warning' : 'error';
    rule.check({
      model,
      index,
      report: (report) => findings.push(toDiagnostic(rule, report.severity ?? severity, report)),
    });
  }
  return oncePerTemplateLine(model, findings);
}

/**
 * A workload's pods share its template's lines: a problem there is one finding, at that line, not
 * one per replica (kubernetes.md §2). Findings elsewhere are kept as they are.
 */
function oncePerTemplateLine(model: Topology, findings: Diagnostic[]): Diagnostic[] {
  const templateLines = new Set<string>();
  const key = (file: string, offset: number) => `${file}\u0000${offset}`;
  for (const workload of model.cluster.workloads) {
    if (workload.pods.length === 0) continue;
    for (const loc of templateLocations(workload.template))
      templateLines.add(key(loc.source.file, loc.start));
  }
  if (templateLines.size === 0) return findings;
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const at = key(finding.file, finding.range.start.offset);
    if (!templateLines.has(at)) return true;
    const id = `${finding.ruleId}\u0000${finding.messageId ?? ''}\u0000${at}\u0000${finding.range.end.offset}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Every statement of a pod template a finding can point at. */
function templateLocations(template: Pod): Location[] {
  const locations: Location[] = [template.loc, ...template.labels.map((label) => label.loc)];
  for (const optional of [
    template.hostNetworkLoc,
    template.shareProcessNamespaceLoc,
    template.namespaceLoc,
  ]) {
    if (optional) locations.push(optional);
  }
  for (const volume of template.volumes)
    locations.push(volume.loc, ...(volume.type ? [volume.type.loc] : []));
  for (const container of template.containers) {
    const owners = [container, ...container.processes];
    locations.push(container.loc, ...(container.image ? [container.image.loc] : []));
    locations.push(...container.mounts.map((mount) => mount.loc));
    for (const owner of owners) {
      locations.push(
        owner.loc,
        ...owner.listens.map((listen) => listen.loc),
        ...owner.connects.map((c) => c.loc),
      );
    }
  }
  return locations;
}

function suppresses(suppression: Suppression, finding: Diagnostic): boolean {
  if (finding.file !== suppression.loc.source.file || !suppression.rules.includes(finding.ruleId))
    return false;
  return suppression.scope === 'file' || finding.range.start.line === suppression.targetLine;
}

function unusedDirective(suppression: Suppression, unusedRules: string[]): Diagnostic {
  const where = suppression.scope === 'file' ? 'in this file' : `on line ${suppression.targetLine}`;
  return {
    ...fileRange(suppression.loc),
    severity: 'warning',
    source: 'checker',
    ruleId: UNUSED_DIRECTIVE_ID,
    message: `Unused topodoc-disable directive: no ${unusedRules.join(' or ')} finding ${where} to suppress`,
    hint: UNUSED_DIRECTIVE.hint,
  };
}

/** Rule findings for the model, suppressions applied, sorted (compareDiagnostics). */
export function check(model: Topology, options: CheckOptions = {}): Diagnostic[] {
  const findings = [...runRules(model, options.rules), ...(options.extraFindings ?? [])];
  const used = new Map<Suppression, Set<string>>();
  const kept = findings.filter((finding) => {
    const suppressing = model.suppressions.filter((suppression) => suppresses(suppression, finding));
    for (const suppression of suppressing) {
      const rules = used.get(suppression) ?? new Set<string>();
      used.set(suppression, rules.add(finding.ruleId));
    }
    return suppressing.length === 0;
  });
  if (options.reportUnusedDisableDirectives) {
    const ruleIds = new Set([
      ...RULES.map((rule) => rule.meta.id),
      ...(options.extraFindings ?? []).map((finding) => finding.ruleId),
    ]);
    for (const suppression of model.suppressions) {
      // Ids that are not checker rules are the model's to report (invalid-directive).
      const unused = suppression.rules.filter((id) => ruleIds.has(id) && !used.get(suppression)?.has(id));
      if (unused.length > 0) kept.push(unusedDirective(suppression, unused));
    }
  }
  return sortDiagnostics(kept);
}
