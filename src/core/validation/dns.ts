/**
 * DNS name checks, ported from k8s.io/apimachinery pkg/util/validation (v0.28, Kubernetes 1.28):
 * IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label, IsWildcardDNS1123Subdomain.
 * Upstream: kubernetes/apimachinery v0.28.4, pkg/util/validation/validation.go.
 * Each check returns a reason when the value is rejected (saying what is accepted), undefined when it is valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
export const DNS1035_LABEL_MAX_LENGTH = 63;

/** DNS-1123 label: namespaces, most label-like names. */
export function checkDns1123Label(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > DNS1123_LABEL_MAX_LENGTH) return `must be no more than ${DNS1123_LABEL_MAX_LENGTH} characters (got ${value.length})`;
  if (!DNS1123_LABEL.test(value)) {
    if (checkDns1123Subdomain(value) === undefined) return 'must not contain dots';
    return "must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character";
  }
  return undefined;
}

/** DNS-1123 subdomain: most object names (Secrets, Deployments, IngressClasses), Ingress hosts. */
export function checkDns1123Subdomain(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) return `must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters (got ${value.length})`;
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
  if (value.length > DNS1035_LABEL_MAX_LENGTH) return `must be no more than ${DNS1035_LABEL_MAX_LENGTH} characters (got ${value.length})`;
  if (!DNS1035_LABEL.test(value)) return "must consist of lower case alphanumeric characters or '-', start with a letter and end with an alphanumeric character";
  return undefined;
}

/** A DNS-1123 subdomain, or `*.` followed by one (RFC 1034 4.3.3 wildcard as the whole leftmost label). */
export function checkWildcardDns1123Subdomain(value: string): string | undefined {
  if (value.startsWith('*.')) {
    if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) return `must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters (got ${value.length})`;
    const rest = value.slice(2);
    if (rest.includes('*')) return "may contain a wildcard only as the whole leftmost label ('*.example.com')";
    const reason = checkDns1123Subdomain(rest);
    return reason ? `wildcard host ${reason}` : undefined;
  }
  if (value.includes('*')) return "may contain a wildcard only as the whole leftmost label ('*.example.com')";
  return checkDns1123Subdomain(value);
}
