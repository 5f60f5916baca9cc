// The JSON schema of topodoc.config.json (and of the "topodoc" key of package.json): what the
// loader validates with ajv, and the reference documentation of every key (its descriptions).

export const RULE_SETTINGS = ['off', 'warn', 'error'] as const;
export const CHARSETS = ['unicode', 'ascii'] as const;
/** The ASCII views, in the order the document and `render` draw them. */
export const ASCII_VIEWS = ['tree', 'node', 'pod', 'cluster', 'services'] as const;
export const SVG_MODES = ['auto', 'required', 'off'] as const;

/** The config schema; `ruleIds` are the configurable rule ids (rules.md B), one property each. */
export function configSchema(ruleIds: readonly string[]) {
  const ruleProperties = Object.fromEntries(
    [...ruleIds].sort().map((id) => [id, { enum: [...RULE_SETTINGS], description: `Severity of ${id}.` }]),
  );
  return {
    type: 'object',
    description: 'topodoc configuration (topodoc.config.json, or the "topodoc" key of package.json).',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Optional pointer to this schema, for editors.' },
      rules: {
        type: 'object',
        description:
          'Rule id → "off" | "warn" | "error". Rules not named keep their default; model errors cannot be configured.',
        additionalProperties: false,
        properties: ruleProperties,
      },
      outDir: {
        type: 'string',
        minLength: 1,
        description: 'Output directory of `topodoc build`, relative to the config file (default "out").',
      },
      ascii: {
        type: 'object',
        description: 'ASCII views.',
        additionalProperties: false,
        properties: {
          width: {
            type: 'integer',
            minimum: 20,
            maximum: 1000,
            description: 'Width budget in terminal columns (default 80).',
          },
          charset: {
            enum: [...CHARSETS],
            description: '"unicode" box-drawing characters (default) or plain "ascii".',
          },
        },
      },
      views: {
        type: 'array',
        description: 'Which ASCII views the document and `render` include (default all).',
        items: { enum: [...ASCII_VIEWS] },
        uniqueItems: true,
        minItems: 1,
      },
      svg: {
        type: 'object',
        description: 'SVG rendering through Mermaid in a headless browser.',
        additionalProperties: false,
        properties: {
          mode: {
            enum: [...SVG_MODES],
            description: '"auto" (default: skip with a warning when no browser), "required" or "off".',
          },
          browser: {
            type: 'string',
            minLength: 1,
            description:
              'Browser executable; else PUPPETEER_EXECUTABLE_PATH, then chromium, chromium-browser, google-chrome.',
          },
          timeoutMs: {
            type: 'integer',
            minimum: 1000,
            maximum: 600000,
            description: 'Per-diagram render timeout in milliseconds (default 30000).',
          },
        },
      },
    },
  } as const;
}
