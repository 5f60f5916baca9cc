// The Kubernetes objects of manifest files: every document, `List` items flattened, in input order,
// each with its kind, name, namespace and place; objects without `apiVersion`, `kind` or
// `metadata.name` are problems. Of two objects with one identity the later wins (`kubectl apply`).

import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { isMap, isScalar } from 'yaml';
import { type Range, SourceText } from '../diagnostics.js';
import { DocumentScope, Field, type FieldProblem } from './fields.js';
import { parseYaml } from './yaml.js';

/** What every object has; the mapping code reads the rest through its kind's interface. */
export interface ObjectShape {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  items?: ObjectShape[];
}

export interface KubeObject {
  kind: string;
  apiVersion: string;
  name: string;
  /** `undefined` for cluster-scoped kinds (Node, Namespace, …). */
  namespace: string | undefined;
  root: Field<ObjectShape>;
  /** The `metadata.name` value: where findings about the object as a whole point. */
  nameField: Field<string>;
  file: string;
  /** Line of the object's first key. */
  line: number;
}

/** A manifest file: its display path and text (without a leading BOM). */
export interface ManifestFile {
  file: string;
  text: string;
  /** Where the first invalid UTF-8 sequence was (the text holds U+FFFD there). */
  invalidUtf8At?: Range;
}

export interface DuplicateObject {
  /** The object that wins (the later one). */
  object: KubeObject;
  replaced: KubeObject;
}

export interface ReadObjects {
  /** Unique by identity, in the order of their first appearance, each the last one written. */
  objects: KubeObject[];
  duplicates: DuplicateObject[];
  /** Display path → text, every file read. */
  sources: Map<string, string>;
  /** The same texts with their line index, in the order of the files (the offsets of the objects count in them). */
  texts: SourceText[];
}

/** Kinds that live outside namespaces (the usual ones; others take `metadata.namespace` as written). */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CSIDriver',
  'CSINode',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

/** `Deployment shop/api`, `Node worker-1`: how messages and comments name an object. */
export function describeObject(object: Pick<KubeObject, 'kind' | 'name' | 'namespace'>): string {
  return `${object.kind} ${object.namespace === undefined ? '' : `${object.namespace}/`}${object.name}`;
}

/** Where an object starts, `k8s/api.yaml:12`. */
export function objectPlace(object: KubeObject): string {
  return `${object.file}:${object.line}`;
}

/**
 * The objects of `files`. Problems go to `problems`, now and whenever a field of an object is read
 * later (the objects keep the sink).
 */
export function readObjects(files: readonly ManifestFile[], problems: FieldProblem[]): ReadObjects {
  const sources = new Map<string, string>();
  const texts: SourceText[] = [];
  const all: KubeObject[] = [];
  for (const { file, text, invalidUtf8At } of files) {
    sources.set(file, text);
    if (invalidUtf8At) {
      problems.push({
        file,
        range: invalidUtf8At,
        message: 'invalid UTF-8 byte sequence; the file must be UTF-8 encoded',
      });
    }
    const source = new SourceText(file, text);
    texts.push(source);
    const parsed = parseYaml(text);
    for (const problem of parsed.problems) {
      problems.push({ file, range: source.range(problem.start, problem.end), message: problem.message });
    }
    for (const document of parsed.documents) {
      // A document with YAML errors holds a guessed tree: its errors are reported, not its objects.
      if (document.errors.length > 0 || document.contents === null) continue;
      const scope = new DocumentScope(source, document, (problem) => problems.push(problem));
      const contents = scope.resolve(document.contents);
      // An empty document (`---` with nothing or only comments after it), as Helm prints for empty templates.
      if (contents === undefined || (isScalar(contents) && contents.value === null)) continue;
      if (!isMap(contents)) {
        Field.root<ObjectShape>(contents, scope).report(
          'a Kubernetes manifest document must be a mapping with `apiVersion` and `kind`',
        );
        continue;
      }
      collect(Field.root<ObjectShape>(contents, scope), all);
    }
  }
  const { objects, duplicates } = lastOneWins(all);
  return { objects, duplicates, sources, texts };
}

/** The object at `root`, or the items of a `List` (`kubectl get … -o yaml`), into `into`. */
function collect(root: Field<ObjectShape>, into: KubeObject[], depth = 0): void {
  const kindField = root.get('kind');
  const apiVersionField = root.get('apiVersion');
  const missing = [kindField ? '' : '`kind`', apiVersionField ? '' : '`apiVersion`'].filter(Boolean);
  if (missing.length > 0) {
    root.reportAtStart(
      `this object has no ${missing.join(' and ')}: every Kubernetes object names its kind and API version`,
    );
  }
  const kind = kindField?.string();
  const apiVersion = apiVersionField?.string();
  if (kind === undefined || apiVersion === undefined) return;
  if (/List$/.test(kind) && root.keys().includes('items') && depth < 2) {
    for (const item of root.get('items')?.items() ?? []) {
      if (isMap(item.node)) collect(item, into, depth + 1);
      else item.report('the items of a `List` must be Kubernetes objects (mappings)');
    }
    return;
  }
  const metadata = root.get('metadata');
  const nameField = metadata?.get('name');
  const name = nameField?.string();
  if (name === undefined || nameField === undefined) {
    if (nameField === undefined) (metadata ?? root).reportAtStart(`this ${kind} has no \`metadata.name\``);
    return;
  }
  const written = metadata?.get('namespace')?.string();
  const namespace = CLUSTER_SCOPED.has(kind) ? undefined : (written ?? 'default');
  const line = root.scope.source.lineAt(root.offset);
  into.push({ kind, apiVersion, name, namespace, root, nameField, file: root.scope.file, line });
}

function identity(object: KubeObject): string {
  return `${object.kind}\u0000${object.namespace ?? ''}\u0000${object.name}`;
}

function lastOneWins(all: readonly KubeObject[]): { objects: KubeObject[]; duplicates: DuplicateObject[] } {
  const byIdentity = new Map<string, KubeObject>();
  const duplicates: DuplicateObject[] = [];
  for (const object of all) {
    const key = identity(object);
    const replaced = byIdentity.get(key);
    if (replaced) duplicates.push({ object, replaced });
    // Deleting first would move the object to the end; keeping the key keeps first-appearance order.
    byIdentity.set(key, object);
  }
  return { objects: [...byIdentity.values()], duplicates };
}
