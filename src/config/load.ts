// Finds and validates the project config: topodoc.config.json, or the "topodoc" key of
// package.json, in the working directory or the nearest parent; merged onto DEFAULT_CONFIG.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import { UserError } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import { fileErrorReason } from '../fs/reason.js';
import { didYouMean } from '../text/suggest.js';
import { describeJsonError } from './json-error.js';
import { configSchema } from './schema.js';
import { DEFAULT_CONFIG, type TopodocConfig } from './types.js';

export const CONFIG_FILE_NAME = 'topodoc.config.json';

interface FoundConfig {
  /** Absolute path of the file the config came from. */
  path: string;
  /** How to name it in messages: the path relative to the cwd, plus the key for package.json. */
  label: string;
  value: unknown;
}

/**
 * Loads the config that applies in `cwd`. `ruleIds` are the configurable rule ids; a
 * `modelErrorIds` entry in `rules` gets its own message (model errors cannot be configured).
 * Throws UserError (exit 2) naming the file and the key for anything invalid.
 */
export function loadConfig(
  cwd: string,
  ruleIds: readonly string[],
  modelErrorIds: readonly string[] = [],
): TopodocConfig {
  const found = findConfig(cwd);
  if (found === undefined) return structuredClone(DEFAULT_CONFIG);
  // Ajv (78 modules) is loaded only when a config file exists: `check` without one stays light.
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  const validate = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(configSchema(ruleIds));
  if (!validate(found.value)) {
    // Every problem in one message, so one edit fixes them all (each described once, in order).
    const problems = [
      ...new Set((validate.errors ?? []).map((error) => describeError(error, ruleIds, modelErrorIds))),
    ];
    const listed = problems.map((problem) => problem.replace(/\.$/, '')).join('; ');
    throw new UserError(
      `Invalid config in ${found.label}: ${problems.length > 1 ? `${listed}.` : (problems[0] ?? listed)}`,
    );
  }
  return mergeConfig(found.value as Partial<TopodocConfig>, found.path);
}

/**
 * Walks up from `cwd`; in each directory topodoc.config.json wins over package.json. The walk
 * stops at the project's top: the repository root (the directory with .git) when there is one, so
 * a monorepo's packages share its config; else the nearest directory with package.json. A config
 * above the project, in a shared parent directory, is never obeyed; without either marker the
 * nearest topodoc.config.json marks the project.
 */
export function findConfig(cwd: string): FoundConfig | undefined {
  const top = searchTop(cwd);
  let directory = cwd;
  for (;;) {
    const configPath = join(directory, CONFIG_FILE_NAME);
    if (existsSync(configPath)) {
      const label = displayPath(cwd, configPath);
      return { path: configPath, label, value: readJson(configPath, label) };
    }
    const packagePath = join(directory, 'package.json');
    if (existsSync(packagePath)) {
      const label = displayPath(cwd, packagePath);
      const manifest = readJson(packagePath, label);
      if (isObject(manifest) && manifest.topodoc !== undefined) {
        return { path: packagePath, label: `${label} ("topodoc" key)`, value: manifest.topodoc };
      }
    }
    if (directory === top) return undefined;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Where the config search ends (see findConfig). */
function searchTop(cwd: string): string {
  let nearestPackage: string | undefined;
  for (let directory = cwd; ; directory = dirname(directory)) {
    if (existsSync(join(directory, '.git'))) return directory;
    if (nearestPackage === undefined && existsSync(join(directory, 'package.json')))
      nearestPackage = directory;
    if (dirname(directory) === directory) return nearestPackage ?? directory;
  }
}

function readJson(path: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read ${label}: ${fileErrorReason(error)}.`);
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new UserError(`Cannot parse ${label} as JSON: ${describeJsonError(json, error)}.`);
  }
}

function mergeConfig(value: Partial<TopodocConfig>, source: string): TopodocConfig {
  const defaults = structuredClone(DEFAULT_CONFIG);
  return {
    rules: { ...defaults.rules, ...value.rules },
    outDir: value.outDir ?? defaults.outDir,
    ascii: { ...defaults.ascii, ...value.ascii },
    views: value.views ? [...value.views] : defaults.views,
    svg: { ...defaults.svg, ...value.svg },
    source,
  };
}

function describeError(
  error: ErrorObject | undefined,
  ruleIds: readonly string[],
  modelErrorIds: readonly string[],
): string {
  if (error === undefined) return 'it does not match the schema.';
  const path = keyPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    if (path === 'rules') {
      if (modelErrorIds.includes(key)) {
        return `"rules.${key}" is a model error, which is always an error and cannot be configured.`;
      }
      return `unknown rule "rules.${key}"${didYouMean(key, ruleIds) || '.'}`;
    }
    const allowed = allowedKeys(error.parentSchema);
    const full = path === '' ? key : `${path}.${key}`;
    const suggestion = didYouMean(key, allowed);
    return `unknown key "${full}"${suggestion || (allowed.length > 0 ? `; allowed: ${allowed.join(', ')}.` : '.')}`;
  }
  const subject = path === '' ? 'the config' : `"${path}"`;
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return `${subject} must be one of ${allowed}.`;
  }
  if (error.keyword === 'type') {
    const type = String(error.params.type);
    return `${subject} must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}.`;
  }
  return `${subject} ${error.message ?? 'is invalid'}.`;
}

function allowedKeys(schema: unknown): string[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  return Object.keys(schema.properties).filter((key) => key !== '$schema');
}

/** `/ascii/width` → `ascii.width`; `/views/2` → `views[2]`. */
function keyPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
