// The package's public API (`import … from 'topodoc'`): each stage of the pipeline, the one-call
// analysis, the renderers, the report formats, building and embedding, and their types.

export { type BuildOptions, type BuildResult, buildFiles } from './build/index.js';
export { type CheckOptions, check, RULES } from './checker/index.js';
export type { Rule, RuleMeta, RuleSeverity } from './checker/rule.js';
export { loadConfig } from './config/load.js';
export { DEFAULT_CONFIG, type TopodocConfig } from './config/types.js';
export {
  compareDiagnostics,
  type Diagnostic,
  type DiagnosticSource,
  type FileRange,
  fileRange,
  type Location,
  type Note,
  type Position,
  type Range,
  type RelatedLocation,
  type Severity,
  SourceText,
  type Span,
  sortDiagnostics,
} from './diagnostics.js';
export { type EmbedResult, embedMarkdown, type RegionOutcome, type TopologySource } from './embed/embed.js';
export { UserError } from './errors.js';
export {
  type LoadOptions,
  type LoadResult,
  loadTopology,
  loadTopologyFromText,
  MODEL_ERROR_IDS,
} from './model/index.js';
export type * from './model/types.js';
export type { Document } from './parser/ast.js';
export { type ParseResult, parse } from './parser/index.js';
export { type Analysis, type AnalyzeOptions, analyzeFile, analyzeText } from './pipeline/analyze.js';
export type { OutputStream, ToolIo } from './pipeline/io.js';
export {
  type AsciiOptions,
  type AsciiView,
  AsciiWidthError,
  renderAscii,
  renderClusterView,
  renderNodeView,
  renderPodView,
  renderTreeView,
} from './render/ascii/index.js';
export { type DocumentOptions, renderDocument } from './render/markdown/index.js';
export { renderMermaid } from './render/mermaid/index.js';
export { ruleCatalog } from './report/catalog.js';
export {
  FORMAT_NAMES,
  type FormatName,
  formatReport,
  type ReportInput,
  type RuleDescriptor,
} from './report/index.js';
