/**
 * The Kubernetes CEL library functions that the CRDs in ../shared/crds use and @bufbuild/cel lacks, with the API
 * server's semantics (k8s.io/apiserver/pkg/cel/library). `matches`, `duration`, `size`, the macros and the string
 * extension (`lowerAscii`, `upperAscii`, `split`, `substring`, ...) come from @bufbuild/cel itself.
 */
import { CelFunc, CelScalar, celFunc } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

const IPV4_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
// Go's netip.ParseAddr: four decimal octets, no leading zeros.
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);

/**
 * `isIP(string)` of the Kubernetes IP library (library/ip.go): true for an IPv4 or IPv6 address that Go's
 * `netip.ParseAddr` accepts, without a zone and not an IPv4-mapped IPv6 address (both refused by the library).
 */
export function isKubernetesIP(text: string): boolean {
  if (IPV4.test(text)) return true;
  if (!text.includes(':') || text.includes('%') || text.includes('[') || text.includes(']')) return false;
  const v4Tail = /:([0-9.]+)$/.exec(text);
  if (v4Tail && v4Tail[1].includes('.') && !IPV4.test(v4Tail[1])) return false;
  let normalized: string;
  try {
    normalized = new URL(`http://[${text}]/`).hostname;
  } catch {
    return false;
  }
  // WHATWG serializes an IPv4-mapped address as [::ffff:a:b]; the Kubernetes library refuses those.
  return !/^\[::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/.test(normalized);
}

/** Every function the validator's environment adds to the CEL standard library. */
export const KUBERNETES_CEL_FUNCTIONS: CelFunc[] = [
  ...strings,
  celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, (text: string) => isKubernetesIP(text)),
];

/**
 * Kubernetes CEL names of the reserved words: a property whose name is a CEL keyword is reached as `__<name>__`,
 * and `__`, `.`, `-`, `/` in a name are spelled out (apiserver/pkg/cel/escaping.go).
 */
const CEL_RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import',
  'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

export function escapeKubernetesPropertyName(name: string): string {
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  return name.replace(/__/g, '__underscores__').replace(/\./g, '__dot__').replace(/-/g, '__dash__').replace(/\//g, '__slash__');
}
