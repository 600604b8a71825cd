import { checkDns1123Subdomain, checkIngressHost } from './validation';

/**
 * Returns a reason when `pattern` is not a host allowance: an exact host (`shop.example.com`) or a suffix
 * pattern (`*.shop.example.com`); undefined when valid.
 */
export function checkHostPattern(pattern: string): string | undefined {
  if (pattern.startsWith('*.')) {
    const reason = checkDns1123Subdomain(pattern.slice(2));
    return reason ? `suffix ${reason}` : undefined;
  }
  if (pattern.includes('*')) return "may contain a wildcard only as the whole leftmost label ('*.example.com')";
  return checkIngressHost(pattern);
}

/**
 * Whether `host` (an Ingress host, possibly itself a wildcard such as `*.shop.example.com`) is inside the allowance.
 * An exact entry allows that host only; `*.suffix` allows every host below `suffix`, at any depth, including
 * wildcard hosts below it, but not `suffix` itself. An empty host (an Ingress rule for every host) is never allowed.
 */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase();
  if (h.length === 0) return false;
  return patterns.some((p) => {
    const pattern = p.toLowerCase();
    return pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern;
  });
}
