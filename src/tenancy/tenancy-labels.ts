/**
 * Where a tenant's allowance is recorded: on its Namespace, so the rules (and `lint`) can check every Ingress in it
 * from manifests alone. Internal constants; the README documents the keys.
 */

/** Label: the tenant that owns the namespace. */
export const LABEL_TENANT = 'gateways.cdk8s.io/tenant';
/** Label `"true"`: pods of the namespace are isolated by a default-deny NetworkPolicy (ingress and egress). */
export const LABEL_ISOLATED = 'gateways.cdk8s.io/isolated';
/** Annotation: comma-separated hosts the namespace may serve (`shop.example.com`, `*.shop.example.com`). */
export const ANNOTATION_ALLOWED_HOSTS = 'gateways.cdk8s.io/allowed-hosts';
/** Annotation: comma-separated IngressClass names the namespace's Ingresses may use. */
export const ANNOTATION_ALLOWED_CLASSES = 'gateways.cdk8s.io/allowed-classes';

/** The entries of a comma-separated annotation value (trimmed, empty entries dropped). */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter((v) => v.length > 0);
}
