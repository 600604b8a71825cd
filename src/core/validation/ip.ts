/**
 * IP address and CIDR checks, ported from Go's parsers, which decide what the API server and the controllers accept:
 *
 * - The API server (Kubernetes 1.28: apimachinery IsValidIP, NetworkPolicy ipBlock, Service loadBalancerSourceRanges)
 *   parses with k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy, a copy of Go 1.16's net.ParseIP / ParseCIDR:
 *   IPv4 fields may have leading zeros ("010.0.0.1"), IPv6 groups any number of hex digits up to 0xffff.
 * - cert-manager's webhook (Certificate ipAddresses) and controllers written in Go use today's net.ParseIP /
 *   ParseCIDR (`strict`): no leading zeros in IPv4 fields, at most 4 hex digits per IPv6 group.
 *
 * Neither accepts an IPv6 zone ("fe80::1%eth0"), a port, or surrounding spaces.
 *
 * Upstream: kubernetes/apimachinery v0.28.4 pkg/util/validation/validation.go (IsValidIP; 1.28 has no IsValidCIDR),
 * k8s.io/utils net/parse.go (the Go 1.16 copy), kubernetes v1.28 pkg/apis/networking/validation (ValidateIPBlock) and
 * pkg/apis/core/validation (loadBalancerSourceRanges), cert-manager v1.21.1
 * internal/apis/certmanager/validation/certificate.go (validateIPAddresses).
 */

/** How strictly addresses are parsed; see the module comment. */
export interface IpSyntax {
  /** Go >= 1.17 net.ParseIP rules (cert-manager, controllers) instead of the API server's sloppy ones. */
  readonly strict?: boolean;
}

const BIG = 0xffffff;

/** Go's dtoi/xtoi: the value of the leading digits, how many there were, and whether there was one and it fit. */
function leadingNumber(s: string, base: 10 | 16): { n: number; count: number; ok: boolean } {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const d = digitValue(s[i], base);
    if (d === undefined) break;
    n = n * base + d;
    if (n >= BIG) return { n: BIG, count: i, ok: false };
  }
  return { n, count: i, ok: i > 0 };
}

function digitValue(c: string, base: 10 | 16): number | undefined {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (base === 16 && c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (base === 16 && c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  return undefined;
}

/** Go parseIPv4: four decimal fields of at most 255 (strict: without leading zeros). */
function isIpv4(s: string, strict: boolean): boolean {
  let rest = s;
  for (let field = 0; field < 4; field++) {
    if (field > 0) {
      if (rest[0] !== '.') return false;
      rest = rest.slice(1);
    }
    const { n, count, ok } = leadingNumber(rest, 10);
    if (!ok || n > 0xff) return false;
    if (strict && count > 1 && rest[0] === '0') return false;
    rest = rest.slice(count);
  }
  return rest.length === 0;
}

/** Go parseIPv6: hex groups, at most one '::' standing for at least one zero group, optionally an IPv4 tail. */
function isIpv6(s: string, strict: boolean): boolean {
  const GROUPS_BYTES = 16;
  let rest = s;
  let ellipsis = -1;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest.length === 0) return true;
  }
  let i = 0;
  while (i < GROUPS_BYTES) {
    const { n, count, ok } = leadingNumber(rest, 16);
    if (!ok || n > 0xffff) return false;
    if (strict && count > 4) return false;
    if (count < rest.length && rest[count] === '.') {
      if (ellipsis < 0 && i !== GROUPS_BYTES - 4) return false;
      if (i + 4 > GROUPS_BYTES) return false;
      if (!isIpv4(rest, strict)) return false;
      rest = '';
      i += 4;
      break;
    }
    i += 2;
    rest = rest.slice(count);
    if (rest.length === 0) break;
    if (rest[0] !== ':' || rest.length === 1) return false;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      rest = rest.slice(1);
      if (rest.length === 0) break;
    }
  }
  if (rest.length !== 0) return false;
  if (i < GROUPS_BYTES) return ellipsis >= 0;
  return ellipsis < 0;
}

/** 4 or 16 (bytes) when `value` is an IPv4 or IPv6 address as Go's net.ParseIP reads it; undefined otherwise. */
function ipLength(value: string, strict: boolean): 4 | 16 | undefined {
  // Go decides by the first '.' or ':'.
  for (const c of value) {
    if (c === '.') return isIpv4(value, strict) ? 4 : undefined;
    if (c === ':') return isIpv6(value, strict) ? 16 : undefined;
  }
  return undefined;
}

/** An IPv4 or IPv6 address (the API server's IsValidIP, or with `strict` cert-manager's net.ParseIP). */
export function checkIp(value: string, syntax: IpSyntax = {}): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (ipLength(value, syntax.strict ?? false) === undefined) {
    return `must be an IPv4 or IPv6 address such as "10.9.8.7" or "2001:db8::ffff"${syntax.strict ? ' (no leading zeros, no zone)' : ' (no zone)'}`;
  }
  return undefined;
}

/** True when `value` is an IPv4 or IPv6 address the API server accepts. */
export function isIpAddress(value: string): boolean {
  return ipLength(value, false) !== undefined;
}

/** A CIDR as Go's net.ParseCIDR reads it (sloppy for the API server, `strict` for Go controllers): address, '/', prefix length. */
export function checkCidr(value: string, syntax: IpSyntax = {}): string | undefined {
  const strict = syntax.strict ?? false;
  if (value.length === 0) return 'must not be empty; give an address with a prefix length, such as "10.0.0.0/8"';
  const slash = value.indexOf('/');
  if (slash < 0) return 'must be an address with a prefix length, such as "10.0.0.0/8" or "fd00::/8"';
  const address = value.slice(0, slash);
  const mask = value.slice(slash + 1);
  // ParseCIDR tries IPv4 first, then IPv6 (so "::ffff:10.0.0.1/104" is a 128-bit prefix).
  const length = isIpv4(address, strict) ? 4 : isIpv6(address, strict) ? 16 : undefined;
  if (length === undefined) {
    if (/^[0-9.]+$/.test(address) && address.split('.').some((o) => Number(o) > 255)) return 'has an IPv4 octet above 255';
    return `is not an IPv4 or IPv6 address with a prefix length, such as "10.0.0.0/8" or "fd00::/8"${strict ? ' (no leading zeros)' : ''}`;
  }
  const { n, count, ok } = leadingNumber(mask, 10);
  if (!ok || count !== mask.length) return 'must end in a decimal prefix length after "/"';
  if (n > length * 8) return `has an ${length === 4 ? 'IPv4' : 'IPv6'} prefix length above ${length * 8}`;
  return undefined;
}
