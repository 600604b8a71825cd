/**
 * Ingress field checks, ported from Kubernetes 1.28 pkg/apis/networking/validation (ValidateIngressSpec):
 * rule hosts, TLS hosts and HTTP paths by pathType (the host check parses IPs as ParseIPSloppy does).
 */
import { checkDns1123Subdomain, checkWildcardDns1123Subdomain } from './dns';
import { isIpAddress } from './ip';

/** Ingress rule host: DNS-1123 subdomain, optionally with a single leading `*.` wildcard label; no IP, no port. */
export function checkIngressHost(host: string): string | undefined {
  if (/^[^:]+:\d*$/.test(host)) return 'must not contain a port';
  if (isIpAddress(host)) return 'must be a DNS name, not an IP address';
  return checkWildcardDns1123Subdomain(host);
}

/** Ingress TLS host: the API checks only the DNS-1123 (wildcard) subdomain syntax here, not IPs or ports separately. */
export function checkTlsHost(host: string): string | undefined {
  if (host.startsWith('*.')) {
    const reason = checkDns1123Subdomain(host.slice(2));
    return reason ? `wildcard host ${reason}` : undefined;
  }
  if (host.includes('*')) return "may contain a wildcard only as the whole leftmost label ('*.example.com')";
  return checkDns1123Subdomain(host);
}

const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

/** Ingress HTTP path, by pathType: Exact and Prefix must be clean absolute paths; ImplementationSpecific may hold a regex. */
export function checkIngressPath(path: string, pathType: string): string | undefined {
  if (!['Exact', 'Prefix', 'ImplementationSpecific'].includes(pathType)) {
    return `pathType must be one of Exact, Prefix or ImplementationSpecific (got "${pathType}")`;
  }
  if (pathType === 'ImplementationSpecific') {
    return path.length === 0 ? undefined : path.startsWith('/') ? undefined : "must be an absolute path (start with '/')";
  }
  if (!path.startsWith('/')) return "must be an absolute path (start with '/')";
  for (const seq of INVALID_PATH_SEQUENCES) {
    if (path.includes(seq)) return `must not contain '${seq}'`;
  }
  for (const suffix of INVALID_PATH_SUFFIXES) {
    if (path.endsWith(suffix)) return `must not end with '${suffix}'`;
  }
  return undefined;
}
