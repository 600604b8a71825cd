import { IConstruct } from 'constructs';
import { AppContext, ContextKey } from '../../core/app-context';

/** The app's tenant namespaces: namespace -> tenant name (a slot of the app context). */
const TENANT_NAMESPACES = new ContextKey('tenant namespaces', () => new Map<string, string>());

/**
 * Records that `namespace` belongs to a tenant: on a Gateway API gateway whose implementation serves ListenerSets,
 * its routes get their own ListenerSet there instead of listeners on the shared Gateway.
 */
export function declareTenantNamespace(scope: IConstruct, namespace: string, tenant: string): void {
  AppContext.of(scope).get(TENANT_NAMESPACES).set(namespace, tenant);
}

/** Whether `namespace` belongs to a tenant. */
export function isTenantNamespace(scope: IConstruct, namespace: string): boolean {
  return AppContext.of(scope).get(TENANT_NAMESPACES).has(namespace);
}
