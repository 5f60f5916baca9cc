// Reads the values of one property statement according to its shape in schema.ts: syntax values
// → typed values (addresses, CIDRs, ports, endpoints, mounts), or an `invalid-value` message.

import type { Range } from '../diagnostics.js';
import type { PropertyStatement, Value } from '../parser/ast.js';
import { didYouMean } from '../text/suggest.js';
import type { PropertySpec, ValueShape } from './schema.js';
import type { Address, Cidr, Endpoint, Protocol } from './types.js';
import { checkPort, isLoopback, parseAddress, parseCidr, parseProtocol } from './values.js';

export interface PortSpec {
  port: number;
  protocol: Protocol;
}

export type PropertyValue =
  | { type: 'string'; value: string }
  | { type: 'cidr'; value: Cidr }
  | { type: 'ipv4'; value: Address }
  | { type: 'enum'; value: string }
  | { type: 'name'; value: string }
  | { type: 'ports'; ports: PortSpec[]; hostPort?: number }
  /** `pathRange`: where a name path was written, for `unresolved-reference`. */
  | { type: 'endpoint'; endpoint: Endpoint; label?: string; pathRange?: Range }
  | { type: 'mount'; volumeName: string; path: string; readonly: boolean }
  | { type: 'boolean'; value: boolean };

/** An `invalid-value` finding: where and why (one clause, no trailing period). */
export interface ValueProblem {
  range: Range;
  message: string;
}

export type ValueResult = { ok: true; value: PropertyValue } | { ok: false; problem: ValueProblem };

const SHAPE_NOUN: Record<ValueShape['type'], string> = {
  string: 'a string',
  cidr: 'a CIDR range',
  ipv4: 'an IPv4 address',
  enum: 'one word',
  name: 'a name',
  ports: 'ports',
  endpoint: 'an endpoint',
  mount: 'a volume mount',
  boolean: '`true` or `false`',
};

/** A value as the user wrote it (near enough for messages). */
export function describeValue(value: Value): string {
  switch (value.type) {
    case 'Path':
      return value.parts.join('.');
    case 'String':
      return value.triple ? '"""…"""' : JSON.stringify(value.value);
    case 'Integer':
      return value.raw;
    case 'Address':
      return value.family === 6 ? `[${value.text}]` : value.text;
    case 'Cidr':
      return value.family === 6 ? `[${value.address}]/${value.prefix}` : `${value.address}/${value.prefix}`;
    case 'Port':
      return `${value.portRaw}/${value.protocol}`;
    case 'Endpoint':
      return `${describeValue(value.host)}:${value.port.raw}`;
    case 'Label':
      return `${value.key}=${value.value}`;
    case 'Url':
      return value.text;
    case 'Comma':
      return ',';
  }
}

const spanning = (first: Value, last: Value): Range => ({ start: first.range.start, end: last.range.end });
const ok = (value: PropertyValue): ValueResult => ({ ok: true, value });
const fail = (range: Range, message: string): ValueResult => ({ ok: false, problem: { range, message } });

/** Reads `statement.values` as `spec` prescribes. */
export function readPropertyValue(spec: PropertySpec, statement: PropertyStatement): ValueResult {
  const context = new ValueReader(spec, statement);
  return context.read();
}

class ValueReader {
  private readonly values: readonly Value[];

  constructor(
    private readonly spec: PropertySpec,
    private readonly statement: PropertyStatement,
  ) {
    this.values = statement.values;
  }

  read(): ValueResult {
    const shape = this.spec.shape;
    switch (shape.type) {
      case 'string':
        return this.single((value) =>
          value.type === 'String' ? ok({ type: 'string', value: value.value }) : undefined,
        );
      case 'cidr':
        return this.single((value) => this.cidr(value));
      case 'ipv4':
        return this.single((value) => this.address(value));
      case 'enum':
        return this.single((value) => this.enumMember(value, shape.members));
      case 'name':
        return this.single((value) =>
          value.type === 'Path' && value.parts.length === 1
            ? ok({ type: 'name', value: value.parts[0] ?? '' })
            : undefined,
        );
      case 'boolean':
        return this.boolean();
      case 'ports':
        return this.ports();
      case 'endpoint':
        return this.endpoint();
      case 'mount':
        return this.mount();
    }
  }

  private get what(): string {
    return `\`${this.spec.name}\``;
  }

  private usage(): string {
    return `(\`${this.spec.usage}\`)`;
  }

  private expected(value: Value, noun: string = SHAPE_NOUN[this.spec.shape.type]): ValueResult {
    return fail(value.range, `${this.what} expects ${noun}, not \`${describeValue(value)}\` ${this.usage()}`);
  }

  private missing(noun: string = SHAPE_NOUN[this.spec.shape.type]): ValueResult {
    return fail(this.statement.range, `${this.what} needs ${noun} ${this.usage()}`);
  }

  private tooMany(from: number): ValueResult {
    const first = this.values[from];
    const last = this.values[this.values.length - 1];
    if (!first || !last) return this.missing();
    const limit = from === 1 ? 'one value' : `at most ${from} values`;
    return fail(
      spanning(first, last),
      `${this.what} takes ${limit}, but ${this.values.length} were given ${this.usage()}`,
    );
  }

  /** Exactly one value, read by `readOne` (undefined: the wrong kind of value). */
  private single(readOne: (value: Value) => ValueResult | undefined): ValueResult {
    const [value] = this.values;
    if (!value) return this.missing();
    const result = readOne(value) ?? this.expected(value);
    if (!result.ok) return result;
    return this.values.length > 1 ? this.tooMany(1) : result;
  }

  private cidr(value: Value): ValueResult | undefined {
    if (value.type === 'Address') {
      return fail(
        value.range,
        `${this.what} expects a CIDR range; \`${describeValue(value)}\` has no prefix length`,
      );
    }
    if (value.type !== 'Cidr') return undefined;
    const parsed = parseCidr(value.family, value.address, value.prefix);
    return parsed.ok ? ok({ type: 'cidr', value: parsed.value }) : fail(value.range, parsed.reason);
  }

  private address(value: Value): ValueResult | undefined {
    if (value.type === 'Cidr') {
      return fail(value.range, `${this.what} expects an address, not the range \`${describeValue(value)}\``);
    }
    if (value.type !== 'Address') return undefined;
    const parsed = parseAddress(value.family, value.text);
    return parsed.ok ? ok({ type: 'ipv4', value: parsed.value }) : fail(value.range, parsed.reason);
  }

  private enumMember(value: Value, members: readonly string[]): ValueResult {
    const word = value.type === 'Path' ? value.parts.join('.') : describeValue(value);
    if (value.type === 'Path' && members.includes(word)) return ok({ type: 'enum', value: word });
    return fail(
      value.range,
      `\`${word}\` is not a valid ${this.what}; expected ${members.join(', ')}${didYouMean(word, members)}`,
    );
  }

  private boolean(): ValueResult {
    const [value] = this.values;
    if (!value) return ok({ type: 'boolean', value: true });
    const word = value.type === 'Path' ? value.parts.join('.') : undefined;
    if (word !== 'true' && word !== 'false') return this.expected(value);
    return this.values.length > 1 ? this.tooMany(1) : ok({ type: 'boolean', value: word === 'true' });
  }

  private portSpec(value: Value): { ok: true; value: PortSpec } | { ok: false; result: ValueResult } {
    if (value.type === 'Integer') {
      const port = checkPort(value.value, value.raw);
      if (!port.ok) return { ok: false, result: fail(value.range, port.reason) };
      return { ok: true, value: { port: port.value, protocol: 'tcp' } };
    }
    if (value.type === 'Port') {
      const port = checkPort(value.port, value.portRaw);
      if (!port.ok) return { ok: false, result: fail(value.range, port.reason) };
      const protocol = parseProtocol(value.protocol);
      if (!protocol.ok) return { ok: false, result: fail(value.range, protocol.reason) };
      return { ok: true, value: { port: port.value, protocol: protocol.value } };
    }
    return { ok: false, result: this.expected(value, 'a port (`8080` or `53/udp`)') };
  }

  /** PORTSPEC {`,` PORTSPEC} [`host` INT] */
  private ports(): ValueResult {
    const ports: PortSpec[] = [];
    let index = 0;
    let expectPort = true;
    for (; index < this.values.length; index++) {
      const value = this.values[index] as Value;
      if (value.type === 'Path' && value.parts.length === 1 && value.parts[0] === 'host') break;
      if (expectPort) {
        const spec = this.portSpec(value);
        if (!spec.ok) return spec.result;
        ports.push(spec.value);
      } else if (value.type !== 'Comma') {
        return fail(value.range, `${this.what} needs a \`,\` between ports ${this.usage()}`);
      }
      expectPort = !expectPort;
    }
    if (ports.length === 0) return this.missing('at least one port');
    const last = this.values[index - 1];
    if (expectPort && last) return fail(last.range, `${this.what} has a \`,\` with no port after it`);
    if (index === this.values.length) return ok({ type: 'ports', ports });
    return this.hostPort(ports, index);
  }

  private hostPort(ports: PortSpec[], hostIndex: number): ValueResult {
    const hostWord = this.values[hostIndex] as Value;
    const port = this.values[hostIndex + 1];
    if (port?.type !== 'Integer') {
      return fail(port?.range ?? hostWord.range, `\`host\` needs a host port number ${this.usage()}`);
    }
    const checked = checkPort(port.value, port.raw);
    if (!checked.ok) return fail(port.range, checked.reason);
    if (ports.length > 1) {
      return fail(spanning(hostWord, port), '`host` maps a single container port; list that port alone');
    }
    const extra = this.values[hostIndex + 2];
    const last = this.values[this.values.length - 1];
    if (extra && last) return fail(spanning(extra, last), `nothing may follow the host port ${this.usage()}`);
    return ok({ type: 'ports', ports, hostPort: checked.value });
  }

  /** ENDPOINT [STRING] */
  private endpoint(): ValueResult {
    const [target, label, ...rest] = this.values;
    if (!target) return this.missing();
    let endpoint: Endpoint;
    let pathRange: Range | undefined;
    if (target.type === 'Endpoint') {
      const port = checkPort(target.port.value, target.port.raw);
      if (!port.ok) return fail(target.port.range, port.reason);
      const host = target.host;
      if (host.type === 'Path') {
        endpoint = pathEndpoint(host.parts, port.value);
        pathRange = host.range;
      } else {
        const address = parseAddress(host.family, host.text);
        if (!address.ok) return fail(host.range, address.reason);
        endpoint = {
          kind: 'address',
          address: address.value,
          loopback: isLoopback(address.value),
          port: port.value,
        };
      }
    } else if (target.type === 'Path') {
      endpoint = pathEndpoint(target.parts);
      pathRange = target.range;
    } else if (target.type === 'Address') {
      const address = parseAddress(target.family, target.text);
      if (!address.ok) return fail(target.range, address.reason);
      endpoint = { kind: 'address', address: address.value, loopback: isLoopback(address.value) };
    } else {
      return this.expected(target, 'an endpoint (`HOST:PORT` or a name path)');
    }
    if (label && label.type !== 'String') return this.expected(label, 'a label string after the endpoint');
    if (rest.length > 0) return this.tooMany(2);
    const value: PropertyValue = { type: 'endpoint', endpoint };
    if (label) value.label = label.value;
    if (pathRange) value.pathRange = pathRange;
    return ok(value);
  }

  /** NAME `at` STRING [`readonly`] */
  private mount(): ValueResult {
    const [name, at, path, readonlyWord, ...rest] = this.values;
    if (!name) return this.missing();
    if (name.type !== 'Path' || name.parts.length !== 1) return this.expected(name, 'a volume name');
    if (!at || !isWord(at, 'at')) {
      return at
        ? this.expected(at, '`at` after the volume name')
        : this.missing('`at PATH` after the volume name');
    }
    if (!path) return this.missing('a path string after `at`');
    if (path.type !== 'String') return this.expected(path, 'a path string after `at`');
    if (readonlyWord && !isWord(readonlyWord, 'readonly'))
      return this.expected(readonlyWord, '`readonly` or nothing');
    if (rest.length > 0) return this.tooMany(4);
    return ok({
      type: 'mount',
      volumeName: name.parts[0] ?? '',
      path: path.value,
      readonly: readonlyWord !== undefined,
    });
  }
}

function isWord(value: Value, word: string): boolean {
  return value.type === 'Path' && value.parts.length === 1 && value.parts[0] === word;
}

/** `localhost` is the caller's own network namespace, never a name. */
function pathEndpoint(parts: string[], port?: number): Endpoint {
  const endpoint: Endpoint =
    parts.length === 1 && parts[0] === 'localhost'
      ? { kind: 'localhost' }
      : { kind: 'path', parts: [...parts] };
  if (port !== undefined) endpoint.port = port;
  return endpoint;
}
