import { ApiObject } from 'cdk8s';
import { GATEWAY_API_VERSION } from './gateway-api-binding';
import { AppContext, ContextKey } from '../../core/app-context';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';
// Type-only: the gateway renders routes through this module.
import type { Route } from '../../routing/route';

/** The Services of the app that have a BackendTLSPolicy, as `<namespace>/<service>`. */
const POLICIES = new ContextKey('BackendTLSPolicies', () => new Set<string>());

/**
 * A BackendTLSPolicy for a route whose backend speaks TLS (HTTPS, GRPCS): one per Service, shared by every route
 * and gateway to it. The proxy verifies the backend's certificate for the Service's cluster DNS name against the
 * system CAs (`wellKnownCACertificates: System`), the only CA source that needs no extra object.
 */
export function renderBackendTlsPolicy(route: Route): void {
  const protocol = route.options.backendProtocol;
  if (protocol !== 'HTTPS' && protocol !== 'GRPCS') return;
  const service = route.backend.serviceName;
  const key = `${route.namespace}/${service}`;
  const policies = AppContext.of(route).get(POLICIES);
  if (policies.has(key)) return;
  policies.add(key);
  new ApiObject(route, 'BackendTlsPolicy', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'BackendTLSPolicy',
    metadata: { name: `${service}-backend-tls`, namespace: route.namespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
    spec: {
      targetRefs: [{ group: '', kind: 'Service', name: service }],
      validation: { hostname: `${service}.${route.namespace}.svc`, wellKnownCACertificates: 'System' },
    },
  });
}
