import { ApiObject } from 'cdk8s';
import { GATEWAY_API_VERSION } from './gateway-api-binding';
import { AppContext, ContextKey } from '../../core/app-context';
import { rejectInput } from '../../core/input/reject-input';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';
import { BackendCertificateAuthoritySource, defaultBackendTlsHostname } from '../../routing/backend-certificate-authority';
// Type-only: the gateway renders routes through this module.
import type { Route } from '../../routing/route';

/** What a Service's BackendTLSPolicy verifies, and the route that asked for it first. */
interface PolicyClaim {
  readonly hostname: string;
  /** `ConfigMap/<name>`, `Secret/<name>` or `System`. */
  readonly authority: string;
  readonly routePath: string;
}

/** The BackendTLSPolicies of the app by Service, as `<namespace>/<service>`. */
const POLICIES = new ContextKey('BackendTLSPolicies', () => new Map<string, PolicyClaim>());

/**
 * A BackendTLSPolicy for a route whose backend speaks TLS (HTTPS, GRPCS): one per Service, shared by every route
 * and gateway to it. The proxy verifies the backend's certificate for `backendTlsHostname` (default: the Service's
 * cluster DNS name) against `backendCertificateAuthority`: a ConfigMap or Secret of the route's namespace
 * (`caCertificateRefs`, key `ca.crt`) or the system CAs (`wellKnownCACertificates: System`, the default). Two routes
 * to one Service that ask for a different CA or hostname are a conflict the policy can not express: the later one
 * is reported (CG-INPUT-001) rather than silently verified with the first one's settings.
 */
export function renderBackendTlsPolicy(route: Route): void {
  const options = route.options;
  if (options.backendProtocol !== 'HTTPS' && options.backendProtocol !== 'GRPCS') return;
  const service = route.backend.serviceName;
  const authority = options.backendCertificateAuthority;
  const claim: PolicyClaim = {
    hostname: options.backendTlsHostname ?? defaultBackendTlsHostname(service, route.namespace),
    authority: authority?.toString() ?? BackendCertificateAuthoritySource.SYSTEM,
    routePath: route.node.path,
  };
  const key = `${route.namespace}/${service}`;
  const policies = AppContext.of(route).get(POLICIES);
  const first = policies.get(key);
  if (first) {
    reportConflict(route, key, first, claim);
    return;
  }
  policies.set(key, claim);
  const objectName = authority?.objectName;
  const trust = authority?.source === BackendCertificateAuthoritySource.CONFIG_MAP || authority?.source === BackendCertificateAuthoritySource.SECRET
    ? { caCertificateRefs: [{ group: '', kind: authority.source, name: objectName }] }
    : { wellKnownCACertificates: 'System' };
  new ApiObject(route, 'BackendTlsPolicy', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'BackendTLSPolicy',
    metadata: { name: `${service}-backend-tls`, namespace: route.namespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
    spec: {
      targetRefs: [{ group: '', kind: 'Service', name: service }],
      validation: { hostname: claim.hostname, ...trust },
    },
  });
}

/** Reports each setting of `claim` that differs from the Service's policy, on the later route's option field. */
function reportConflict(route: Route, service: string, first: PolicyClaim, claim: PolicyClaim): void {
  const differing = [
    ['backendCertificateAuthority', first.authority, claim.authority],
    ['backendTlsHostname', first.hostname, claim.hostname],
  ] as const;
  for (const [field, theirs, ours] of differing) {
    if (theirs === ours) continue;
    rejectInput(route, `options.${field}`, ours,
      `every route to Service ${service} shares its one BackendTLSPolicy, which route ${first.routePath} already set to ${theirs}; `
      + `give every route to this Service the same ${field} (${theirs})`);
  }
}
