/**
 * Name checks ported from k8s.io/apimachinery pkg/util/validation and pkg/api/validation/path (v0.28, Kubernetes 1.28):
 * IsQualifiedName (label and annotation keys, loadBalancerClass), IsValidLabelValue, IsEnvVarName (the 1.28 rule:
 * RelaxedEnvironmentVariableValidation came later), IsConfigMapKey, IsValidPathSegmentName and IsDomainPrefixedPath.
 * Upstream: kubernetes/apimachinery v0.28.4, pkg/util/validation/validation.go and pkg/api/validation/path/name.go;
 * the 250-character limit of IngressClass spec.controller is kubernetes v1.28 pkg/apis/networking/validation.
 */
import { checkDns1123Subdomain, DNS1123_SUBDOMAIN_MAX_LENGTH } from './dns';

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_MAX_LENGTH = 63;
const LABEL_VALUE_MAX_LENGTH = 63;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/** Label or annotation key, loadBalancerClass: an optional DNS-1123 subdomain prefix and '/', then a name of 1-63 characters. */
export function checkQualifiedName(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return "must be a name with an optional DNS subdomain prefix ('example.com/name')";
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const reason = checkDns1123Subdomain(parts[0]);
    if (reason) return `prefix part ${reason}`;
  }
  if (name.length === 0 || name.length > QUALIFIED_NAME_MAX_LENGTH || !QUALIFIED_NAME_PART.test(name)) {
    return "name part must be 1-63 characters: alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
  }
  return undefined;
}

/** Label value: empty, or up to 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric. */
export function checkLabelValue(value: string): string | undefined {
  if (value.length > LABEL_VALUE_MAX_LENGTH) return `must be no more than ${LABEL_VALUE_MAX_LENGTH} characters (got ${value.length})`;
  if (value.length > 0 && !QUALIFIED_NAME_PART.test(value)) {
    return "must be empty or consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
  }
  return undefined;
}

/** The '.'/'..' rule that env var names and ConfigMap keys share (they become file names). */
function checkChDirPrefix(value: string): string | undefined {
  if (value === '.') return "must not be '.'";
  if (value === '..') return "must not be '..'";
  if (value.startsWith('..')) return "must not start with '..'";
  return undefined;
}

/** Container environment variable name (Kubernetes 1.28): letters, digits, '_', '-', '.', not starting with a digit. */
export function checkEnvVarName(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (!ENV_VAR_NAME.test(value)) return "must consist of letters, digits, '_', '-' or '.', and must not start with a digit (such as 'MY_ENV.NAME')";
  return checkChDirPrefix(value);
}

/** ConfigMap or Secret data key: at most 253 alphanumerics, '-', '_' or '.'. */
export function checkConfigMapKey(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) return `must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters (got ${value.length})`;
  if (!CONFIG_MAP_KEY.test(value)) return "must consist of alphanumerics, '-', '_' or '.' (such as 'key.name')";
  return checkChDirPrefix(value);
}

/** A name that becomes one URL path segment (IngressClass parameters kind and name): not '.' or '..', no '/' or '%'. */
export function checkPathSegmentName(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value === '.' || value === '..') return `may not be '${value}'`;
  for (const forbidden of ['/', '%']) {
    if (value.includes(forbidden)) return `may not contain '${forbidden}'`;
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
  if (!HTTP_PATH.test(path)) return "path part may contain only letters, digits and /-._~%!$&'()*+,;=:";
  return undefined;
}
