// Minimal ANSI styling for stylish and diff; every function is the identity when colour is off.

export interface Palette {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const codes = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
} as const;

export function palette(enabled: boolean): Palette {
  const style =
    ([open, close]: readonly [number, number]) =>
    (text: string) =>
      enabled && text !== '' ? `\u001B[${open}m${text}\u001B[${close}m` : text;
  return {
    red: style(codes.red),
    green: style(codes.green),
    yellow: style(codes.yellow),
    dim: style(codes.dim),
    bold: style(codes.bold),
    underline: style(codes.underline),
  };
}
