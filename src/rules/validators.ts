/**
 * Syntax checks that mirror what the Kubernetes API server accepts (apimachinery validation),
 * so synth rejects exactly what `kubectl apply` would.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Returns a reason when `value` is not a DNS-1123 label (namespaces), undefined when valid. */
export function checkDns1123Label(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 63) return `must be no more than 63 characters (got ${value.length})`;
  if (!DNS1123_LABEL.test(value)) return "must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character";
  return undefined;
}

/** DNS-1123 subdomain: most object names, IngressClass names and Ingress hosts. */
export function checkDns1123Subdomain(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 253) return `must be no more than 253 characters (got ${value.length})`;
  for (const label of value.split('.')) {
    if (!DNS1123_LABEL.test(label)) {
      return "must be a lowercase RFC 1123 subdomain: labels of lower case alphanumeric characters or '-', separated by '.', each starting and ending with an alphanumeric character";
    }
  }
  return undefined;
}

/** DNS-1035 label: Service names. */
export function checkDns1035Label(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 63) return `must be no more than 63 characters (got ${value.length})`;
  if (!DNS1035_LABEL.test(value)) return "must consist of lower case alphanumeric characters or '-', start with a letter and end with an alphanumeric character";
  return undefined;
}

/** IANA service name: named ports (at most 15 characters, at least one letter, no '--'). */
export function checkPortName(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 15) return `must be no more than 15 characters (got ${value.length})`;
  if (!IANA_SVC_NAME.test(value)) return "must contain only lower case alphanumeric characters or '-', and start and end with an alphanumeric character";
  if (value.includes('--')) return "must not contain consecutive hyphens ('--')";
  if (!/[a-z]/.test(value)) return 'must contain at least one letter';
  return undefined;
}

export function checkPortNumber(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 65535) return 'must be an integer between 1 and 65535';
  return undefined;
}

export function isIpAddress(value: string): boolean {
  const m = IPV4.exec(value);
  if (m) return m.slice(1).every((octet) => Number(octet) <= 255);
  return value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value);
}

/** Ingress rule host: DNS-1123 subdomain, optionally with a single leading `*.` wildcard label; no IP, no port. */
export function checkIngressHost(host: string): string | undefined {
  if (/^[^:]+:\d*$/.test(host)) return 'must not contain a port';
  if (isIpAddress(host)) return 'must be a DNS name, not an IP address';
  if (host.startsWith('*.')) {
    const rest = host.slice(2);
    if (rest.includes('*')) return "may contain a wildcard only as the whole leftmost label ('*.example.com')";
    const reason = checkDns1123Subdomain(rest);
    return reason ? `wildcard host ${reason}` : undefined;
  }
  if (host.includes('*')) return "may contain a wildcard only as the whole leftmost label ('*.example.com')";
  return checkDns1123Subdomain(host);
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

/** IngressClass spec.controller: a domain-prefixed path such as `example.com/ingress-controller`, at most 250 characters. */
export function checkControllerValue(value: string): string | undefined {
  if (value.length > 250) return `must be no more than 250 characters (got ${value.length})`;
  const slash = value.indexOf('/');
  if (slash <= 0) return "must be a domain-prefixed path such as 'example.com/ingress-controller'";
  const domain = value.slice(0, slash);
  const path = value.slice(slash + 1);
  if (checkDns1123Subdomain(domain)) return `must start with a lowercase DNS subdomain prefix (got "${domain}")`;
  if (path.length === 0) return "must have a path after the domain ('example.com/ingress-controller')";
  if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(path)) {
    return "path part may contain only letters, digits and /-._~%!$&'()*+,;=:";
  }
  return undefined;
}

/** Label or annotation key: optional DNS subdomain prefix + '/' + a name of at most 63 characters. */
export function checkQualifiedName(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return "must be a name with an optional DNS subdomain prefix ('example.com/name')";
  const name = parts[parts.length - 1];
  if (parts.length === 2 && checkDns1123Subdomain(parts[0])) return 'prefix must be a lowercase DNS-1123 subdomain';
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME_PART.test(name)) {
    return "name part must be 1-63 characters: alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
  }
  return undefined;
}
