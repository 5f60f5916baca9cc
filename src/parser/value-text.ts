// A value's canonical spelling, the one the formatter prints and messages quote: addresses in
// brackets when IPv6, `PORT/PROTOCOL`, `HOST:PORT`, `KEY=VALUE`. Strings are spelled by the caller
// (the formatter re-quotes them, messages abbreviate a `"""` block).

import type { StringValue, Value } from './ast.js';

export function valueText(value: Value, stringText: (value: StringValue) => string): string {
  switch (value.type) {
    case 'Path':
      return value.parts.join('.');
    case 'String':
      return stringText(value);
    case 'Integer':
      return value.raw;
    case 'Address':
      return value.family === 6 ? `[${value.text}]` : value.text;
    case 'Cidr':
      return value.family === 6 ? `[${value.address}]/${value.prefix}` : `${value.address}/${value.prefix}`;
    case 'Port':
      return `${value.portRaw}/${value.protocol}`;
    case 'Endpoint':
      return `${valueText(value.host, stringText)}:${value.port.raw}`;
    case 'Label':
      return `${value.key}=${value.value}`;
    case 'Url':
      return value.text;
    case 'Comma':
      return ',';
  }
}
