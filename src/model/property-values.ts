// Reads the values of one property statement according to its shape in schema.ts: syntax values
// → typed values (addresses, CIDRs, ports, endpoints, mounts), or an `invalid-value` message.

import type { Span } from '../diagnostics.js';
import type { PropertyStatement, Value } from '../parser/ast.js';
import { valueText } from '../parser/value-text.js';
import { didYouMean } from '../text/suggest.js';
import type { PropertySpec, ValueShape } from './schema.js';
import type { Address, Cidr, Endpoint, Protocol } from './types.js';
import { checkPort, isLoopback, parseAddress, parseCidr, parseProtocol } from './values.js';

export interface PortSpec {
  port: number;
  protocol: Protocol;
  /** `listen 8080 http`: the port's name. */
  name?: string;
}

/** `app=web` as read, with where it stands: its key from `start` to `keyEnd`, its value from `valueStart` to `end`. */
export interface LabelTerm extends Span {
  key: string;
  value: string;
  keyEnd: number;
  valueStart: number;
}

export type PropertyValue =
  | { type: 'string'; value: string }
  | { type: 'cidr'; value: Cidr }
  | { type: 'ipv4'; value: Address }
  | { type: 'enum'; value: string }
  | { type: 'name'; value: string }
  | { type: 'ports'; ports: PortSpec[]; hostPort?: number }
  /** `pathSpan`: where a name path was written, for `unresolved-reference`. */
  | { type: 'endpoint'; endpoint: Endpoint; label?: string; pathSpan?: Span }
  | { type: 'mount'; volumeName: string; path: string; readonly: boolean }
  | { type: 'boolean'; value: boolean }
  | { type: 'service-port'; port: PortSpec; target: number | string; nodePort?: number }
  | { type: 'labels'; labels: LabelTerm[] }
  | { type: 'names'; names: string[] }
  | { type: 'count'; value: number }
  | { type: 'volume-type'; volumeType: string; source?: string };

/** An `invalid-value` finding: where and why (one clause, no trailing period). */
export interface ValueProblem extends Span {
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
  'service-port': 'a service port',
  labels: 'labels (`KEY=VALUE`)',
  names: 'names',
  count: 'a whole number',
  'volume-type': 'a volume type',
};

/** The most pods one workload may stand for: beyond it, a typo (`replicas 30000000`) not a design. */
export const MAX_REPLICAS = 10_000;

/** A value as the user wrote it (near enough for messages: a `"""` block is abbreviated). */
export function describeValue(value: Value): string {
  return valueText(value, (string) => (string.triple ? '"""…"""' : JSON.stringify(string.value)));
}

const spanning = (first: Value, last: Value): Span => ({ start: first.start, end: last.end });
const ok = (value: PropertyValue): ValueResult => ({ ok: true, value });
const fail = (at: Span, message: string): ValueResult => ({
  ok: false,
  problem: { start: at.start, end: at.end, message },
});

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
      case 'service-port':
        return this.servicePort();
      case 'labels':
        return this.labels();
      case 'names':
        return this.names();
      case 'count':
        return this.single((value) => this.count(value));
      case 'volume-type':
        return this.volumeType(shape.members, shape.named);
    }
  }

  private get what(): string {
    return `\`${this.spec.name}\``;
  }

  private usage(): string {
    return `(\`${this.spec.usage}\`)`;
  }

  private expected(value: Value, noun: string = SHAPE_NOUN[this.spec.shape.type]): ValueResult {
    return fail(value, `${this.what} expects ${noun}, not \`${describeValue(value)}\` ${this.usage()}`);
  }

  private missing(noun: string = SHAPE_NOUN[this.spec.shape.type]): ValueResult {
    return fail(this.statement, `${this.what} needs ${noun} ${this.usage()}`);
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
        value,
        `${this.what} expects a CIDR range; \`${describeValue(value)}\` has no prefix length`,
      );
    }
    if (value.type !== 'Cidr') return undefined;
    const parsed = parseCidr(value.family, value.address, value.prefix);
    return parsed.ok ? ok({ type: 'cidr', value: parsed.value }) : fail(value, parsed.reason);
  }

  private address(value: Value): ValueResult | undefined {
    if (value.type === 'Cidr') {
      return fail(value, `${this.what} expects an address, not the range \`${describeValue(value)}\``);
    }
    if (value.type !== 'Address') return undefined;
    const parsed = parseAddress(value.family, value.text);
    return parsed.ok ? ok({ type: 'ipv4', value: parsed.value }) : fail(value, parsed.reason);
  }

  private enumMember(value: Value, members: readonly string[]): ValueResult {
    const word = value.type === 'Path' ? value.parts.join('.') : describeValue(value);
    if (value.type === 'Path' && members.includes(word)) return ok({ type: 'enum', value: word });
    return fail(
      value,
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
      if (!port.ok) return { ok: false, result: fail(value, port.reason) };
      return { ok: true, value: { port: port.value, protocol: 'tcp' } };
    }
    if (value.type === 'Port') {
      const port = checkPort(value.port, value.portRaw);
      if (!port.ok) return { ok: false, result: fail(value, port.reason) };
      const protocol = parseProtocol(value.protocol);
      if (!protocol.ok) return { ok: false, result: fail(value, protocol.reason) };
      return { ok: true, value: { port: port.value, protocol: protocol.value } };
    }
    return { ok: false, result: this.expected(value, 'a port (`8080` or `53/udp`)') };
  }

  /** PORTSPEC [NAME] {`,` PORTSPEC [NAME]} [`host` INT] */
  private ports(): ValueResult {
    const ports: PortSpec[] = [];
    let index = 0;
    let expectPort = true;
    for (; index < this.values.length; index++) {
      const value = this.values[index] as Value;
      if (isWord(value, 'host')) break;
      if (expectPort) {
        const spec = this.portSpec(value);
        if (!spec.ok) return spec.result;
        const name = this.values[index + 1];
        if (name && isPortName(name)) {
          spec.value.name = name.parts[0] ?? '';
          index++;
        }
        ports.push(spec.value);
      } else if (value.type !== 'Comma') {
        return fail(value, `${this.what} needs a \`,\` between ports ${this.usage()}`);
      }
      expectPort = !expectPort;
    }
    if (ports.length === 0) return this.missing('at least one port');
    const last = this.values[index - 1];
    if (expectPort && last) return fail(last, `${this.what} has a \`,\` with no port after it`);
    if (index === this.values.length) return ok({ type: 'ports', ports });
    return this.hostPort(ports, index);
  }

  private hostPort(ports: PortSpec[], hostIndex: number): ValueResult {
    const hostWord = this.values[hostIndex] as Value;
    const port = this.values[hostIndex + 1];
    if (port?.type !== 'Integer') {
      return fail(port ?? hostWord, `\`host\` needs a host port number ${this.usage()}`);
    }
    const checked = checkPort(port.value, port.raw);
    if (!checked.ok) return fail(port, checked.reason);
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
    let pathSpan: Span | undefined;
    if (target.type === 'Endpoint') {
      const port = checkPort(target.port.value, target.port.raw);
      if (!port.ok) return fail(target.port, port.reason);
      const host = target.host;
      if (host.type === 'Path') {
        endpoint = pathEndpoint(host.parts, port.value);
        pathSpan = host;
      } else {
        const address = parseAddress(host.family, host.text);
        if (!address.ok) return fail(host, address.reason);
        endpoint = {
          kind: 'address',
          address: address.value,
          loopback: isLoopback(address.value),
          port: port.value,
        };
      }
    } else if (target.type === 'Path') {
      endpoint = pathEndpoint(target.parts);
      pathSpan = target;
    } else if (target.type === 'Address') {
      const address = parseAddress(target.family, target.text);
      if (!address.ok) return fail(target, address.reason);
      endpoint = { kind: 'address', address: address.value, loopback: isLoopback(address.value) };
    } else if (target.type === 'Url') {
      const external = urlEndpoint(target.text);
      if (!external) return fail(target, `\`${target.text}\` is not a URL with a host`);
      endpoint = external;
    } else {
      return this.expected(target, 'an endpoint (`HOST:PORT` or a name path)');
    }
    if (label && label.type !== 'String') return this.expected(label, 'a label string after the endpoint');
    if (rest.length > 0) return this.tooMany(2);
    const value: PropertyValue = { type: 'endpoint', endpoint };
    if (label) value.label = label.value;
    if (pathSpan) value.pathSpan = pathSpan;
    return ok(value);
  }

  /** PORTSPEC [NAME] [`target` PORT|NAME] [`node` PORT] */
  private servicePort(): ValueResult {
    const [first, ...rest] = this.values;
    if (!first) return this.missing('a port');
    const spec = this.portSpec(first);
    if (!spec.ok) return spec.result;
    let index = 0;
    const named = rest[0];
    if (named && isPortName(named)) {
      spec.value.name = named.parts[0] ?? '';
      index = 1;
    }
    let target: number | string = spec.value.port;
    let nodePort: number | undefined;
    const seen = new Set<string>();
    while (index < rest.length) {
      const word = rest[index] as Value;
      const argument = rest[index + 1];
      if (!isWord(word, 'target') && !isWord(word, 'node')) {
        return this.expected(word, '`target PORT`, `node PORT` or nothing');
      }
      const keyword = word.type === 'Path' ? (word.parts[0] ?? '') : '';
      if (seen.has(keyword)) return fail(word, `\`${keyword}\` is given twice ${this.usage()}`);
      seen.add(keyword);
      if (!argument) return fail(word, `\`${keyword}\` needs a port ${this.usage()}`);
      if (keyword === 'target' && isPortName(argument)) target = argument.parts[0] ?? '';
      else if (argument.type === 'Integer') {
        const port = checkPort(argument.value, argument.raw);
        if (!port.ok) return fail(argument, port.reason);
        if (keyword === 'target') target = port.value;
        else nodePort = port.value;
      } else {
        const noun = keyword === 'target' ? 'a port number or a container port name' : 'a port number';
        return fail(argument, `\`${keyword}\` expects ${noun}, not \`${describeValue(argument)}\``);
      }
      index += 2;
    }
    const value: PropertyValue = { type: 'service-port', port: spec.value, target };
    if (nodePort !== undefined) value.nodePort = nodePort;
    return ok(value);
  }

  /** KEY=VALUE {`,` KEY=VALUE} */
  private labels(): ValueResult {
    const labels: LabelTerm[] = [];
    let expectLabel = true;
    for (const value of this.values) {
      if (expectLabel) {
        if (value.type !== 'Label') return this.expected(value, 'a label `KEY=VALUE`');
        const { key, start, end, keyEnd, valueStart } = value;
        labels.push({ key, value: value.value, start, end, keyEnd, valueStart });
      } else if (value.type !== 'Comma') {
        return fail(value, `${this.what} needs a \`,\` between labels ${this.usage()}`);
      }
      expectLabel = !expectLabel;
    }
    if (labels.length === 0) return this.missing('at least one label `KEY=VALUE`');
    const last = this.values[this.values.length - 1];
    if (expectLabel && last) return fail(last, `${this.what} has a \`,\` with no label after it`);
    return ok({ type: 'labels', labels });
  }

  /** NAME {`,` NAME} */
  private names(): ValueResult {
    const names: string[] = [];
    let expectName = true;
    for (const value of this.values) {
      if (expectName) {
        if (value.type !== 'Path' || value.parts.length !== 1) return this.expected(value, 'a name');
        names.push(value.parts[0] ?? '');
      } else if (value.type !== 'Comma') {
        return fail(value, `${this.what} needs a \`,\` between names ${this.usage()}`);
      }
      expectName = !expectName;
    }
    if (names.length === 0) return this.missing('at least one name');
    const last = this.values[this.values.length - 1];
    if (expectName && last) return fail(last, `${this.what} has a \`,\` with no name after it`);
    return ok({ type: 'names', names });
  }

  private count(value: Value): ValueResult | undefined {
    if (value.type !== 'Integer') return undefined;
    if (value.value > MAX_REPLICAS) {
      return fail(value, `${this.what} is at most ${MAX_REPLICAS}, not ${value.raw}`);
    }
    return ok({ type: 'count', value: value.value });
  }

  /** VOLUME-TYPE [SOURCE-NAME] */
  private volumeType(members: readonly string[], named: readonly string[]): ValueResult {
    const [type, source, ...rest] = this.values;
    if (!type) return this.missing();
    if (type.type !== 'Path' || type.parts.length !== 1) return this.expected(type);
    const word = type.parts[0] ?? '';
    if (!members.includes(word)) {
      return fail(
        type,
        `\`${word}\` is not a Kubernetes volume type; expected one of ${members.join(', ')}${didYouMean(word, members)}`,
      );
    }
    if (!source) return ok({ type: 'volume-type', volumeType: word });
    if (!named.includes(word)) {
      return fail(source, `\`${word}\` volumes name no source; only ${named.join(', ')} volumes do`);
    }
    if (source.type !== 'Path' || source.parts.length !== 1) {
      return this.expected(source, `the name of the ${word} it mounts`);
    }
    if (rest.length > 0) return this.tooMany(2);
    return ok({ type: 'volume-type', volumeType: word, source: source.parts[0] ?? '' });
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

/** A one-part name other than the statement's keywords: the name of the port before it. */
function isPortName(value: Value): value is Value & { type: 'Path' } {
  return (
    value.type === 'Path' &&
    value.parts.length === 1 &&
    !['host', 'target', 'node'].includes(value.parts[0] ?? '')
  );
}

function isWord(value: Value, word: string): boolean {
  return value.type === 'Path' && value.parts.length === 1 && value.parts[0] === word;
}

/** The default ports of the schemes a `connect` URL is likely to use. */
const SCHEME_PORTS: Readonly<Record<string, number>> = {
  'http:': 80,
  'https:': 443,
  'ws:': 80,
  'wss:': 443,
  'grpc:': 443,
  'postgres:': 5432,
  'postgresql:': 5432,
  'mysql:': 3306,
  'redis:': 6379,
  'mongodb:': 27017,
  'amqp:': 5672,
};

/** `https://api.example.com/v1` → the external host `api.example.com`, port 443, the URL kept. */
function urlEndpoint(text: string): Endpoint | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.hostname === '') return undefined;
  const port = url.port === '' ? SCHEME_PORTS[url.protocol] : Number(url.port);
  const endpoint: Endpoint = { kind: 'external', host: url.hostname, url: text };
  if (port !== undefined) endpoint.port = port;
  return endpoint;
}

/** `localhost` is the caller's own network namespace, never a name. */
function pathEndpoint(parts: readonly string[], port?: number): Endpoint {
  const endpoint: Endpoint =
    parts.length === 1 && parts[0] === 'localhost'
      ? { kind: 'localhost' }
      : { kind: 'path', parts: [...parts] };
  if (port !== undefined) endpoint.port = port;
  return endpoint;
}
