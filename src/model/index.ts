// The model stage's public face: load a topology (files → parsed → merged, resolved model) and
// the tables and helpers other stages read.

export { findProjectRoot } from '../fs/project-root.js';
export { type BuildOptions, type BuildResult, buildModel, IMPLICIT_CLUSTER_NAME } from './build.js';
export {
  type LoadOptions,
  type LoadResult,
  loadTopology,
  loadTopologyFromText,
} from './load.js';
export {
  allContainers,
  allEntities,
  allPods,
  allProcesses,
  childrenOf,
  entityLabel,
  findEntityByPath,
  parentOf,
} from './query.js';
export { MODEL_ERROR_IDS, type ModelErrorId } from './report.js';
export type * from './types.js';
