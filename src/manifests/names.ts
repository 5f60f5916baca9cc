// Kubernetes names as `.topo` names (`[A-Za-z_][A-Za-z0-9_-]*`): node and pod names may hold dots
// or start with a digit. Within one scope (a pod's containers and volumes, a machine's pods, …)
// two different Kubernetes names never become one `.topo` name.

const NOT_NAME_CHARACTER = /[^A-Za-z0-9_-]/g;

/** `ip-10-0-1-5.ec2.internal` → `ip-10-0-1-5-ec2-internal`; `1st` → `_1st`; already valid names are kept. */
export function topoName(name: string): string {
  const replaced = name.replace(NOT_NAME_CHARACTER, '-');
  return /^[A-Za-z_]/.test(replaced) ? replaced : `_${replaced}`;
}

/** The names given out in one scope: the same Kubernetes name always gets the same `.topo` name. */
export class NameScope {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /**
   * The `.topo` name of `original`: `topoName(original)`, else with `-SUFFIX` when another name
   * already has it (a volume named like a container), else with a number. `key` tells apart
   * names of different kinds that share the scope (default: the name itself).
   */
  name(original: string, options: { key?: string; suffix?: string } = {}): string {
    const key = options.key ?? original;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = topoName(original);
    const candidates = options.suffix === undefined ? [base] : [base, `${base}-${options.suffix}`];
    let chosen = candidates.find((candidate) => !this.taken.has(candidate));
    for (let n = 2; chosen === undefined; n++) {
      if (!this.taken.has(`${base}-${n}`)) chosen = `${base}-${n}`;
    }
    this.byKey.set(key, chosen);
    this.taken.add(chosen);
    return chosen;
  }

  /** The name given for `key`, if any. */
  nameOf(key: string): string | undefined {
    return this.byKey.get(key);
  }
}

/** The label to show when the `.topo` name differs from the Kubernetes name. */
export function labelFor(original: string, name: string): string | undefined {
  return original === name ? undefined : original;
}
