// fast-check generators of topologies for the ASCII renderer's property tests: random names and
// labels (CJK, emoji, accents, control characters and ANSI escapes), random counts and nesting.

import fc from 'fast-check';
import type {
  ContainerSpec,
  GroupSpec,
  MachineSpec,
  PodSpec,
  ProcessSpec,
  TopologySpec,
} from './ascii-model.js';

const WORDS = [
  'kube',
  'proxy',
  'etcd',
  'NODE',
  '(machine)',
  'ノード',
  '日本語のメモ',
  'データベース',
  '🚀',
  '👩‍💻',
  '🖥️',
  '☕',
  'Café',
  'naïve',
  'x',
  '10.0.0.1',
  'averyveryveryverylongwordthatcannotbebrokenatspaces',
  '\u001b[31mred\u001b[0m',
  'tab\there',
  '\u202eevil',
  'zero\u200bwidth',
];

const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
  .map((words) => words.join(' '));
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const ip = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `10.0.${a}.${b}`);

const named = fc.record({ name, label: optional(text), note: optional(text) });

const process: fc.Arbitrary<ProcessSpec> = fc
  .tuple(named, fc.constantFrom('control-plane' as const, 'node' as const, 'other' as const))
  .map(([base, role]) => ({ kind: 'process', ...base, role }));

const group = (depth: number): fc.Arbitrary<GroupSpec> =>
  fc
    .tuple(named, fc.array(depth > 1 ? fc.oneof(process, group(depth - 1)) : process, { maxLength: 4 }))
    .map(([base, children]) => ({ kind: 'group', ...base, children }));

const container: fc.Arbitrary<ContainerSpec> = fc
  .tuple(
    named,
    fc.constantFrom('app' as const, 'sidecar' as const, 'init' as const),
    fc.array(process, { maxLength: 2 }),
  )
  .map(([base, role, processes]) => ({ ...base, role, processes }));

const pod: fc.Arbitrary<PodSpec> = fc
  .record({
    base: named,
    ip: optional(ip),
    hostNetwork: fc.boolean(),
    shareProcessNamespace: fc.boolean(),
    namespace: optional(name),
    volumes: fc.array(name, { maxLength: 3 }),
    containers: fc.array(container, { maxLength: 3 }),
  })
  .map(({ base, ...rest }) => ({ kind: 'pod', ...base, ...rest }));

const machine: fc.Arbitrary<MachineSpec> = fc
  .tuple(named, optional(ip), fc.array(fc.oneof(process, group(2), pod), { maxLength: 7 }))
  .map(([base, address, children]) => ({ ...base, ip: address, children }));

/** A topology of one to three machines, in an explicit cluster or not (build it with `buildTopology`). */
export const arbitraryTopologySpec: fc.Arbitrary<TopologySpec> = fc
  .tuple(optional(named), fc.array(machine, { minLength: 1, maxLength: 3 }))
  .map(([cluster, machines]) => ({ cluster, machines }));
