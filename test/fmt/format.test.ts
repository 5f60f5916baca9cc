// Unit cases of `format`: refusal on syntax errors, line endings, quoting, one-line blocks, comment
// placement and the directives that sorting must not break.

import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/format.js';
import { modelProjection } from './model-projection.js';

function fmt(text: string): string {
  const result = format(text, 'test.topo');
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.text;
}

describe('format', () => {
  it('refuses text with syntax errors and returns the syntax diagnostics', () => {
    const result = format('machine m {\n  process a\n', 'broken.topo');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic).toMatchObject({ file: 'broken.topo', ruleId: 'syntax', severity: 'error' });
    }
  });

  it('formats an empty file to an empty file and a comment-only file to its comments', () => {
    expect(fmt('')).toBe('');
    expect(fmt('\n\n  \n')).toBe('');
    expect(fmt('  # one\n\n\n\n// two  \n')).toBe('# one\n\n// two  \n');
  });

  it('reads CRLF and a BOM, writes LF without a BOM and one final newline', () => {
    const output = fmt(
      '\uFEFFtitle "t"\r\nmachine m {\r\n  doc """\r\n    a\r\n    b\r\n    """\r\n}\r\n\r\n\r\n',
    );
    expect(output).toBe('title "t"\n\nmachine m {\n  doc """\n    a\n    b\n    """\n}\n');
  });

  it('re-quotes strings, escaping only what must be escaped', () => {
    expect(fmt('title "tab\\there \\u{41}\\u{1F600} \\"q\\" back\\\\slash"\n')).toBe(
      'title "tab\\there A😀 \\"q\\" back\\\\slash"\n',
    );
    expect(fmt('title "bell\\u{7}"\n')).toBe('title "bell\\u{7}"\n');
    const invisible = 'title "cr\\u{D} del\\u{7F} ls\\u{2028} bom\\u{FEFF}"\n';
    expect(fmt(invisible)).toBe(invisible);
    const tripleWithControl = 'machine m {\n  doc """\n    a\\u{7}\n    b\n    """\n}\n';
    expect(fmt(tripleWithControl)).toBe(tripleWithControl);
    expect(fmt('title """one line"""\n')).toBe('title "one line"\n');
  });

  it('keeps multi-line """ strings, re-indented below their statement', () => {
    const input =
      'machine m {\n      pod p {\ndoc """\n  first\n    second\n\n  quote \\"\\"\\" inside \\\\ \n"""\n}\n}\n';
    const output = fmt(input);
    expect(output).toBe(
      'machine m {\n  pod p {\n    doc """\n      first\n        second\n\n      quote \\"\\"\\" inside \\\\ \n      """\n  }\n}\n',
    );
    expect(fmt(output)).toBe(output);
  });

  it('writes a """ string as "…" when its indentation would not survive', async () => {
    // Escapes apply after indentation removal: here every line starts with a tab.
    const input = 'machine m { doc """\n  \\ta\n  \\tb\n""" }\n';
    const output = fmt(input);
    expect(output).toBe('machine m {\n  doc "\\ta\\n\\tb"\n}\n');
    expect(await modelProjection(output)).toEqual(await modelProjection(input));
  });

  it('keeps a block of properties written on one line, sorted and `;`-joined, while it fits', () => {
    expect(fmt('machine m {\n  pod p { container c { listen 80;   image "x:1" } }\n}\n')).toBe(
      'machine m {\n  pod p {\n    container c { image "x:1"; listen 80 }\n  }\n}\n',
    );
    const long = `machine m { pod p { container c { image "${'x'.repeat(80)}"; listen 80 } } }\n`;
    expect(fmt(long)).toContain(
      `    container c {\n      image "${'x'.repeat(80)}"\n      listen 80\n    }\n`,
    );
  });

  it('splits `;`-joined statements outside one-line blocks and expands blocks written over lines', () => {
    expect(
      fmt(
        'title "t"; description "d"\nmachine m {\n  kind vm; ip 10.0.0.1\n  process a { listen 1\n  }\n}\n',
      ),
    ).toBe(
      'title "t"\ndescription "d"\n\nmachine m {\n  kind vm\n  ip 10.0.0.1\n\n  process a {\n    listen 1\n  }\n}\n',
    );
  });

  it('prints bodiless blocks bare and empty bodies as {}', () => {
    expect(fmt('machine m {\n  process a\n  process b {\n\n  }\n}\n')).toBe(
      'machine m {\n  process a\n  process b {}\n}\n',
    );
  });

  it('puts comments before, after and inside statements where they were', () => {
    const input = [
      'machine m { # brace',
      '  process a # after a',
      '  pod p {',
      '    # alone',
      '  } // after p',
      '  # end of m',
      '}',
      '# end of file',
      '',
    ].join('\n');
    expect(fmt(input)).toBe(input.replace('  pod p {', '\n  pod p {'));
  });

  it('moves the comments of a property with it when properties are sorted', () => {
    const input = 'machine m {\n  # about os\n  os "linux" # os trailing\n  kind vm\n}\n';
    expect(fmt(input)).toBe('machine m {\n  kind vm\n  # about os\n  os "linux" # os trailing\n}\n');
  });

  it('keeps a next-line directive on the statement it suppresses', async () => {
    const input = [
      'machine m {',
      '  pod p {',
      '    container c {',
      '      # topodoc-disable-next-line image-unpinned -- pinned elsewhere',
      '      image "nginx"',
      '      note "n"',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const output = fmt(input);
    expect(output).toContain(
      'note "n"\n      # topodoc-disable-next-line image-unpinned -- pinned elsewhere\n      image "nginx"',
    );
    expect(await modelProjection(output)).toEqual(await modelProjection(input));
  });

  it('moves a next-line directive written at the end of a line to the statement it acts on', async () => {
    const input = [
      'machine m {',
      '  pod p {',
      '    container c { image "nginx" } # topodoc-disable-next-line image-unpinned -- r',
      '    container d { image "redis" }',
      '    volume v # topodoc-disable-next-line image-unpinned -- end of body',
      '  }',
      '  pod q {',
      '    container e { image "busybox" }',
      '  }',
      '  ip 10.0.0.1',
      '}',
      '',
    ].join('\n');
    const output = fmt(input);
    expect(output).toContain(
      '    # topodoc-disable-next-line image-unpinned -- r\n    container d { image "redis" }\n',
    );
    expect(output).toContain(
      '  }\n\n  # topodoc-disable-next-line image-unpinned -- end of body\n  pod q {\n',
    );
    expect(await modelProjection(output)).toEqual(await modelProjection(input));
  });

  it('keeps a file-wide directive above a next-line directive in place rather than split them', () => {
    const input =
      '# topodoc-disable-next-line image-unpinned -- r\n# topodoc-disable volume-unused -- r\nmachine m {}\ntitle "t"\n';
    expect(fmt(input)).toBe(input);
  });

  it('keeps the opening comments of the file on top when the first statement moves', () => {
    const input = '# topodoc-disable image-unpinned -- demo\n# about m\nmachine m {}\ntitle "t"\n';
    expect(fmt(input)).toBe(
      '# topodoc-disable image-unpinned -- demo\n\ntitle "t"\n\n# about m\nmachine m {}\n',
    );
  });

  it('keeps a header comment written right above the first statement first when title moves up', () => {
    const input = '# Shop topology\n# owned by ops\nimport "shared/base.topo"\ndescription "d"\ntitle "t"\n';
    const output = fmt(input);
    expect(output).toBe(
      '# Shop topology\n# owned by ops\n\ntitle "t"\ndescription "d"\nimport "shared/base.topo"\n',
    );
    expect(fmt(output)).toBe(output);
  });

  it('leaves a next-line directive under the header on its statement when the header stays first', () => {
    const input = '# Shop\n# topodoc-disable-next-line image-unpinned -- r\nmachine m {}\ntitle "t"\n';
    const output = fmt(input);
    expect(output).toBe(
      '# Shop\n\ntitle "t"\n\n# topodoc-disable-next-line image-unpinned -- r\nmachine m {}\n',
    );
    expect(fmt(output)).toBe(output);
  });

  it('does not sort a file-wide directive that stands after the first statement into force', async () => {
    const input = 'machine m {}\n# topodoc-disable image-unpinned -- too late\ntitle "t"\n';
    const output = fmt(input);
    expect(output).toBe(input);
    expect(await modelProjection(output)).toEqual(await modelProjection(input));
  });

  it('prints values as the syntax tree holds them', () => {
    const input =
      'machine m {\n ip [fd00::1]\n pod-cidr [fd00::]/64\n pod p { container c { listen 53/udp ,80 host 8080; connect [fd00::2]:53 "dns" } }\n}\n';
    expect(fmt(input)).toContain(
      '    container c { listen 53/udp, 80 host 8080; connect [fd00::2]:53 "dns" }',
    );
    expect(fmt(input)).toContain('  ip [fd00::1]\n  pod-cidr [fd00::]/64\n');
  });
});
