// Parsing and arithmetic of IP addresses, CIDR ranges, ports and protocols: text as written →
// the Address/Cidr/Protocol values of types.ts, or the reason it is invalid (one clause, no
// trailing period, for the builder's messages). Canonical IPv6 text follows RFC 5952.

import type { Address, Cidr, Protocol } from './types.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'sctp'];
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

const bits = (family: 4 | 6): number => (family === 4 ? 32 : 128);

/** `/^[0-9]+$/`, without a regular expression: it runs for every octet of every address. */
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `10.0.0.1` → Address; octets are decimal 0–255 without leading zeros. */
export function parseIpv4(text: string): Parsed<Address> {
  const octets = text.split('.');
  if (octets.length !== 4) return fail(`\`${text}\` is not an IPv4 address (it needs four octets)`);
  let value = 0;
  for (const octet of octets) {
    if (!isDigits(octet)) return fail(`\`${text}\` is not an IPv4 address`);
    if (octet.length > 1 && octet.startsWith('0')) {
      return fail(`\`${text}\` is not an IPv4 address (octet \`${octet}\` has a leading zero)`);
    }
    const number = Number(octet);
    if (number > 255) return fail(`\`${text}\` is not an IPv4 address (octet ${octet} is above 255)`);
    value = value * 256 + number;
  }
  // Four octets of 0–255 without leading zeros: the text as written is already canonical.
  return ok({ family: 4, text, value: BigInt(value) });
}

function parseIpv6Groups(part: string): number[] | undefined {
  if (part === '') return [];
  const groups: number[] = [];
  const pieces = part.split(':');
  for (const [index, piece] of pieces.entries()) {
    if (index === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (!v4.ok) return undefined;
      groups.push(Number(v4.value.value >> 16n), Number(v4.value.value & 0xffffn));
    } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
      groups.push(Number.parseInt(piece, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** `fd00::1` (written without brackets) → Address with RFC 5952 canonical text. */
export function parseIpv6(text: string): Parsed<Address> {
  const invalid = fail<Address>(`\`${text}\` is not an IPv6 address`);
  const lower = text.toLowerCase();
  if (lower.includes('%')) return fail(`\`${text}\` is not an IPv6 address (zone indexes are not supported)`);
  const halves = lower.split('::');
  if (halves.length > 2) return invalid;
  const head = parseIpv6Groups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseIpv6Groups(halves[1] ?? '') : [];
  if (!head || !tail) return invalid;
  const written = head.length + tail.length;
  if (halves.length === 2 ? written > 7 : written !== 8) return invalid;
  const groups = [...head, ...new Array<number>(8 - written).fill(0), ...tail];
  const value = groups.reduce((sum, group) => (sum << 16n) | BigInt(group), 0n);
  return ok({ family: 6, text: formatIpv6(value), value });
}

export function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1; // RFC 5952 4.2.2: a single zero group is not compressed
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The address with this numeric value, in canonical text. */
export function addressOf(family: 4 | 6, value: bigint): Address {
  const text =
    family === 6
      ? formatIpv6(value)
      : [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  return { family, text, value };
}

export function parseAddress(family: 4 | 6, text: string): Parsed<Address> {
  return family === 4 ? parseIpv4(text) : parseIpv6(text);
}

/** `address/prefix` → Cidr; host bits may be set (they are kept in `address` and `text`). */
export function parseCidr(family: 4 | 6, addressText: string, prefix: number): Parsed<Cidr> {
  const address = parseAddress(family, addressText);
  if (!address.ok) return address;
  const width = bits(family);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) {
    return fail(`\`${addressText}/${prefix}\` has prefix /${prefix}, outside 0–${width}`);
  }
  const hostBits = BigInt(width - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const first = address.value.value & ~hostMask;
  return ok({
    family,
    text: `${address.value.text}/${prefix}`,
    address: address.value.value,
    prefix,
    first,
    last: first | hostMask,
  });
}

/** 127.0.0.0/8 and ::1. */
export function isLoopback(address: Address): boolean {
  return address.family === 4 ? address.value >> 24n === 127n : address.value === 1n;
}

export function cidrContains(cidr: Cidr, address: Address): boolean {
  return cidr.family === address.family && address.value >= cidr.first && address.value <= cidr.last;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** A port number as written; `raw` is used in the message so huge numbers read as typed. */
export function checkPort(value: number, raw: string = String(value)): Parsed<number> {
  if (!Number.isInteger(value) || value < MIN_PORT || value > MAX_PORT) {
    return fail(`port ${raw} is outside ${MIN_PORT}–${MAX_PORT}`);
  }
  return ok(value);
}

/** Case-insensitive: `53/UDP` is udp. */
export function parseProtocol(text: string): Parsed<Protocol> {
  const lower = text.toLowerCase();
  const protocol = PROTOCOLS.find((candidate) => candidate === lower);
  if (!protocol) return fail(`unknown protocol \`${text}\`; expected tcp, udp or sctp`);
  return ok(protocol);
}
