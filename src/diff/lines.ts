// A line diff of two drawings (longest common subsequence): unchanged lines start with two spaces,
// removed ones with `- `, added ones with `+ `, removals before additions.

export function lineDiff(before: readonly string[], after: readonly string[]): string[] {
  const rows = before.length;
  const columns = after.length;
  // common[i * (columns + 1) + j]: the longest common subsequence of before[i…] and after[j…].
  const common = new Int32Array((rows + 1) * (columns + 1));
  const at = (i: number, j: number) => common[i * (columns + 1) + j] ?? 0;
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      common[i * (columns + 1) + j] =
        before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && before[i] === after[j]) {
      lines.push(`  ${before[i]}`);
      i++;
      j++;
    } else if (i < rows && (j === columns || at(i + 1, j) >= at(i, j + 1))) {
      lines.push(`- ${before[i]}`);
      i++;
    } else {
      lines.push(`+ ${after[j]}`);
      j++;
    }
  }
  return lines.map((line) => line.trimEnd());
}
