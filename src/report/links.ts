// Where topodoc and its rule pages live on the web (SARIF helpUri, informationUri).

export const REPOSITORY_URL = 'https://github.com/topodoc/topodoc';

/** The documentation page of a rule or model error: docs/rules/<id>.md in the repository. */
export function ruleDocsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}
