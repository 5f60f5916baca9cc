// What the other stages know of manifests without reading one: which files are manifests, and how
// the two findings of reading them are described. Free of the YAML library, so a command that reads
// no manifest never loads it.

/** Extensions of the files read as Kubernetes manifests. */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** True when `path` names a file read as Kubernetes manifests. */
export function isManifestPath(path: string): boolean {
  const lower = path.toLowerCase();
  return MANIFEST_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export const MANIFEST_ERROR = {
  id: 'manifest-error',
  description:
    "A manifest that cannot be read as Kubernetes objects: invalid YAML or JSON, a document without `apiVersion`, `kind` or `metadata.name`, a field of the wrong type, a refused YAML tag, or input past the reader's limits.",
  hint: 'Fix the manifest at the position shown; `kubectl apply --dry-run=client -f FILE` reports the same problems.',
} as const;

export const DUPLICATE_OBJECT = {
  id: 'duplicate-object',
  description: 'Two objects with one kind, namespace and name in the manifests read together.',
  defaultSeverity: 'warn',
  fact: "An object is identified by its kind, namespace and name; applying a second object with the same identity replaces the first one's configuration, so only the later one takes effect.",
  url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  hint: 'Remove one of the two objects, or rename one if both are meant to exist.',
} as const;
